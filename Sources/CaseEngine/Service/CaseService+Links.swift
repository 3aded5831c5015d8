import CaseCore
import CaseStore
import Foundation

extension CaseService {
    /// Links two cases (`related`, `parent`, `duplicateOf`) and records it in the source's timeline.
    public func link(_ from: String, to: String, type: LinkType, reason: String?,
                     actor: String) throws(EngineError) -> CaseView {
        let source = try record(from)
        let target = try record(to)
        guard source.id != target.id else {
            throw .invalidInput(place: "to", message: "不能关联到自身 / a case cannot be linked to itself")
        }
        let link = CaseLink(from: source.id, to: target.id, type: type, at: now(), actor: actor)
        do { try store.link(link, reason: reason) } catch { throw EngineError.from(error) }
        return try show(String(source.id), actor: actor)
    }

    /// Merges `source` into `target`: the source keeps its history and redirects to the target from then on.
    ///
    /// - Throws: `.conflict` when `expectedVersion` is stale; `.invalidInput` when merging a case into itself or
    ///   into a case that was itself merged.
    public func merge(_ source: String, into target: String, reason: String?, expectedVersion: Int? = nil,
                      actor: String) throws(EngineError) -> CaseView {
        let src = try record(source)
        let dst = try record(target)
        guard src.id != dst.id else {
            throw .invalidInput(place: "into", message: "不能合并到自身 / a case cannot be merged into itself")
        }
        try checkVersion(src, expectedVersion)
        do {
            let result = try store.merge(sourceId: src.id, into: dst.id, expectedSourceVersion: src.version,
                                         actor: actor, at: now(), reason: reason)
            logger.info("case merged", metadata: ["case.id": "\(result.source.id)", "into": "\(result.target.id)"])
        } catch {
            throw EngineError.from(error)
        }
        return try show(String(dst.id), actor: actor)
    }
}
