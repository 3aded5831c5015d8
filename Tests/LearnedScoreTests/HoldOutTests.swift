import Foundation
import LearnedScore
import RuleKit
import Testing

/// Leave-one-source-out evaluation (`ModelEvaluation.holdOut`): each source is judged by a model that never saw it.
@Suite("held out by source")
struct HoldOutTests {
    /// Three sources of 36 postings each (9 fraudulent). The fraudulent postings of "north" and "south" ask for a
    /// deposit; those of "west" sell paid "like" tasks, a scheme the other two never show.
    static let sources: [(source: String, posting: LabelledPosting)] = {
        let jobs = ["仓库分拣员", "餐厅服务员", "快递派送员", "超市理货员", "保洁员", "工厂普工"]
        let perks = ["包吃住", "五险一金", "月休四天", "按月发薪", "有宿舍", "节假日三倍工资"]
        var result: [(String, LabelledPosting)] = []
        for (s, source) in ["north", "south", "west"].enumerated() {
            for i in 0..<36 {
                let fake = i % 4 == 0
                let job = jobs[(i + s) % jobs.count]
                let description: String
                if !fake {
                    description = "招聘\(job)，\(perks[i % perks.count])，\(perks[(i + 2) % perks.count])，"
                        + "月薪\(4000 + 100 * i)元，工作地点离地铁站近，欢迎有经验者来电咨询。"
                } else if source == "west" {
                    description = "在家兼职点赞关注，一单一结，佣金秒到账，每天轻松赚\(200 + i)元，加微信领任务。"
                } else {
                    description = "急招\(job)，高薪日结，面试通过须先交押金\(300 + 10 * i)元和服装费，当天安排上岗。"
                }
                let subject = Subject(kind: .jobPosting, id: "\(source)-\(i)", fields: [
                    SubjectField(name: "title", text: fake && source == "west" ? "在家兼职" : job),
                    SubjectField(name: "description", text: description),
                ])
                result.append((source, LabelledPosting(subject: subject, label: fake)))
            }
        }
        return result
    }()

    static let trainer = ModelTrainer(
        hashing: Fixture.smallHashing, options: TrainingOptions(epochs: 20, seed: 2), folds: 4)

    @Test("each source is judged by a model trained on the others only")
    func judgedByOthers() throws {
        let postings = Self.sources.map(\.posting)
        let result = try #require(ModelEvaluation.holdOut(postings, sources: Self.sources.map(\.source), trainer: Self.trainer))
        #expect(result.bySource.map(\.source) == ["north", "south", "west"])
        for (source, report) in result.bySource {
            #expect(report.labelled == 36, "\(source)")
            #expect(report.positives == 9, "\(source)")
            #expect(report.calibration.reduce(0) { $0 + $1.count } == 36, "\(source)")
        }
        #expect(result.pooled.labelled == 108)
        #expect(result.pooled.positives == 27)
        let recall = Dictionary(uniqueKeysWithValues: result.bySource.map { ($0.source, $0.report.model.suspicious.recall) })
        // The deposit scheme is learnt from the other deposit source…
        #expect(recall["north"] ?? 0 > 0.5)
        #expect(recall["south"] ?? 0 > 0.5)
        // …but a scheme only "west" shows is not caught when "west" is held out, though a model that had seen west's
        // postings catches them.
        #expect(recall["west"] == 0)
        let seen = Self.trainer.train(postings, dataSHA256: "", trainedAt: "")
        let west = postings.filter { $0.label && $0.subject.id.hasPrefix("west") }
        #expect(west.allSatisfy { seen.header.bands.points(for: seen.probability(for: $0.subject), thresholds: Thresholds()) > 0 })
        // The pooled report adds up the sources' reports.
        let pooledTP = result.pooled.model.suspicious.truePositives
        #expect(pooledTP == result.bySource.reduce(0) { $0 + $1.report.model.suspicious.truePositives })
    }

    @Test("fewer than two sources, or sources that do not match the postings, give no evaluation")
    func needsTwoSources() {
        let postings = Self.sources.map(\.posting)
        #expect(ModelEvaluation.holdOut(postings, sources: postings.map { _ in "one" }, trainer: Self.trainer) == nil)
        #expect(ModelEvaluation.holdOut(postings, sources: ["a", "b"], trainer: Self.trainer) == nil)
    }

    @Test("a source is skipped when the others hold no fraudulent posting to learn from")
    func skipsUntrainableSource() throws {
        // Only "west" has fraudulent postings here: holding it out leaves nothing fraudulent to train on.
        let kept = Self.sources.filter { $0.source == "west" || !$0.posting.label }
        let result = try #require(ModelEvaluation.holdOut(kept.map(\.posting), sources: kept.map(\.source), trainer: Self.trainer))
        #expect(result.bySource.map(\.source) == ["north", "south"])
        #expect(result.pooled.labelled == 54)
    }
}
