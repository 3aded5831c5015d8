import CaseCore
@testable import CaseStore
import Foundation
import Testing

@Suite("CaseStore: Chinese full-text search")
struct SearchTests {
    /// Four cases; returns the store and their ids in creation order.
    private func corpus() throws -> (CaseStore, [Int64]) {
        let store = try CaseStore.temporary()
        let narratives: [(String, [Party])] = [
            ("在某平台应聘仓库分拣员，被要求先交押金500元，交押金后对方失联。",
             [Party(role: .complainant, name: "李小明", phone: "13800138000"),
              Party(role: .respondent, type: .intermediary, name: "速达人力资源")]),
            ("招聘刷单兼职，日结200元，先垫付后返现，结果被骗3000元。", []),
            ("金额押后再议；公司说工资下月发。", [Party(role: .complainant, name: "王芳")]),
            ("对方微信号ＡＢＣ123，QQ 88886666，称可内推进厂。", []),
        ]
        var ids: [Int64] = []
        for (narrative, parties) in narratives {
            let record = Fixture.record(narrative, parties: parties)
            ids.append(try store.create(record, openEvent: Fixture.openEvent(), numberPrefix: "WC").id)
        }
        return (store, ids)
    }

    @Test("Chinese queries of 1, 2 and 4 characters find exactly the cases containing them",
          arguments: [("金", [2, 0]), ("押金", [0]), ("刷单", [1]), ("交押金后", [0]), ("被骗3000元", [1]),
                      ("工资", [2]), ("内推进厂", [3])])
    func chinese(query: String, expected: [Int]) throws {
        // Given the corpus
        let (store, ids) = try corpus()
        // When searching
        let hits = try store.search(query).map(\.id)
        // Then exactly the cases containing the text are found, newest first
        #expect(hits == expected.map { ids[$0] })
    }

    @Test("ASCII words and digits match as substrings, ignoring letter case and full-width forms",
          arguments: [("abc123", [3]), ("ABC", [3]), ("8888", [3]), ("qq", [3]), ("500", [0]), ("13800", [0])])
    func asciiAndDigits(query: String, expected: [Int]) throws {
        let (store, ids) = try corpus()
        #expect(try store.search(query).map(\.id) == expected.map { ids[$0] })
    }

    @Test("party names and case numbers are searchable")
    func partiesAndNumbers() throws {
        let (store, ids) = try corpus()
        #expect(try store.search("李小明").map(\.id) == [ids[0]])
        #expect(try store.search("小明").map(\.id) == [ids[0]])
        #expect(try store.search("速达").map(\.id) == [ids[0]])
        #expect(try store.search("芳").map(\.id) == [ids[2]])
        #expect(try store.search("WC-2026-000002").map(\.id) == [ids[1]])
    }

    @Test("characters that occur but not next to each other do not match", arguments: ["押金额", "金押", "押后金", "刷骗"])
    func notASubstring(query: String) throws {
        // 押 and 金 both occur in case 2 ("金额押后"), and "押金，金额" style adjacency across punctuation is no match
        let (store, _) = try corpus()
        #expect(try store.search(query).isEmpty)
    }

    @Test("a phrase never spans two runs separated by punctuation")
    func phraseDoesNotSpanRuns() throws {
        let store = try CaseStore.temporary()
        let created = try store.create(Fixture.record("先交押金，金额不详；xab bcd"), openEvent: Fixture.openEvent(),
                                       numberPrefix: "WC")
        #expect(try store.search("押金额").isEmpty)
        #expect(try store.search("abcd").isEmpty)
        #expect(try store.search("金额").map(\.id) == [created.id])
        #expect(try store.search("押金 金额").map(\.id) == [created.id])
    }

    @Test("words separated by spaces or punctuation are ANDed")
    func wordsAreAnded() throws {
        let (store, ids) = try corpus()
        #expect(try store.search("押金 失联").map(\.id) == [ids[0]])
        #expect(try store.search("押金，刷单").isEmpty)
    }

    @Test("FTS5 syntax in a query is text, never syntax, and never an error",
          arguments: [("\"", [Int]()), ("*", []), ("OR", []), ("NEAR(", []), ("押金\" OR \"刷单", []),
                      ("押金*", [0]), ("NOT 押金", []), ("^押金", [0]), ("uni:金", []), ("{bi}:押金", []),
                      ("刷单 OR 押金", []), ("(押金", [0]), ("押金)", [0]), ("- 刷单", [1]), ("\"\"押金\"\"", [0])])
    func ftsSyntaxIsInert(query: String, expected: [Int]) throws {
        let (store, ids) = try corpus()
        #expect(try store.search(query).map(\.id) == expected.map { ids[$0] })
    }

    @Test("an empty or punctuation-only query returns no cases", arguments: ["", "   ", "，。！？", "---", "\n\t"])
    func emptyQuery(query: String) throws {
        let (store, _) = try corpus()
        #expect(try store.search(query).isEmpty)
    }

    @Test("results are newest first and limited")
    func newestFirstAndLimit() throws {
        let store = try CaseStore.temporary()
        var ids: [Int64] = []
        for i in 0..<5 {
            ids.append(try store.create(Fixture.record("第\(i)次：刷单返利被骗"), openEvent: Fixture.openEvent(),
                                        numberPrefix: "WC").id)
        }
        #expect(try store.search("刷单").map(\.id) == ids.reversed())
        #expect(try store.search("刷单", limit: 2).map(\.id) == [ids[4], ids[3]])
        #expect(try store.search("刷单", limit: 0).isEmpty)
    }

    @Test("an update re-indexes the case: the old text is no longer found, the new text is")
    func updateReindexes() throws {
        let (store, ids) = try corpus()
        var record = try #require(try store.get(id: ids[1]))
        record.narrative = "网络贷款中介收取保证金"
        record.parties = [Party(role: .respondent, name: "快融金服")]
        _ = try store.update(record, expectedVersion: 1, events: [])
        #expect(try store.search("刷单").isEmpty)
        #expect(try store.search("保证金").map(\.id) == [ids[1]])
        #expect(try store.search("快融").map(\.id) == [ids[1]])
        #expect(try store.search("金").map(\.id) == [ids[2], ids[1], ids[0]])
    }

    @Test("rebuilding the index gives the same answers")
    func rebuild() throws {
        let (store, ids) = try corpus()
        #expect(try store.rebuildSearchIndex() == 4)
        #expect(try store.search("押金").map(\.id) == [ids[0]])
        #expect(try store.search("金").map(\.id) == [ids[2], ids[0]])
    }

    // MARK: - Tokens

    @Test("documents get distinct unigrams and per-run bigrams separated by a boundary token")
    func documentTokens() {
        let document = SearchText.document(["押金押金，Ab1"])
        #expect(document.unigrams == "押 金 a b 1")
        #expect(document.bigrams == "押金 金押 押金 \(SearchText.boundary) ab b1")
    }

    @Test("queries become unigram terms or bigram phrases, quoted",
          arguments: [("金", #"uni : "金""#), ("押金", #"bi : "押金""#), ("交押金后", #"bi : "交押 押金 金后""#),
                      ("押金 金", #"bi : "押金" AND uni : "金""#), ("Ａ", #"uni : "a""#)])
    func matchExpression(query: String, expected: String) {
        #expect(SearchText.matchExpression(query) == expected)
    }

    @Test("FTS5 strings double any inner quote")
    func quoting() {
        #expect(SearchText.quoted(#"a"b"#) == #""a""b""#)
    }
}
