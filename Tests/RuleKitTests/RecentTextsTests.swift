@testable import PatternPack
import RuleKit
import Testing

@Suite("Recent texts: the store behind the field-result and compacted-view caches")
struct RecentTextsTests {
    func value(_ store: RecentTexts<Int>, _ name: String, _ text: String) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { store.value(name: name, text: $0) }
    }

    func put(_ store: RecentTexts<Int>, _ value: Int, _ name: String, _ text: String) {
        Array(text.utf8).withUnsafeBufferPointer { store.store(value, name: name, text: $0) }
    }

    @Test("keeps the last `capacity` texts: the oldest goes first, also after the ring has wrapped several times")
    func oldestGoes() {
        let store = RecentTexts<Int>(capacity: 3)
        for k in 0..<10 {
            put(store, k, "description", "text \(k)")
            // The three newest are found, everything older is gone.
            for old in 0...k {
                #expect(value(store, "description", "text \(old)") == (old > k - 3 ? old : nil), "after \(k): \(old)")
            }
        }
    }

    @Test("a name and text stored again give the newest value, whether the older one sits before or after it")
    func newestWins() {
        let store = RecentTexts<Int>(capacity: 4)
        put(store, 1, "title", "押金")
        put(store, 2, "title", "other")
        put(store, 3, "title", "押金")
        #expect(value(store, "title", "押金") == 3)
        // Wrap: slot 0 (value 1) is overwritten, the newest copy sits before the write position.
        put(store, 4, "title", "x")
        put(store, 5, "title", "y")
        put(store, 6, "title", "押金")
        #expect(value(store, "title", "押金") == 6)
        #expect(value(store, "title", "other") == nil)
    }

    @Test("an entry written over a longer one matches only its own bytes; the name must match too")
    func reusedBuffer() {
        let store = RecentTexts<Int>(capacity: 1)
        put(store, 1, "description", "入职前需缴纳押金三百元")
        put(store, 2, "description", "入职前")
        #expect(value(store, "description", "入职前") == 2)
        #expect(value(store, "description", "入职前需缴纳押金三百元") == nil)
        #expect(value(store, "title", "入职前") == nil)
        #expect(value(store, "description", "入职后") == nil)
    }

    @Test("an empty store and a store of capacity 0 find nothing")
    func empty() {
        let store = RecentTexts<Int>(capacity: 2)
        #expect(value(store, "title", "a") == nil)
        let none = RecentTexts<Int>(capacity: 0)
        put(none, 1, "title", "a")
        #expect(value(none, "title", "a") == nil)
    }
}

@Suite("Literal watch memo: the newest records, found newest first")
struct LiteralWatchMemoRingTests {
    static let fields = [SubjectField(name: "title", text: "招聘"), SubjectField(name: "description", text: "押金")]

    func subject(_ id: String) -> Subject { Subject(kind: .jobPosting, id: id, fields: Self.fields) }

    @Test("keeps the last `capacity` subjects, also after the ring has wrapped several times")
    func oldestGoes() throws {
        let memo = LiteralWatchMemo()
        let watch = try #require(LiteralWatch(literals: ["押金"]))
        let capacity = LiteralWatchMemo.capacity
        for k in 0..<(capacity * 3 + 5) {
            memo.record(watch, subjectID: "p\(k)", fields: Self.fields, occurred: [false, true])
            #expect(memo.fields(watch, in: subject("p\(k)"))?.map(\.name) == ["description"])
            #expect(memo.occurred(watch, in: subject("p\(k - capacity + 1)")) == (k - capacity + 1 >= 0 ? true : nil))
            #expect(memo.occurred(watch, in: subject("p\(k - capacity)")) == nil, "after \(k)")
        }
    }

    @Test("a subject recorded again answers with its newest record, before and after the ring wraps")
    func newestWins() throws {
        let memo = LiteralWatchMemo()
        let watch = try #require(LiteralWatch(literals: ["押金"]))
        let other = try #require(LiteralWatch(literals: ["押金"]))
        memo.record(watch, subjectID: "same", fields: Self.fields, occurred: [false, false])
        memo.record(other, subjectID: "same", fields: Self.fields, occurred: [true, true])
        memo.record(watch, subjectID: "same", fields: Self.fields, occurred: [false, true])
        #expect(memo.occurred(watch, in: subject("same")) == true)
        // A different watch object is a different question, even with the same literals.
        #expect(memo.fields(other, in: subject("same"))?.count == 2)
        for k in 0..<(LiteralWatchMemo.capacity - 2) {
            memo.record(watch, subjectID: "filler\(k)", fields: Self.fields, occurred: [false, false])
        }
        // The first record is gone, the ring has wrapped; the newest sits just before the write position.
        memo.record(watch, subjectID: "same", fields: Self.fields, occurred: [true, false])
        #expect(memo.fields(watch, in: subject("same"))?.map(\.name) == ["title"])
    }
}
