import CaseCore
import Foundation
import GRDB

/// A raw `cases`-shaped table for the intake baseline: same columns, indexes and settings as the store's.
final class RawCaseTable {
    let queue: DatabaseQueue
    let encoder = JSONEncoder()
    var sequence = 0

    init(path: String) throws {
        var configuration = Configuration()
        configuration.journalMode = .wal
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: """
                CREATE TABLE cases (id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    kind TEXT NOT NULL, channel TEXT NOT NULL, status TEXT NOT NULL, priority TEXT NOT NULL,
                    narrative TEXT NOT NULL, parties TEXT NOT NULL, department TEXT, assignee TEXT, tags TEXT NOT NULL,
                    facts TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                    version INTEGER NOT NULL CHECK (version >= 1), merged_into INTEGER REFERENCES cases(id));
                CREATE INDEX cases_by_created ON cases(created_at);
                CREATE INDEX cases_by_status ON cases(status, created_at);
                CREATE INDEX cases_by_department ON cases(department, created_at);
                CREATE INDEX cases_by_assignee ON cases(assignee, created_at);
                """)
        }
    }

    /// Inserts one row in its own transaction (BEGIN IMMEDIATE … COMMIT).
    func insert(_ record: CaseRecord) throws {
        sequence += 1
        let parties = String(decoding: try encoder.encode(record.parties), as: UTF8.self)
        let tags = String(decoding: try encoder.encode(record.tags), as: UTF8.self)
        let facts = String(decoding: try encoder.encode(record.facts), as: UTF8.self)
        let created = Int64(record.createdAt.timeIntervalSince1970 * 1000)
        let number = "RAW-2026-\(sequence)"
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.cachedStatement(sql: """
                INSERT INTO cases (number, kind, channel, status, priority, narrative, parties, department, assignee,
                    tags, facts, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """).execute(arguments: [number, record.kind.rawValue, record.channel.rawValue, record.status.rawValue,
                                         record.priority.rawValue, record.narrative, parties, record.department,
                                         record.assignee, tags, facts, created, created])
            try db.execute(sql: "COMMIT")
        }
    }
}
