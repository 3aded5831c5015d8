import CaseCore

/// Every piece of fixed web UI text, in Chinese and English, in one place.
enum Strings {
    enum Key: CaseIterable {
        case appName, login, logout, username, password, signIn, error, back
        case intake, queue, legalDesk, dashboard
        case kind, channel, priority, narrative, complainant, respondent, respondentType, name, phone, department
        case save, redFlags, noRedFlags, sameRespondent, noSameRespondent, typing
        case number, status, dueAt, overdue, assignee, created, filter, all, onlyOverdue, noCases, previous, next
        case timeline, deadline, findings, actions, addNote, note, reason, apply, version, parties, masked
        case showPersonal, referredAt, authority, nearestClock, routes, casesPerWeek, byDepartment, overdueCounts
        case total, open, signedInAs, event, expectedVersionHint, language, loginFailed, daysLeft, nothing
        case score, entities, flaggedIntermediaries, entity, firstSeen, lastSeen, caseCount, postingCount, flags
        case evidence, citations, linkedCases, watched, watch, unwatch, watchReason, audit, companies, recentCounts
        case entityRole, flagSources, noEntities, rule, at, actor, relatedPostings, flaggedOnly, watchedOnly, days
    }

    static func text(_ key: Key, _ language: Language) -> String {
        let pair = pairs(key)
        return language == .zh ? pair.0 : pair.1
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private static func pairs(_ key: Key) -> (String, String) {
        switch key {
        case .appName: ("零工权益保障案件系统", "RightsDesk")
        case .login: ("登录", "Sign in")
        case .logout: ("退出", "Sign out")
        case .username: ("用户名", "User name")
        case .password: ("密码", "Password")
        case .signIn: ("登录", "Sign in")
        case .error: ("出错了", "Error")
        case .back: ("返回", "Back")
        case .intake: ("登记来电", "Intake")
        case .queue: ("案件队列", "Queue")
        case .legalDesk: ("法律服务", "Legal desk")
        case .dashboard: ("统计看板", "Dashboard")
        case .kind: ("类型", "Kind")
        case .channel: ("渠道", "Channel")
        case .priority: ("优先级", "Priority")
        case .narrative: ("来电内容", "Narrative")
        case .complainant: ("投诉人", "Complainant")
        case .respondent: ("被投诉方", "Respondent")
        case .respondentType: ("被投诉方类型", "Respondent type")
        case .name: ("姓名/名称", "Name")
        case .phone: ("电话", "Phone")
        case .department: ("承办部门", "Department")
        case .save: ("保存", "Save")
        case .redFlags: ("风险提示", "Red flags")
        case .noRedFlags: ("暂未发现风险信号", "No red flags so far")
        case .sameRespondent: ("同一被投诉方的已有案件", "Existing cases against this respondent")
        case .noSameRespondent: ("暂无", "None")
        case .typing: ("正在分析…", "Checking…")
        case .number: ("案件编号", "Number")
        case .status: ("状态", "Status")
        case .dueAt: ("办理时限", "Due")
        case .overdue: ("已超期", "Overdue")
        case .assignee: ("承办人", "Assignee")
        case .created: ("登记时间", "Created")
        case .filter: ("筛选", "Filter")
        case .all: ("全部", "All")
        case .onlyOverdue: ("只看超期", "Overdue only")
        case .noCases: ("没有符合条件的案件", "No matching cases")
        case .previous: ("上一页", "Previous")
        case .next: ("下一页", "Next")
        case .timeline: ("办理记录", "Timeline")
        case .deadline: ("时限", "Deadline")
        case .findings: ("规则提示", "Findings")
        case .actions: ("可执行操作", "Actions")
        case .addNote: ("添加备注", "Add note")
        case .note: ("备注", "Note")
        case .reason: ("理由", "Reason")
        case .apply: ("执行", "Apply")
        case .version: ("版本", "Version")
        case .parties: ("当事人", "Parties")
        case .masked: ("个人信息已脱敏", "Personal data masked")
        case .showPersonal: ("查看完整个人信息（将记录审计）", "Show full personal data (audited)")
        case .referredAt: ("移送时间", "Referred")
        case .authority: ("移送机构", "Authority")
        case .nearestClock: ("最近期限", "Nearest clock")
        case .routes: ("法律途径", "Legal routes")
        case .casesPerWeek: ("每周案件数（按类型）", "Cases per week by kind")
        case .byDepartment: ("按承办部门", "By department")
        case .overdueCounts: ("超期情况", "Overdue")
        case .total: ("总数", "Total")
        case .open: ("未办结", "Open")
        case .signedInAs: ("当前用户", "Signed in as")
        case .event: ("操作", "Event")
        case .expectedVersionHint: ("他人修改后提交将被拒绝", "Refused if someone else changed the case meanwhile")
        case .language: ("English", "中文")
        case .loginFailed: ("用户名或密码错误", "Wrong user name or password")
        case .daysLeft: ("剩余工作日", "Working days left")
        case .nothing: ("无", "None")
        case .score: ("风险分", "score")
        case .entities: ("风险实体", "Entities")
        case .flaggedIntermediaries: ("被标记的中介（按来源数）", "Flagged intermediaries (by sources)")
        case .entity: ("实体", "Entity")
        case .firstSeen: ("首次出现", "First seen")
        case .lastSeen: ("最近出现", "Last seen")
        case .caseCount: ("案件数", "Cases")
        case .postingCount: ("招聘信息数", "Postings")
        case .flags: ("风险标记", "Flags")
        case .evidence: ("证据", "Evidence")
        case .citations: ("法律依据", "Legal basis")
        case .linkedCases: ("关联案件", "Linked cases")
        case .watched: ("重点关注", "Watched")
        case .watch: ("加入重点关注", "Watch")
        case .unwatch: ("移出重点关注", "Unwatch")
        case .watchReason: ("关注原因", "Watch reason")
        case .audit: ("审计记录", "Audit log")
        case .companies: ("关联公司", "Companies")
        case .recentCounts: ("近期出现（案件/招聘信息）", "Recent (cases/postings)")
        case .entityRole: ("角色", "Role")
        case .flagSources: ("标记来源数", "Flag sources")
        case .noEntities: ("暂无符合条件的实体", "No matching entities")
        case .rule: ("规则", "Rule")
        case .at: ("时间", "At")
        case .actor: ("操作人", "By")
        case .relatedPostings: ("相关招聘信息", "Related postings")
        case .flaggedOnly: ("只看被标记的", "Flagged only")
        case .watchedOnly: ("只看重点关注", "Watched only")
        case .days: ("天数", "Days")
        }
    }

    /// The zh/en label of a workflow event.
    static func event(_ event: WorkflowEvent, _ language: Language) -> String {
        Labels.event(CaseEventName(event), language)
    }
}
