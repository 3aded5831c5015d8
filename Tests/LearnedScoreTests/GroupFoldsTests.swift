import LearnedScore
import Testing

@Suite("group folds")
struct GroupFoldsTests {
    @Test("copies that differ only in spacing, punctuation, case or digits share a key")
    func duplicateKeys() {
        let key = GroupFolds.key("招聘Java工程师，月薪8000元。")
        #expect(GroupFolds.key("招聘 java 工程师 月薪８０００元") == key)
        #expect(GroupFolds.key("招聘JAVA工程师!月薪8000元") == key)
        #expect(GroupFolds.key("招聘Java工程师，月薪9000元。") == key, "digits fold, so copies with other figures group together")
        #expect(GroupFolds.key("招聘Java工程师，月薪8000元，双休。") != key)
        #expect(GroupFolds.key("招聘Python工程师，月薪8000元。") != key)
    }

    @Test("duplicates never straddle two folds", arguments: [2, 3, 5, 10])
    func duplicatesTogether(folds: Int) {
        var generator = SeededGenerator(seed: 11)
        let keys = (0..<600).map { _ in generator.next() % 150 }
        let labels = keys.map { $0 % 7 == 0 }
        let assigned = GroupFolds.assign(keys: keys, labels: labels, folds: folds, seed: 5)
        var foldOfKey: [UInt64: Int] = [:]
        for (key, fold) in zip(keys, assigned) {
            #expect(foldOfKey[key, default: fold] == fold)
            foldOfKey[key] = fold
        }
        #expect(Set(assigned) == Set(0..<folds))
    }

    @Test("fraudulent groups are spread over the folds")
    func stratified() {
        let keys = (0..<100).map { UInt64($0) }
        let labels = keys.map { $0 < 10 }
        let assigned = GroupFolds.assign(keys: keys, labels: labels, folds: 5, seed: 1)
        for fold in 0..<5 {
            #expect(zip(assigned, labels).filter { $0.0 == fold && $0.1 }.count == 2)
        }
    }

    @Test("the training postings' duplicate key reads the description")
    func postingKey() {
        let a = LabelledPosting(subject: Fixture.posting("日结 三百", title: "甲"), label: true)
        let b = LabelledPosting(subject: Fixture.posting("日结三百。", title: "乙"), label: false)
        #expect(a.groupKey == b.groupKey)
    }
}
