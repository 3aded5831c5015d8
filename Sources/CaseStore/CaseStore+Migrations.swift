import GRDB

extension CaseStore {
    /// `PRAGMA application_id` of a RightsDesk database ("RDsk" in ASCII): marks the file as ours.
    static let applicationID: Int32 = 0x5244_736B

    /// The schema, as named, append-only migrations.
    ///
    /// Never edit or reorder a shipped migration: add a new one. Migrations use SQL only, no app types, so they
    /// mean the same thing forever. Dates are Unix milliseconds (UTC) in INTEGER columns; parties, facts, tags
    /// and event details are JSON text.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1.cases") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                INSERT INTO meta (key, value) VALUES ('application', 'rightsdesk');
                CREATE TABLE cases (
                    id INTEGER PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    kind TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    status TEXT NOT NULL,
                    priority TEXT NOT NULL,
                    narrative TEXT NOT NULL,
                    parties TEXT NOT NULL,
                    department TEXT,
                    assignee TEXT,
                    tags TEXT NOT NULL,
                    facts TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    version INTEGER NOT NULL CHECK (version >= 1),
                    merged_into INTEGER REFERENCES cases(id)
                );
                CREATE INDEX cases_by_created ON cases(created_at);
                CREATE INDEX cases_by_status ON cases(status, created_at);
                CREATE INDEX cases_by_department ON cases(department, created_at);
                CREATE INDEX cases_by_assignee ON cases(assignee, created_at);
                """)
            try createHistoryTables(db)
        }
        migrator.registerMigration("v2.search") { db in
            // Contentless: the tokens are generated from `cases` (see SearchText); rowid = cases.id.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE case_search USING fts5(
                    uni, bi, content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 0');
                INSERT INTO meta (key, value) VALUES ('search.tokens', 'ngram-1');
                """)
        }
        migrator.registerMigration("v3.entities") { db in
            try db.execute(sql: EntityIndexSchema.v3)
        }
        return migrator
    }

    /// Part of `v1.cases`: numbers, the append-only event log, links and posting scans.
    private static func createHistoryTables(_ db: Database) throws {
        try db.execute(sql: """
                CREATE TABLE case_numbers (
                    prefix TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    last INTEGER NOT NULL,
                    PRIMARY KEY (prefix, year)
                ) WITHOUT ROWID;
                CREATE TABLE case_events (
                    seq INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases(id),
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    name TEXT NOT NULL,
                    from_status TEXT,
                    to_status TEXT,
                    reason TEXT,
                    text TEXT,
                    detail TEXT
                );
                CREATE INDEX case_events_by_case ON case_events(case_id, seq);
                CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
                BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
                CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
                BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
                CREATE TABLE case_links (
                    id INTEGER PRIMARY KEY,
                    from_case INTEGER NOT NULL REFERENCES cases(id),
                    to_case INTEGER NOT NULL REFERENCES cases(id),
                    type TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    UNIQUE (from_case, to_case, type)
                );
                CREATE INDEX case_links_by_to ON case_links(to_case);
                CREATE TABLE posting_scans (
                    id INTEGER PRIMARY KEY,
                    posting_id TEXT NOT NULL,
                    scanned_at INTEGER NOT NULL,
                    verdict TEXT NOT NULL,
                    score INTEGER NOT NULL,
                    findings TEXT NOT NULL,
                    source TEXT
                );
                CREATE INDEX posting_scans_by_posting ON posting_scans(posting_id, scanned_at);
                """)
    }
}
