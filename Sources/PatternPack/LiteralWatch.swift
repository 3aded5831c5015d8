import RuleKit
import Synchronization

/// Literals one module asks another module's automaton pass to look for, so that it can skip a pass of its own on
/// subjects where none of them occurs (ADR 0020).
///
/// `black_intermediary` probes every posting for an intermediary (`sub.intermediary`): a pass of its own over every
/// field, although only about one posting in five names one. Its probe cannot match unless one of the literals its
/// prefilter needs occurs (``PCRE2/PatternSet/literalsEveryCandidateNeeds``). The registry hands those literals to
/// `fake_job`, whose pass reads the same fields (and their compacted views) anyway; `fake_job` records, per subject,
/// whether any occurred (``LiteralWatchMemo``), and the probe is skipped where none did.
///
/// Identity matters: a memo entry answers only for the watch object it was recorded for (a reloaded registry's
/// watches never see an older one's entries).
///
/// A watch may also ask for the findings of some rules the watching pack holds too (ADR 0025): `black_intermediary`
/// needs the fake-job fee rules' findings on postings that name an intermediary, and `fake_job`'s pass can find them
/// with the rest of its rules instead of a second pass of its own.
public final class LiteralWatch: Sendable {
    /// The literals (ASCII letters in any case, as the prefilter matches them); empty when the watch only asks for
    /// rules' findings.
    public let literals: [String]
    /// Rules, as the requester compiled them, whose findings the watching pass records
    /// (``LiteralWatchMemo/findings(_:in:)``): all rules of the set, sub-rules included, so the watching pack can
    /// check that it holds the same definitions (``PackRuleSpec/hasSameDefinition(as:)``) of every one; the findings
    /// recorded are those of the reportable ones.
    public let rules: [PackRuleSpec]

    /// A watch of `literals` that also asks for the findings of `rules`; nil when there is nothing to watch or ask
    /// for (or a literal is empty).
    public init?(literals: [String], rules: [PackRuleSpec] = []) {
        guard !literals.isEmpty || !rules.isEmpty, literals.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.literals = literals
        self.rules = rules
    }

    /// Whether the memo's per-field answers say where a literal occurred (false for a watch of rules only).
    public var watchesLiterals: Bool { !literals.isEmpty }
}

/// A module that can look for another module's literals in the pass it makes anyway (see ``LiteralWatch``).
public protocol LiteralWatching: RuleModule {
    /// The same module, whose evaluations also record whether `watch`'s literals occurred.
    func watching(_ watch: LiteralWatch) -> any RuleModule
}

/// A module that skips work where a ``LiteralWatch`` of its saw none of its literals.
public protocol LiteralWatchRequesting: RuleModule {
    /// The literals to watch; nil when it cannot skip anything.
    var literalWatch: LiteralWatch? { get }
}

/// What the passes of watching modules saw, for the last few subjects of every thread (the process's only instance
/// is ``shared``). An entry holds the subject's id, the texts of the fields the pass read and, per field, whether a
/// watched literal occurred in it; it answers for a subject only when every non-empty field that subject would scan
/// was read with the same text. So an answer is a fact about texts, right whatever module or thread asks, and never
/// stale.
public final class LiteralWatchMemo: Sendable {
    /// The memo every pack uses.
    public static let shared = LiteralWatchMemo()
    /// Entries kept: a few subjects for each of a few threads.
    static let capacity = 16

    struct Entry: Sendable {
        /// Held, not just identified: an identifier of a freed watch could be reused by a new one.
        let watch: LiteralWatch
        let subjectID: String
        let fields: [SubjectField]
        /// Per field of ``fields``: whether a watched literal occurred in it.
        let occurred: [Bool]
        /// The findings of the watch's rules on these fields, in pack order; nil when the pass did not evaluate them.
        let findings: [Finding]?
    }

    private let ring = Mutex(RecentRing<Entry>(capacity: LiteralWatchMemo.capacity))

    /// Records that the pass over `fields` of subject `subjectID` saw one of `watch`'s literals in the fields where
    /// `occurred` is true (one flag per field, in order).
    /// `findings`: those of the watch's rules (ADR 0025), when the pass evaluated them.
    func record(_ watch: LiteralWatch, subjectID: String, fields: [SubjectField], occurred: [Bool],
                findings: [Finding]? = nil) {
        assert(fields.count == occurred.count, "one flag per field")
        guard fields.count == occurred.count else { return }  // not known, then: the requester makes its own pass
        let entry = Entry(watch: watch, subjectID: subjectID, fields: fields, occurred: occurred, findings: findings)
        ring.withLock { ring in ring.add({ entry }, overwrite: { $0 = entry }) }
    }

    /// Whether one of `watch`'s literals occurred in the fields of `subject` a pattern pack scans (every field but
    /// `id`, non-empty ones), or nil when no pass recorded all of those texts.
    public func occurred(_ watch: LiteralWatch, in subject: Subject) -> Bool? {
        fields(watch, in: subject).map { !$0.isEmpty }
    }

    /// The fields of `subject` a pattern pack scans (every field but `id`, non-empty ones) in which one of `watch`'s
    /// literals occurred, in order, or nil when no pass recorded all of those texts. A pack whose every candidate
    /// needs a watched literal in the field it matches can scan just these fields and find the same.
    public func fields(_ watch: LiteralWatch, in subject: Subject) -> [SubjectField]? {
        ring.withLock { ring -> [SubjectField]? in
            // The newest record of this watch and subject that read every field the subject would scan.
            ring.newest { entry -> [SubjectField]? in
                guard entry.watch === watch, entry.subjectID == subject.id else { return nil }
                var found: [SubjectField] = []
                for field in subject.fields where !field.text.isEmpty && !field.isID {
                    guard let index = entry.fields.firstIndex(where: { $0.name == field.name && $0.text == field.text })
                    else { return nil }
                    if entry.occurred[index] { found.append(field) }
                }
                return found
            }
        }
    }

    /// The findings of `watch`'s rules on `subject` (ADR 0025), or nil when no pass recorded them for exactly the
    /// fields `subject` has: the same non-empty fields but `id`, with the same names and texts, in the same order. A
    /// rule's findings depend on every field it reads, so a pass over more fields (a case's complainant) or fewer
    /// does not answer.
    public func findings(_ watch: LiteralWatch, in subject: Subject) -> [Finding]? {
        ring.withLock { ring -> [Finding]? in
            ring.newest { entry -> [Finding]? in
                guard entry.watch === watch, entry.subjectID == subject.id, let findings = entry.findings else {
                    return nil
                }
                var index = 0
                for field in subject.fields where !field.text.isEmpty && !field.isID {
                    guard index < entry.fields.count, entry.fields[index].name == field.name,
                          entry.fields[index].text == field.text
                    else { return nil }
                    index += 1
                }
                return index == entry.fields.count ? findings : nil
            }
        }
    }
}
