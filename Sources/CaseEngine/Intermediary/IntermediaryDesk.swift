import BlackIntermediary
import CaseCore
import CaseStore
import EntityKit
import Foundation
import RuleKit

/// Cross-case work on entities: intake checks (related cases, flags), entity details, the watchlist and the
/// flagged-intermediaries report. The web UI and the CLI call the same functions.
///
/// ```swift
/// let desk = try IntermediaryDesk(service: service, rulesDirectory: "rules")
/// let check = try desk.check("WC-2026-000042")   // related cases + flags, flags recorded
/// ```
public struct IntermediaryDesk: Sendable {
    public let service: CaseService
    public let module: BlackIntermediary

    /// Creates a desk with the module loaded from `rulesDirectory`.
    ///
    /// - Throws: `EngineError.configuration` naming the broken file.
    public init(service: CaseService, rulesDirectory: String) throws(EngineError) {
        do {
            module = try BlackIntermediary(rulesDirectory: rulesDirectory)
        } catch {
            throw .configuration("black-intermediary: \(error)")
        }
        self.service = service
    }

    /// The history the module sees.
    public var context: StoreEntityContext { StoreEntityContext(store: service.store, now: service.now) }

    /// Checks a stored case: evaluates the module over it, records the flags it raises, and lists related cases
    /// and postings.
    public func check(_ idOrNumber: String) throws(EngineError) -> IntakeCheck {
        let record = try service.record(idOrNumber)
        let findings: [Finding]
        do {
            findings = try module.evaluate(CaseEntities.subject(of: record), context: context)
        } catch {
            throw .configuration("black-intermediary: \(error)")
        }
        let flags = Self.flagRecords(findings, caseId: record.id, postingId: nil, at: service.now())
        do { try service.store.recordFlags(flags) } catch { throw EngineError.from(error) }
        return IntakeCheck(caseId: record.id, number: record.number, related: try relatedCases(record),
                           postings: try relatedPostings(record), flags: Self.views(findings))
    }

    /// Cases sharing a respondent entity or the complainant's phone with `record`, open ones first.
    public func relatedCases(_ record: CaseRecord, limit: Int = 20) throws(EngineError) -> [RelatedCase] {
        var byCase: [Int64: RelatedCase] = [:]
        let occurrences = CaseEntities.occurrences(of: record)
        for occurrence in occurrences {
            let refs: [EntityCaseRef]
            do { refs = try service.store.cases(naming: occurrence.entity, limit: 50) } catch { throw EngineError.from(error) }
            for ref in refs where ref.caseId != record.id && ref.mergedInto == nil {
                let reason: RelatedReason?
                switch (occurrence.role, ref.role) {
                case (.complainant, .complainant): reason = .sameComplainant
                case (.complainant, _), (_, .complainant): reason = nil
                default: reason = .sameRespondent
                }
                guard let reason else { continue }
                var related = byCase[ref.caseId] ?? RelatedCase(
                    caseId: ref.caseId, number: ref.number, kind: ref.kind, status: ref.status,
                    open: !Self.finished.contains(ref.status), reasons: [], shared: [], likelyDuplicate: false)
                if !related.reasons.contains(reason) { related.reasons.append(reason) }
                let shown = "\(occurrence.entity.kind.rawValue):\(occurrence.entity.display(masked: true))"
                if !related.shared.contains(shown) { related.shared.append(shown) }
                related.likelyDuplicate = related.reasons.count == 2
                byCase[ref.caseId] = related
            }
        }
        let sorted = byCase.values.sorted {
            ($0.likelyDuplicate ? 0 : 1, $0.open ? 0 : 1, -$0.shared.count, -$0.caseId)
                < ($1.likelyDuplicate ? 0 : 1, $1.open ? 0 : 1, -$1.shared.count, -$1.caseId)
        }
        return Array(sorted.prefix(limit))
    }

    /// Recorded postings naming one of the case's respondent-side entities.
    public func relatedPostings(_ record: CaseRecord, limit: Int = 20) throws(EngineError) -> [String] {
        var out: [String] = []
        for occurrence in CaseEntities.occurrences(of: record) where occurrence.role != .complainant {
            do {
                for id in try service.store.postings(naming: occurrence.entity, limit: limit) where !out.contains(id) {
                    out.append(id)
                }
            } catch { throw EngineError.from(error) }
        }
        return Array(out.prefix(limit))
    }

    /// Links a suggested case in one step: `duplicateOf` merges `source` into `target`, anything else links.
    public func accept(_ source: String, _ target: String, type: LinkType, reason: String?,
                       actor: String) throws(EngineError) -> CaseView {
        switch type {
        case .duplicateOf: try service.merge(source, into: target, reason: reason, actor: actor)
        case .related, .parent: try service.link(source, to: target, type: type, reason: reason, actor: actor)
        }
    }

    static let finished = Set([CaseStatus.resolved, .closed, .rejected, .withdrawn].map(\.rawValue))

    /// Rules whose flags are not recorded again: `known_flagged` only repeats earlier flags.
    public static let unrecordedRules: Set<String> = ["black_intermediary.known_flagged"]

    /// The store records of the `flagEntity` actions of findings (except ``unrecordedRules``).
    public static func flagRecords(_ findings: [Finding], caseId: Int64?, postingId: String?,
                                   at: Date) -> [EntityFlagRecord] {
        findings.filter { !unrecordedRules.contains($0.rule) }.flatMap { finding in
            finding.actions.compactMap { action -> EntityFlagRecord? in
                guard case let .flagEntity(kind, value) = action, let kind = EntityKind(rawValue: kind) else { return nil }
                return EntityFlagRecord(entity: Entity(kind: kind, value: value), rule: finding.rule, caseId: caseId,
                                        postingId: postingId, at: at, evidence: finding.evidence.map(\.excerpt))
            }
        }
    }

    static func views(_ findings: [Finding]) -> [EntityFlagView] {
        findings.map { finding in
            let entities = finding.actions.compactMap { action -> String? in
                guard case let .flagEntity(kind, value) = action, let k = EntityKind(rawValue: kind) else { return nil }
                return "\(kind):\(Entity(kind: k, value: value).display(masked: true))"
            }
            return EntityFlagView(rule: finding.rule, entity: entities.joined(separator: ", "), message: finding.message,
                                  references: finding.references, evidence: finding.evidence.map(\.excerpt))
        }
    }
}
