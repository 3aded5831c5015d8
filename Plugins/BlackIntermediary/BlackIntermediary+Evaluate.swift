import EntityKit
import PatternPack
import RuleKit

/// The logic of the module's rules.
extension BlackIntermediary {
    /// One field's extraction.
    struct FieldEntities {
        var field: String
        var text: String
        var extraction: EntityExtraction
    }

    /// Entities are extracted only when a flag can use them: an intermediary hit, an entity history, or a field
    /// that may hold a credit code (``EntityExtractor/mayContainCreditCode(_:)``). Otherwise no rule of this module
    /// can fire, and most postings of a plain scan (no `--db`) skip extraction entirely.
    func findings(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        // Names compared one by one: hashing every field name for a set look-up cost more. Most subjects have no
        // such field and are used as they are (a filtered copy grows its array several times).
        let names = Self.excludedFieldList
        func excluded(_ field: SubjectField) -> Bool {
            names.contains { $0.utf8.count == field.name.utf8.count && $0 == field.name }  // lengths first: see isID
        }
        let scoped = subject.fields.contains(where: excluded)
            ? Subject(kind: subject.kind, id: subject.id, fields: subject.fields.filter { !excluded($0) })
            : subject
        // The probe can hit only in a field where one of its literals occurs: where a pass that read these fields
        // saw them (ADR 0020), it reads just those fields, and nothing when there are none.
        let watched = literalWatch.flatMap { $0.watchesLiterals ? LiteralWatchMemo.shared.fields($0, in: scoped) : nil }
        let probed = watched.map { Subject(kind: scoped.kind, id: scoped.id, fields: $0) } ?? scoped
        let agent = probed.fields.isEmpty ? nil
            : try agentRules.probe(rule: Self.agentRule, subject: probed, context: context)
        // A plain scan's context (no `--db`) is told apart by its type first: asking any context for a protocol
        // conformance costs a runtime look-up per posting.
        let history = context is EmptyContext ? nil : context as? any EntityHistory
        guard agent != nil || history != nil
            || scoped.fields.contains(where: { EntityExtractor.mayContainCreditCode($0.text) })
        else { return [] }
        // A repeated long text (one employer's company introduction) takes the extraction kept for it (ADR 0024).
        let fields = scoped.fields
            .map { FieldEntities(field: $0.name, text: $0.text, extraction: extractions.extraction(of: $0)) }
        let flaggable = Self.flaggable(fields)
        var out: [Finding] = []
        if let agent {
            if let fees = try feeEvidence(scoped, context: context) {
                out.append(make(IntermediaryRules.charging, IntermediaryText.charging,
                                evidence: agent.evidence + fees, flag: flaggable, refer: true))
            }
            // Any licence mention will do: no need for the sorted, de-duplicated entity list (hashing names).
            let licensed = fields.contains { $0.extraction.mentions.contains { $0.entity.kind == .licence } }
            if !licensed {
                out.append(make(IntermediaryRules.unlicensed, IntermediaryText.unlicensed,
                                evidence: agent.evidence, flag: flaggable, refer: true))
            }
        }
        let invalid = fields.flatMap { f in f.extraction.invalidCreditCodes.map { Self.evidence(f, $0) } }
        if !invalid.isEmpty {
            out.append(make(IntermediaryRules.invalidCreditCode, IntermediaryText.invalidCreditCode,
                            evidence: invalid, flag: flaggable.filter { $0.kind == .company }, refer: false))
        }
        if let history {
            out += historyFindings(fields, history: history)
        }
        return out
    }

    /// Fee evidence: the fake-job fee findings when that pack is present, else the pack's fallback sub-rule.
    func feeEvidence(_ subject: Subject, context: any EvaluationContext) throws -> [Evidence]? {
        if let feeRules {
            // The watching pass's findings of the fee rules when it read exactly these fields (ADR 0025).
            let shared = literalWatch.flatMap { LiteralWatchMemo.shared.findings($0, in: subject) }
            let fees = try (shared ?? feeRules.evaluate(subject, context: context)).filter { finding in
                finding.rule.hasPrefix("fake_job.fee.") && countedFeeRules.map { $0.contains(finding.rule) } != false
            }
            return fees.isEmpty ? nil : fees.flatMap(\.evidence)
        }
        return try pack.probe(rule: "black_intermediary.sub.fee_demand", subject: subject, context: context)?.evidence
    }

    /// Flags that read the entity index: one contact behind several company names, repeated complaints, watchlist.
    func historyFindings(_ fields: [FieldEntities], history: any EntityHistory) -> [Finding] {
        var out: [Finding] = []
        let companies = Set(fields.flatMap { $0.extraction.entities(of: .company).map(\.value) })
        var seen = Set<Entity>()
        for field in fields {
            for mention in field.extraction.mentions where seen.insert(mention.entity).inserted {
                let entity = mention.entity
                let evidence = [Self.evidence(field, mention)]
                if entity.kind.isContact {
                    let behind = companies.union(history.companies(sharing: entity))
                    if behind.count >= thresholds.sharedContactCompanies {
                        out.append(make(IntermediaryRules.sharedContact, IntermediaryText.sharedContact(behind.count),
                                        evidence: evidence, flag: [entity], refer: false))
                    }
                }
                let complaints = history.complaintCount(entity, withinDays: thresholds.days)
                if complaints >= thresholds.complaints {
                    out.append(make(IntermediaryRules.repeatComplaints,
                                    IntermediaryText.repeatComplaints(complaints, days: thresholds.days),
                                    evidence: evidence, flag: [entity], refer: false))
                }
                let flagged = history.flagCount(entity)
                if flagged > 0 {
                    out.append(make(IntermediaryRules.knownFlagged, IntermediaryText.knownFlagged(flagged),
                                    evidence: evidence, flag: [entity], refer: false))
                }
                if history.watchReason(entity) != nil {
                    out.append(make(IntermediaryRules.watchlisted, IntermediaryText.watchlisted,
                                    evidence: evidence, flag: [entity], refer: false))
                }
            }
        }
        return Self.mergeSameRule(out)
    }

    /// One finding per rule: evidence and flagged entities of several entities are combined.
    static func mergeSameRule(_ findings: [Finding]) -> [Finding] {
        var order: [String] = []
        var merged: [String: Finding] = [:]
        for finding in findings {
            if var existing = merged[finding.rule] {
                existing.evidence += finding.evidence
                existing.actions += finding.actions.filter { !existing.actions.contains($0) }
                merged[finding.rule] = existing
            } else {
                order.append(finding.rule)
                merged[finding.rule] = finding
            }
        }
        return order.compactMap { merged[$0] }
    }

    func make(_ rule: String, _ message: LocalizedText, evidence: [Evidence], flag: [Entity], refer: Bool) -> Finding {
        let description = IntermediaryRules.description(rule)
        var actions = flag.map { SuggestedAction.flagEntity(kind: $0.kind.rawValue, value: $0.value) }
        if refer, let basis = description?.references.first {
            actions.append(.refer(authority: IntermediaryText.authority, basis: basis, deadlineDays: nil))
        }
        return Finding(module: id, rule: rule, severity: description?.severity ?? .medium,
                       score: description?.score ?? 0, message: message, evidence: evidence, actions: actions,
                       references: description?.references ?? [])
    }

    /// The respondent-side entities a flag names: companies, contacts, credit codes (never licence numbers).
    static func flaggable(_ fields: [FieldEntities]) -> [Entity] {
        // A posting names a handful of entities: comparing with the ones kept costs less than hashing each
        // (String hashing normalises CJK names scalar by scalar).
        var kept: [Entity] = []
        for field in fields {
            for mention in field.extraction.mentions where mention.entity.kind != .licence {
                if !kept.contains(mention.entity) { kept.append(mention.entity) }
            }
        }
        return kept
    }

    static func evidence(_ field: FieldEntities, _ mention: EntityMention) -> Evidence {
        Evidence(field: field.field, start: mention.range.lowerBound, end: mention.range.upperBound,
                 excerpt: excerpt(field.text, mention.range))
    }

    /// The matched bytes with up to 8 characters of context on each side.
    static func excerpt(_ text: String, _ range: Range<Int>) -> String {
        let bytes = Array(text.utf8)
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return "" }
        let before = String(decoding: bytes[..<range.lowerBound], as: UTF8.self).suffix(8)
        let match = String(decoding: bytes[range], as: UTF8.self)
        let after = String(decoding: bytes[range.upperBound...], as: UTF8.self).prefix(8)
        return before + match + after
    }
}
