import FakeJobDetection
import RuleKit
import Testing

/// Short scam scripts in the style that police and ministry warnings quote (written for this project, one per
/// trick), and honest sentences that share their vocabulary: fee words in a duty, a refund, a warning; cards, IDs
/// and WeChat in ordinary onboarding; training, loans and "abroad" in legitimate jobs.
@Suite("warning-style scripts")
struct WarningScriptTests {
    static let scamScripts: [String] = [
        "招聘兼职刷单员，日赚300-500元，动动手指就能赚钱",
        "淘宝刷信誉兼职，足不出户，每单返佣金",
        "招聘打字员，在家办公，需先交118元入会费和50元押金",
        "缴纳99元会员费即可领取打字任务，完成后再交199元激活编码",
        "手工串珠外发加工，先交材料押金500元，成品回收",
        "应聘需缴纳报名费、体检费，由中介统一安排进厂",
        "入职需交岗位稳定金1000元，做满半年退还",
        "影视公司招聘剧本翻译，签约需交保密金2000元",
        "网络主播招聘，需先缴纳培训费3980元",
        "模特招聘，先拍模卡付推广费2800元",
        "美团骑手直招，入职须先购买电动车和配送箱",
        "中介收取298元押金和路费后安排面试",
        "暑假工中介收取了所有学生的身份证",
        "入职后身份证由公司代为保管，离职时归还",
        "高价收购银行卡、电话卡，一套800元",
        "出租出借个人银行卡，日赚200，不影响使用",
        "招聘跑分人员，手机操作，流水提成",
        "帮忙用个人账户走账，每笔返点1%",
        "加微信领取任务，完成点赞关注即返佣金",
        "扫码进群领任务，新人首单返现",
        "下载APP注册账号做任务，佣金立返",
        "充值做任务，连单完成后统一返还本金和佣金",
        "任务需先垫付，完成后本金加佣金一起返还",
        "国企央企内推，直签保录取",
        "事业单位内部指标，包入编，费用十万",
        "急招4万大学生入编，交钱保过",
        "面试后以能力不足为由要求参加有偿培训，并办理助学贷款支付学费",
        "招转培：零基础先培训后上岗，学费可分期",
        "柬埔寨高薪招聘，月入过万，包机票包吃住",
        "缅甸妙瓦底招聘打字员，月薪3万，无需经验，报销机票",
        "迪拜高薪工作，包吃住，包签证，零经验",
        "发展下线越多收入越高，拉人头奖励",
        "需购买产品成为会员后才能发展下级，层级提成",
        "邀请好友注册，下级充值你拿提成，团队收益无限代",
        "招聘送货司机，先交3000元保证金才能上岗",
        "保安直招，交300元服装费当天上岗",
        "薇信：ab123 领任务，日结",
        "兼职点赞员，一单3元，日赚百元",
        "诚招兼职客服，工作轻松，入职前需交纳工装费及押金共计360元，公司统一配发",
        "天猫京东商家急需兼职人员，帮商家提升销量，一单一结，佣金10%-15%，首单需自行垫资",
        "高薪诚聘业务员，面试合格者需参加公司组织的岗前培训，培训费6800元可申请分期贷款，培训后推荐上岗",
        "招聘临时工，日结200，报名需带身份证，入职后身份证统一由劳务公司保管",
        "兼职赚钱，闲置的电话卡、银行卡都可以出租，每月收入两千",
        "手机兼职，关注抖音博主截图即可获得佣金，有意者加QQ群领取任务",
        "某央企内部推荐，不用考试直接入编，名额仅剩3个，需交10万元关系费",
        "泰国、柬埔寨招聘网络客服，会打字即可，月薪2万起，机票报销，包吃包住",
        "创业好项目，零投资零风险，推荐两人入会即可回本，发展下线拿分红",
        "报名成功后请先支付体检费和报名费，共计260元，我们会安排面试",
        "淘宝店铺招聘刷手，每天两小时，日结一百五",
        "签约主播需先缴纳3000元保证金，直播满三个月后退还",
        "需要大量收购对公账户和U盾，价格高",
        "做任务前请先充值，系统会自动返还本金和佣金，多充多得",
        "诚招代理，入门费980元，每推荐一人返300元",
    ]

    static let honestLookalikes: [String] = [
        "公司缴纳五险一金，押金全免",
        "员工宿舍押金由公司承担",
        "负责收取物业费、押金等日常工作",
        "前台：负责会员接待，收取会员费并登记",
        "支付宝事业部招聘代收代付业务结算专员",
        "负责代收代付系统的对账工作",
        "移动营业厅招聘营业员，负责卖手机卡、办理宽带业务",
        "体检合格后，入职需上交身份证、毕业证原件审核",
        "凡是先交钱才给工作的都是骗子",
        "如有人以公司名义收取报名费，请立即举报",
        "收到任何要求交押金的通知请报警",
        "本岗位不需要刷单，是正规客服",
        "公司统一为员工办理银行卡，用于发放工资",
        "负责抖音账号运营，提升点赞和关注，提成另算",
        "外卖骑手，平台派单，一单一结，多劳多得",
        "快递员，系统派单，按件计提成，需自备电动车",
        "我们为海外客户提供服务，月薪过万，包吃住",
        "负责东南亚市场开拓，有海外工作经验者优先，月薪15000元/月",
        "有意者请加微信详聊，工作地点北京朝阳",
        "面试携带身份证原件、学历证书原件",
        "邀请好友入职奖励500元，团队氛围好",
        "营业额达标有团队奖",
        "教育机构招聘课程顾问，负责向家长收取学费并办理分期",
        "银行招聘个人贷款客户经理，负责学费分期等业务推广",
        "本司直招，无中介费，不收取任何押金和保证金，押车不押证",
        "司机岗位：押金一万元，租金每月6500元",
        "公司提供培训，培训期间不收取培训费",
        "工作简单，在家也能做，宝妈优先，月薪4000，周末双休",
        "驾校招聘教练，学员包过率高",
        "充值卡销售员，负责门店收银",
        "招聘会计，熟悉走账流程和银行对账",
        "本公司招聘仓库管理员，包吃包住，月薪5500，入职不收取任何押金及费用",
        "服装由公司免费提供，离职时无需退还",
        "入职时需提供身份证复印件、银行卡号，用于办理社保和发放工资",
        "岗位职责：负责门店会员卡销售，收取会员费，完成销售任务",
        "负责公司财务核算、报销审核及押金退还等工作",
        "警惕招聘诈骗：任何要求交纳保证金、培训费的招聘都是骗局",
        "我司与越南工厂合作，招聘驻外翻译，要求越南语专业，月薪12000元，公司缴纳社保",
        "招聘电商客服，负责回复客户咨询，处理退款和刷单投诉，底薪3500",
        "培训学校招聘前台，负责学员报名登记和收取培训费",
        "送餐员，自备电动车，按单提成，日结",
    ]

    @Test("every warning-style scam script is at least suspicious at level 1", arguments: scamScripts)
    func scamIsFlagged(text: String) throws {
        let evaluation = try PackFixture.registry(level: 1).evaluate(PackFixture.posting(text))
        #expect(evaluation.verdict >= .suspicious, "score \(evaluation.score)")
    }

    @Test("most warning-style scam scripts reach likelyFraud at level 2")
    func mostScamsAreLikelyFraud() throws {
        let registry = try PackFixture.registry(level: 2)
        let likely = Self.scamScripts.filter { registry.evaluate(PackFixture.posting($0)).verdict == .likelyFraud }
        #expect(likely.count * 10 >= Self.scamScripts.count * 8, "\(likely.count) of \(Self.scamScripts.count)")
    }

    @Test("honest look-alikes produce no finding even at level 3", arguments: honestLookalikes)
    func lookalikeIsClean(text: String) throws {
        let evaluation = try PackFixture.registry(level: 3).evaluate(PackFixture.posting(text))
        #expect(evaluation.findings.isEmpty, "\(evaluation.findings.map(\.rule))")
    }
}
