import Foundation
import LearnedScore
import RuleKit
import Testing

/// The folds that choose the bands (ADR 0030): with `description+company`, neither a copy of a posting nor an
/// employer sits on both sides of a fold.
@Suite("band folds")
struct BandFoldsTests {
    static func posting(_ description: String, company: String, fake: Bool) -> LabelledPosting {
        LabelledPosting(
            subject: Subject(kind: .jobPosting, id: "", fields: [
                SubjectField(name: "description", text: description), SubjectField(name: "company", text: company),
            ]),
            label: fake)
    }

    @Test("items sharing either key, directly or through a chain, share one key: the smallest first key")
    func joinedComponents() {
        // 0–1 share the second key, 1–2 the first: one component; 3–4 share their first key; 5 is alone.
        let first: [UInt64] = [50, 40, 40, 30, 30, 70]
        let second: [UInt64] = [1, 1, 2, 3, 4, 5]
        #expect(GroupFolds.joined(first, second) == [40, 40, 40, 30, 30, 70])
        #expect(GroupFolds.joined([], []) == [])
        #expect(GroupFolds.joined([9, 8, 7], [1, 2, 3]) == [9, 8, 7])
    }

    @Test("description+company keeps an employer's postings together; description alone keeps copies only")
    func keys() {
        let postings = [
            Self.posting("仓库分拣员，包吃住，月薪五千", company: "甲物流有限公司", fake: false),
            Self.posting("快递派送员，多劳多得", company: "甲物流有限公司", fake: false),
            Self.posting("快递派送员，多劳多得", company: "乙快递有限公司", fake: false),
            Self.posting("餐厅服务员，月休四天", company: "", fake: false),
            Self.posting("超市理货员，五险一金", company: "", fake: false),
        ]
        let byText = BandFolds.description.keys(postings)
        #expect(byText[1] == byText[2] && byText[0] != byText[1] && byText[3] != byText[4])
        let byBoth = BandFolds.descriptionAndCompany.keys(postings)
        // 0 and 1 share the employer, 1 and 2 the text: one group. Postings without a company join by text only.
        #expect(byBoth[0] == byBoth[1] && byBoth[1] == byBoth[2])
        #expect(byBoth[3] != byBoth[4] && byBoth[3] != byBoth[0])
        #expect(BandFolds(rawValue: "description+company") == .descriptionAndCompany)
        // A company name without letters or digits counts as none: such postings join by their text only.
        let placeholders = [
            Self.posting("仓库分拣员，包吃住", company: "-", fake: false),
            Self.posting("快递派送员，多劳多得", company: "***", fake: false),
            Self.posting("餐厅服务员，月休四天", company: " ", fake: false),
        ]
        #expect(placeholders.allSatisfy { !$0.hasCompany })
        #expect(Set(BandFolds.descriptionAndCompany.keys(placeholders)).count == 3)
        #expect(BandFolds.descriptionAndCompany.keys(placeholders) == BandFolds.description.keys(placeholders))
        // With no company named anywhere, training groups by description and says so.
        #expect(BandFolds.descriptionAndCompany.effectiveKeys(placeholders, folds: 2).0 == .description)
    }

    /// An employer whose postings are all fake and read like honest ones: only its name gives it away.
    static let employerData: [LabelledPosting] = {
        let jobs = ["仓库分拣员", "餐厅服务员", "快递派送员", "超市理货员", "保洁员", "工厂普工", "保安", "厨师助理"]
        let perks = ["包吃住", "五险一金", "月休四天", "按月发薪", "有宿舍", "节假日三倍工资"]
        // Company names differ in letters, not digits: group keys fold every digit to one.
        func company(_ i: Int) -> String {
            "\(["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"][i % 8])\(["东", "南", "西", "北", "中", "上", "下", "左", "右", "前"][i / 8])贸易有限公司"
        }
        var postings: [LabelledPosting] = []
        for i in 0..<80 {
            let text = "招聘\(jobs[i % jobs.count])，\(perks[i % perks.count])，\(perks[(i / 3) % perks.count])，月薪\(4000 + 37 * i)元"
            if i % 5 == 0 {
                postings.append(posting(text + "，第\(i)号岗位", company: "恒通人力资源有限公司", fake: true))
            } else if i % 7 == 0 {
                postings.append(posting("在家兼职\(jobs[i % jobs.count])，点赞关注，一单一结，佣金秒到账\(i)元", company: company(i), fake: true))
            } else {
                postings.append(posting(text, company: company(i), fake: false))
            }
        }
        return postings
    }()

    @Test("with the employer kept in one fold, its postings' held-out probabilities come from a model that never saw it")
    func heldOutWithoutEmployer() {
        let trainer = ModelTrainer(
            hashing: HashingParameters(bits: 16, fieldGroups: ["description": "description", "company": "company"]),
            options: TrainingOptions(epochs: 20, seed: 4), folds: 4)
        let extractor = FeatureExtractor(parameters: trainer.hashing)
        let counts = Self.employerData.map { extractor.counts(for: $0.subject) }
        let labels = Self.employerData.map(\.label)
        let employer = Self.employerData.indices.filter { Self.employerData[$0].subject.text(of: "company") == "恒通人力资源有限公司" }
        func meanProbability(_ folds: BandFolds) -> Double {
            let held = trainer.outOfFoldProbabilities(counts, labels: labels, keys: folds.keys(Self.employerData)).probabilities
            return employer.map { held[$0] }.reduce(0, +) / Double(employer.count)
        }
        let seen = meanProbability(.description), unseen = meanProbability(.descriptionAndCompany)
        // Split by description, the other folds teach the model the employer's name; kept together, they cannot.
        #expect(seen > 2 * unseen, "\(seen) vs \(unseen)")
    }

    @Test("groups too coarse for the folds fall back to description, and the model says so")
    func coarseFallsBack() {
        // Every posting names the same company: one group would hold them all and leave folds nothing to train on.
        let same = Fixture.postings.map { posting in
            var subject = posting.subject
            subject.fields = subject.fields.map { $0.name == "company" ? SubjectField(name: "company", text: "保密") : $0 }
            return LabelledPosting(subject: subject, label: posting.label)
        }
        #expect(BandFolds.descriptionAndCompany.effectiveKeys(same, folds: 3).0 == .description)
        #expect(BandFolds.descriptionAndCompany.effectiveKeys(same, folds: 3).1 == BandFolds.description.keys(same))
        let trainer = ModelTrainer(hashing: Fixture.smallHashing, options: TrainingOptions(epochs: 5, seed: 1), folds: 3)
        let model = trainer.train(same, dataSHA256: "fixture", trainedAt: "2026-01-01")
        #expect(model.header.training.bandFolds == .description)
        #expect(model.header.bands.likelyFraud < 1, "bands chosen on real held-out folds")
        // The employer fixture is fine-grained enough: its grouping stands.
        let (grouping, keys) = BandFolds.descriptionAndCompany.effectiveKeys(Self.employerData, folds: 4)
        #expect(grouping == .descriptionAndCompany && keys == BandFolds.descriptionAndCompany.keys(Self.employerData))
        // Every honest posting names the same placeholder company: one group of more than half, fraud groups aplenty.
        let placeholder = Self.employerData.map { posting in
            var subject = posting.subject
            if !posting.label {
                subject.fields = subject.fields.map { $0.name == "company" ? SubjectField(name: "company", text: "保密") : $0 }
            }
            return LabelledPosting(subject: subject, label: posting.label)
        }
        #expect(BandFolds.descriptionAndCompany.effectiveKeys(placeholder, folds: 4).0 == .description)
        // Fewer fraudulent groups than folds where description grouping had enough: back to description.
        let fewFraudEmployers = Self.employerData.map { posting in
            var subject = posting.subject
            if posting.label {
                subject.fields = subject.fields.map { $0.name == "company" ? SubjectField(name: "company", text: "恒通人力资源有限公司") : $0 }
            }
            return LabelledPosting(subject: subject, label: posting.label)
        }
        #expect(BandFolds.descriptionAndCompany.effectiveKeys(fewFraudEmployers, folds: 4).0 == .description)
    }

    @Test("the model records its band folds; models from before ADR 0030 read as description; the summary names them")
    func recorded() throws {
        var trainer = ModelTrainer(hashing: Fixture.smallHashing, options: TrainingOptions(epochs: 5, seed: 1), folds: 3)
        #expect(trainer.bandFolds == .descriptionAndCompany)
        let model = trainer.train(Fixture.postings, dataSHA256: "fixture", trainedAt: "2026-01-01")
        #expect(model.header.training.bandFolds == .descriptionAndCompany)
        let decoded = try LearnedModel.decode(model.encoded(), path: "m")
        #expect(decoded.header.training.bandFolds == .descriptionAndCompany)
        #expect(ModelReportText.trainingSummary(decoded.header, thresholds: Thresholds())
            .contains("held out (3 folds grouped by description+company, rules + model)"))
        trainer.bandFolds = .description
        var old = trainer.train(Fixture.postings, dataSHA256: "fixture", trainedAt: "2026-01-01").header
        old.training.bandFolds = nil
        let json = try JSONEncoder().encode(old.training)
        #expect(!String(decoding: json, as: UTF8.self).contains("bandFolds"))
        #expect(try JSONDecoder().decode(TrainingRecord.self, from: json).bandFolds == nil)
        // A grouping a later build may add does not make the model unreadable: the field is informative only.
        let later = String(decoding: try JSONEncoder().encode(model.header.training), as: UTF8.self)
            .replacingOccurrences(of: #""bandFolds":"description+company""#, with: #""bandFolds":"a later grouping""#)
        #expect(later.contains("a later grouping"))
        let read = try JSONDecoder().decode(TrainingRecord.self, from: Data(later.utf8))
        #expect(read.bandFolds == nil && read.bandFoldsName == "a later grouping")
        #expect(ModelReportText.trainingSummary(old, thresholds: Thresholds()).contains("folds grouped by description, rules"))
    }
}
