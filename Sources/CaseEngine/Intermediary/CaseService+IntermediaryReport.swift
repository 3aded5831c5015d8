import CaseStore
import EntityKit
import Foundation

extension CaseService {
    /// Intermediaries flagged in the last `days` days (with rule counts, sources and evidence), plus every watched
    /// entity (rule `watchlist`), most evidence first.
    public func flaggedIntermediaries(days: Int, limit: Int = 100) throws(EngineError) -> [EntityFlagSummary] {
        let since = now().addingTimeInterval(-Double(days) * 86_400)
        do {
            var flagged = try store.flaggedEntities(since: since, limit: limit)
            let known = Set(flagged.map(\.entity.entity))
            for entry in try store.watchlist() {
                if let index = flagged.firstIndex(where: { $0.entity.entity == entry.entity }) {
                    flagged[index].rules["watchlist"] = 1
                    continue
                }
                guard !known.contains(entry.entity), let record = try store.entity(entry.entity) else { continue }
                flagged.append(EntityFlagSummary(entity: record, rules: ["watchlist": 1], sources: 0,
                                                 lastFlagged: entry.addedAt, evidence: [entry.reason]))
            }
            return Array(flagged.prefix(limit))
        } catch {
            throw EngineError.from(error)
        }
    }
}
