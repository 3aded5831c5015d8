import CaseCore
import CaseStore
import Foundation

/// Writes every case (masked unless asked otherwise) as JSON Lines or CSV, streaming.
public enum CaseExportFormat: String, CaseIterable, Sendable {
    case jsonl
    case csv
}

extension CaseService {
    /// The CSV columns of `case export --format csv`, in order.
    public static let csvColumns = [
        "id", "number", "kind", "channel", "status", "priority", "department", "assignee", "createdAt", "dueAt",
        "overdue", "version", "complainant", "respondents", "tags", "narrative",
    ]

    /// Streams all cases to `write`, one line at a time (each line ends with `\n`).
    ///
    /// Personal data is masked unless `unmaskedFor` names the actor: then every exported case gets a
    /// `viewPersonalData` entry in its audit trail, written (in batches, one transaction each) before the cases of
    /// the batch are handed to `write`, as ``show(_:unmasked:actor:)`` records a single unmasked read. If `write`
    /// fails part-way, the rest of that batch stays recorded as read though not exported: the log errs on the side
    /// of recording a read.
    public func export(format: CaseExportFormat, unmaskedFor actor: String? = nil,
                       write: (String) throws -> Void) throws(EngineError) {
        let encoder = JSONOutput.encoder()
        do {
            if format == .csv { try write(Self.csvColumns.joined(separator: ",") + "\n") }
            // Collect ids first: the store may not be re-entered while it streams.
            var ids: [Int64] = []
            try store.forEachCase { ids.append($0.id) }
            var start = 0
            while start < ids.count {
                let batch = ids[start..<min(ids.count, start + Self.exportBatch)]
                start = batch.endIndex
                if let actor {
                    let at = now()
                    try store.append(batch.map { CaseEvent(caseId: $0, at: at, actor: actor, name: .viewPersonalData) })
                }
                for id in batch {
                    guard let record = try store.get(id: id) else { continue }
                    let v = try view(record, events: nil, masked: actor == nil)
                    switch format {
                    case .jsonl:
                        try write(String(decoding: try encoder.encode(v), as: UTF8.self) + "\n")
                    case .csv:
                        try write(Self.csvRow(v) + "\n")
                    }
                }
            }
        } catch let error as EngineError {
            throw error
        } catch let error as StoreError {
            throw EngineError.from(error)
        } catch {
            throw .store(.io(String(describing: error)))
        }
    }

    /// Cases per audit transaction of an unmasked export.
    static let exportBatch = 500

    static func csvRow(_ v: CaseView) -> String {
        let r = v.record
        let iso = JSONOutput.isoFormatter()
        let fields: [String] = [
            String(r.id), r.number, r.kind.rawValue, r.channel.rawValue, r.status.rawValue, r.priority.rawValue,
            r.department ?? "", r.assignee ?? "", iso.string(from: r.createdAt), v.dueAt.map(iso.string(from:)) ?? "",
            v.overdue ? "true" : "false", String(r.version), r.complainant.map(Self.partyText) ?? "",
            r.respondents.map(Self.partyText).joined(separator: "; "), r.tags.joined(separator: ";"), r.narrative,
        ]
        return fields.map(csvEscape).joined(separator: ",")
    }

    static func partyText(_ p: Party) -> String {
        [p.name, p.phone, p.idNumber].compactMap { $0 }.joined(separator: " ")
    }

    /// RFC 4180 quoting; also neutralises spreadsheet formulas (a leading `=`, `+`, `-`, `@`).
    static func csvEscape(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
