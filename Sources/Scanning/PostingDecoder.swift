import Foundation
import RuleKit

/// Turns input records into postings using a ``FieldMapping``.
///
/// JSON numbers and booleans become text; `null` and missing fields are empty (a missing id becomes `#LINE`).
/// Invalid UTF-8 or a line that is not a JSON object is a problem for that record.
public struct PostingDecoder: Sendable {
    /// The mapping in force.
    public let mapping: FieldMapping
    /// Extra input fields to keep (e.g. the label for `rules eval`).
    public let extras: [String]

    /// Creates a decoder.
    public init(mapping: FieldMapping = FieldMapping(), extras: [String] = []) {
        self.mapping = mapping
        self.extras = extras
        let sources = FieldMapping.subjectFields.map(mapping.source(of:))
        let table = JSONKeyTable(sources + extras)
        keys = table
        let subjectSlots = zip(FieldMapping.subjectFields, sources).compactMap { name, source in
            table.slot(of: source).map { (name: name, slot: $0) }
        }
        idSlot = subjectSlots.first { $0.name == "id" }?.slot
        fieldSlots = subjectSlots.filter { $0.name != "id" }
        extraSlots = extras.compactMap { name in table.slot(of: name).map { (name, $0) } }
    }

    /// Input field names to decode, each with its slot.
    private let keys: JSONKeyTable
    /// The slot of the input field that holds the id, if any.
    private let idSlot: Int?
    /// Each other subject field (in ``FieldMapping/subjectFields`` order) with the slot of its input field.
    private let fieldSlots: [(name: String, slot: Int)]
    /// Each extra field with its slot.
    private let extraSlots: [(name: String, slot: Int)]

    /// What a decoder remembers of the records it decoded last in one sequence (a chunk of a scan, read in order):
    /// the previous record's values, so that a value repeated verbatim from it is taken as it is (ADR 0026). One per
    /// sequence and thread; empty at first.
    public struct Memory {
        /// The last decoded record's values, by slot.
        var previous: [String?] = []
        /// A slot array to reuse for the next record.
        var spare: [String?] = []
        /// The CSV header the column plan was made for, and per column the slot it fills (nil: checked only).
        var csvHeader: [String] = []
        var csvColumns: [Int?] = []

        public init() {}

        /// The slot array for the next record: the spare one taken out (so it is uniquely referenced and filled in
        /// place), `count` slots, all nil.
        mutating func takeSlots(count: Int) -> [String?] {
            var slots = spare
            spare = []
            if slots.count != count { return [String?](repeating: nil, count: count) }
            for index in slots.indices { slots[index] = nil }
            return slots
        }

        /// `slots` made a posting: they become the previous record's values, the old ones the spare array.
        mutating func decoded(_ slots: [String?]) {
            spare = previous
            previous = slots
        }

        /// `slots` made no posting: the previous record stays the one before; the array is kept for reuse.
        mutating func refused(_ slots: [String?]) {
            spare = slots
        }
    }

    /// Decodes one record.
    public func decode(_ record: InputRecord) -> Result<Posting, InputProblem> {
        var memory = Memory()
        return decode(record, memory: &memory)
    }

    /// Decodes one record of a sequence, remembering its values in `memory` for the next (same result as
    /// ``decode(_:)``).
    public func decode(_ record: InputRecord, memory: inout Memory) -> Result<Posting, InputProblem> {
        switch record {
        case .json(let line, let bytes):
            return decodeJSON(line: line, bytes: bytes, memory: &memory)
        case .csv(let line, let header, let fields):
            return decodeCSV(line: line, header: header, fields: fields, memory: &memory)
        }
    }

    /// A CSV row: every column is checked to be valid UTF-8 (the first that is not is reported), and the columns
    /// the mapping reads become the values of their slots — the last column of a name, when a header repeats one.
    /// A value repeated from the record before is taken as it is (ADR 0026).
    private func decodeCSV(line: Int, header: [String], fields: [[UInt8]], memory: inout Memory)
        -> Result<Posting, InputProblem> {
        if memory.csvHeader != header {
            memory.csvHeader = header
            memory.csvColumns = header.indices.map { column in
                let later = header[(column + 1)...].contains(header[column])
                return later ? nil : keys.slot(of: header[column])
            }
        }
        var slots = memory.takeSlots(count: keys.names.count)
        for column in 0..<min(header.count, fields.count) {
            let slot = memory.csvColumns[column]
            // nil: not valid UTF-8; .some(nil): valid, not read.
            let value: String?? = fields[column].withUnsafeBufferPointer { bytes in
                guard let slot else { return ValidatedText.isValid(bytes) ? .some(nil) : nil }
                if slot < memory.previous.count, let previous = memory.previous[slot],
                   ValidatedText.same(previous, bytes) {
                    return previous
                }
                return ValidatedText.string(bytes).map { .some($0) }
            }
            guard let value else {
                memory.refused(slots)
                let message = "invalid UTF-8 in column '\(header[column])' (skipped)"
                return .failure(InputProblem(line: line, message: message))
            }
            if let slot { slots[slot] = value }
        }
        memory.decoded(slots)
        return .success(posting(line: line, slots: slots))
    }

    private func decodeJSON(line: Int, bytes: [UInt8], memory: inout Memory) -> Result<Posting, InputProblem> {
        var slots = memory.takeSlots(count: keys.names.count)
        do {
            try bytes.withUnsafeBufferPointer { buffer throws(FlatJSON.Failure) in
                try FlatJSON.values(buffer, keys: keys, into: &slots, previous: memory.previous)
            }
        } catch {
            memory.refused(slots)
            return .failure(InputProblem(line: line, message: error.message + " (skipped)"))
        }
        memory.decoded(slots)
        return .success(posting(line: line, slots: slots))
    }

    /// The posting from the slot values (no dictionary: each subject field reads its slot).
    private func posting(line: Int, slots: [String?]) -> Posting {
        var fields: [SubjectField] = []
        fields.reserveCapacity(fieldSlots.count)
        for (name, slot) in fieldSlots { fields.append(SubjectField(name: name, text: slots[slot] ?? "")) }
        // "#line" only when the posting has no id: most have one.
        let id = idSlot.flatMap { slots[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        var extraValues: [String: String] = [:]
        for (name, slot) in extraSlots { extraValues[name] = slots[slot] }
        return Posting(line: line, subject: Subject(kind: .jobPosting, id: id ?? "#\(line)", fields: fields),
                       extras: extraValues)
    }
}
