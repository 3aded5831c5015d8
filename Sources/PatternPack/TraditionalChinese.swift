/// Traditional Chinese characters and the simplified form the rule packs are written in (ADR 0018).
///
/// Only characters whose traditional form differs, written for this project from the standard correspondence of
/// the two scripts (fixed by 《通用规范汉字表》, 2013), restricted to the characters the shipped patterns use and
/// common words around them in job postings and warnings. A character with several traditional forms (发: 發, 髮)
/// lists each; the mapping only ever goes from traditional to simplified, one character to one character, so
/// offsets map back one to one. A few written-Cantonese words are folded the same way (see ``pairs``).
///
/// Checked entry by entry (2026-11-30, `scripts/check-traditional.py`) against the character table of OpenCC
/// (`TSCharacters.txt`, used as a reference, not copied): every pair is OpenCC's first choice for its traditional
/// character, except 砲 → 炮 and 舖 → 铺 (variant forms OpenCC's table does not list) and the characters of
/// ``ambiguous``, which are mapped only in texts that are traditional.
enum TraditionalChinese {
    /// "繁简" pairs, separated by spaces. The first line is written Cantonese (Hong Kong postings and warnings), mapped
    /// to the Mandarin word the patterns use: 唔 不, 冇 没, 畀 给, 佢 他, 嘅 的, 咗 了, 哋 们, 喺 在.
    private static let pairs: [String] = [
        "唔不 冇没 畀给 佢他 嘅的 咗了 哋们 喺在",
        "並并 乾干 亂乱 亞亚 佔占 來来 係系 倉仓 個个 們们 備备 傭佣 傳传 傷伤 僅仅 僱雇 價价 億亿 償偿 優优 儲储 兇凶 兌兑 兒儿 內内 兩两 冊册 凍冻 別别 則则 劃划 劍剑 勁劲",
        "動动 務务 勞劳 勢势 勵励 匯汇 區区 協协 卻却 厲厉 參参 吳吴 員员 問问 啓启 啟启 喪丧 單单 嗎吗 噸吨 嚇吓 嚮向 嚴严 國国 圍围 園园 圓圆 圖图 團团 執执 報报 場场 塊块",
        "墊垫 壓压 壞坏 壯壮 夠够 夢梦 夥伙 奪夺 妝妆 婦妇 媽妈 孫孙 學学 實实 寧宁 審审 寫写 寬宽 寶宝 將将 專专 尋寻 對对 導导 屆届 層层 屬属 岡冈 崗岗 嶺岭 巔巅 帳帐 帶带",
        "幣币 幫帮 幹干 幾几 庫库 廈厦 廠厂 廢废 廣广 廳厅 張张 強强 彈弹 彌弥 彙汇 後后 從从 復复 徵征 悅悦 惡恶 態态 慘惨 慣惯 憂忧 憑凭 懇恳 應应 懷怀 戀恋 戰战 戲戏 戶户",
        "掃扫 掛挂 換换 撾挝 擁拥 擇择 擊击 擔担 據据 擬拟 擴扩 擾扰 攜携 攝摄 攤摊 敗败 數数 斷断 於于 時时 暫暂 曆历 曉晓 書书 會会 東东 條条 楊杨 業业 榮荣 構构 樂乐 樓楼",
        "標标 樣样 橋桥 機机 檔档 檢检 檯台 檻槛 櫃柜 權权 歡欢 歲岁 歷历 歸归 殺杀 殼壳 氣气 決决 沒没 沖冲 況况 測测 湊凑 準准 溫温 滅灭 滬沪 滿满 漢汉 澤泽 濕湿 濟济 為为",
        "無无 熱热 燈灯 營营 爐炉 爭争 爲为 爺爷 牆墙 狀状 猶犹 獄狱 獎奖 獨独 獲获 現现 環环 璽玺 產产 産产 畝亩 畢毕 畫画 異异 當当 療疗 發发 盜盗 盡尽 監监 盤盘 眾众 瞭了",
        "矇蒙 砲炮 碩硕 確确 碼码 磚砖 礎础 礦矿 禍祸 禦御 禪禅 禮礼 稅税 種种 稱称 穀谷 積积 穩稳 窩窝 窮穷 競竞 筆笔 筍笋 箇个 節节 範范 篩筛 簡简 簽签 籌筹 糧粮 糾纠 紀纪",
        "約约 紅红 納纳 純纯 紙纸 級级 紛纷 細细 紹绍 終终 組组 結结 絕绝 絡络 給给 統统 絲丝 綁绑 經经 綜综 維维 網网 緊紧 緒绪 線线 緣缘 編编 緬缅 練练 縣县 總总 績绩 繞绕",
        "繩绳 繫系 繳缴 繼继 續续 缽钵 罰罚 罵骂 罷罢 羅罗 義义 習习 聖圣 聞闻 聯联 聰聪 聲声 職职 聽听 肅肃 脅胁 腦脑 腳脚 膽胆 臉脸 臺台 與与 興兴 舉举 舊旧 舖铺 艙舱 艦舰",
        "莊庄 華华 萊莱 萬万 葉叶 著着 蔣蒋 薦荐 藍蓝 藝艺 藥药 蘇苏 蘭兰 處处 虛虚 號号 虧亏 蝦虾 蟲虫 衆众 術术 衛卫 衝冲 袞衮 裏里 補补 裝装 裡里 製制 複复 襯衬 襲袭 見见",
        "規规 視视 親亲 覺觉 覽览 觀观 觸触 訂订 計计 訊讯 訓训 託托 記记 訟讼 訪访 設设 許许 訴诉 診诊 詐诈 評评 詞词 詢询 試试 話话 該该 詳详 認认 誘诱 語语 誠诚 誤误 說说",
        "課课 調调 談谈 請请 論论 諮咨 諾诺 謀谋 謂谓 謊谎 謎谜 講讲 謝谢 謠谣 謹谨 證证 識识 譜谱 議议 護护 譽誉 讀读 變变 讓让 讚赞 豐丰 貓猫 貝贝 負负 財财 貧贫 貨货 責责",
        "貴贵 貶贬 買买 貸贷 費费 貼贴 貿贸 賀贺 賃赁 資资 賊贼 賓宾 賞赏 賠赔 賣卖 質质 賬账 賭赌 賴赖 賺赚 購购 贈赠 贊赞 贏赢 趕赶 趙赵 趨趋 踐践 躍跃 車车 軌轨 軍军 軟软",
        "較较 載载 輕轻 輛辆 輪轮 輸输 轄辖 轉转 辦办 辭辞 辯辩 農农 迴回 這这 連连 週周 進进 遊游 運运 過过 達达 違违 遙遥 遞递 遠远 適适 遲迟 選选 遺遗 還还 邊边 郵邮 鄉乡",
        "鄭郑 醜丑 醫医 醬酱 釋释 釘钉 針针 鈔钞 鈴铃 銀银 銜衔 銷销 鋪铺 鋼钢 錄录 錢钱 錦锦 錯错 錶表 鍵键 鍾钟 鎖锁 鎮镇 鏈链 鏡镜 鐘钟 鐵铁 鑽钻 長长 門门 閃闪 閉闭 開开",
        "閑闲 閒闲 間间 閘闸 閱阅 闆板 闊阔 闖闯 關关 陰阴 陳陈 陸陆 陽阳 隊队 階阶 際际 隨随 險险 隱隐 雖虽 雙双 雜杂 雞鸡 離离 難难 雲云 電电 霧雾 靈灵 靜静 韓韩 響响 頁页",
        "頂顶 項项 順顺 須须 預预 頓顿 領领 頭头 頸颈 頻频 顆颗 題题 額额 願愿 類类 顧顾 顯显 風风 颱台 飄飘 飛飞 飯饭 飲饮 養养 餘余 館馆 饑饥 馬马 駐驻 駕驾 駛驶 騎骑 騙骗",
        "驅驱 驗验 驚惊 驟骤 髒脏 體体 髮发 鬆松 鬚须 鬥斗 鬧闹 鬱郁 魚鱼 魯鲁 鳥鸟 鵝鹅 鹽盐 麥麦 麵面 麼么 麽么 黃黄 點点 黨党 齊齐 齒齿 齡龄 龍龙 龜龟",
    ]

    /// Traditional scalar → simplified scalar.
    static let simplified: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        for line in pairs {
            for pair in line.split(separator: " ") {
                let scalars = Array(pair.unicodeScalars)
                guard scalars.count == 2 else { continue }
                table[scalars[0].value] = scalars[1].value
            }
        }
        return table
    }()

    /// Traditional forms that are also standard simplified characters with a use of their own — 著 (著名), 乾 (乾坤),
    /// 於 (a surname), 瞭 (瞭望), 徵 (宫商角徵羽), 夥 (“many”), 麽 (幺麽) — so a simplified posting may hold them as
    /// they are. They are the characters OpenCC's table lists as a possible simplified form of themselves, and 著,
    /// which it leaves to its phrase table. The compacted view maps them only in a text that also holds an
    /// unambiguous traditional character (``CompactedText``); ``bitmap`` and ``isMapped(_:)`` leave them out.
    static let ambiguous: Set<UInt32> = [0x8457, 0x4E7E, 0x65BC, 0x77AD, 0x5FB5, 0x5925, 0x9EBD]

    /// One bit per scalar of U+4000…U+9FFF, set when ``simplified`` has it and it is not ``ambiguous`` (only from
    /// U+4E00: the table's range),
    /// laid out for UTF-8: one 64-bit word per (lead byte E4…E9, second byte) pair — the 64 scalars that share their
    /// first two bytes — so that a three-byte character is tested as
    /// `bitmap[(lead − 0xE4) << 6 | second & 0x3F] >> (third & 0x3F) & 1` without decoding it and with no range
    /// check (6 × 64 words). A quick test before the dictionary.
    static let bitmap: [UInt64] = makeBitmap(simplified.keys.filter { !ambiguous.contains($0) })

    /// ``ambiguous`` in the layout of ``bitmap``.
    static let ambiguousBitmap: [UInt64] = makeBitmap(ambiguous)

    private static func makeBitmap(_ scalars: some Sequence<UInt32>) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 6 * 64)
        for scalar in scalars where (0x4E00..<0xA000).contains(scalar) {
            let offset = Int(scalar - 0x4000)
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
        return bits
    }

    /// Whether `scalar` is a traditional form the table maps in any text (not one of ``ambiguous``).
    @inline(__always)
    static func isMapped(_ scalar: UInt32) -> Bool {
        guard scalar >= 0x4E00, scalar < 0xA000 else { return false }
        let offset = Int(scalar - 0x4000)
        return bitmap[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }
}
