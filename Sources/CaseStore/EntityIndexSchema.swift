/// SQL of the entity-index migration (`v3.entities`), kept apart so the migration list stays short.
///
/// Shipped: never edit; add a new migration instead.
///
/// - `entities`: one row per normalised entity (kind, value) with the first raw form seen, first/last seen and
///   running counts of distinct cases and postings naming it.
/// - `entity_mentions`: one row per entity and source (`c:<case id>` or `p:<posting id>`), with the role
///   (`respondent`, `complainant`, `narrative`, `posting`), the case kind and the time; answers "which cases name
///   this entity" and windowed counts through `(entity_id, at)`.
/// - `entity_watchlist`: the entities a supervisor watches; `entity_audit`: append-only log of watch / unwatch with
///   actor and reason.
/// - `entity_flags`: flags raised by rule modules, with the rule, the source and the evidence (JSON).
enum EntityIndexSchema {
    static let v3 = """
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            display TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            case_count INTEGER NOT NULL DEFAULT 0,
            posting_count INTEGER NOT NULL DEFAULT 0,
            UNIQUE (kind, value)
        );
        CREATE INDEX entities_by_last_seen ON entities(last_seen);
        CREATE TABLE entity_mentions (
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            source TEXT NOT NULL,
            case_id INTEGER REFERENCES cases(id),
            posting_id TEXT,
            role TEXT NOT NULL,
            case_kind TEXT,
            at INTEGER NOT NULL,
            PRIMARY KEY (entity_id, source)
        ) WITHOUT ROWID;
        CREATE INDEX entity_mentions_by_time ON entity_mentions(entity_id, at);
        CREATE INDEX entity_mentions_by_case ON entity_mentions(case_id) WHERE case_id IS NOT NULL;
        CREATE INDEX entity_mentions_by_source ON entity_mentions(source);
        CREATE TABLE entity_watchlist (
            entity_id INTEGER PRIMARY KEY REFERENCES entities(id),
            added_at INTEGER NOT NULL,
            added_by TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE TABLE entity_audit (
            seq INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX entity_audit_by_entity ON entity_audit(entity_id, seq);
        CREATE TRIGGER entity_audit_no_update BEFORE UPDATE ON entity_audit
        BEGIN SELECT RAISE(ABORT, 'entity_audit is append-only'); END;
        CREATE TRIGGER entity_audit_no_delete BEFORE DELETE ON entity_audit
        BEGIN SELECT RAISE(ABORT, 'entity_audit is append-only'); END;
        CREATE TABLE entity_flags (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            rule TEXT NOT NULL,
            source TEXT NOT NULL,
            at INTEGER NOT NULL,
            evidence TEXT NOT NULL,
            UNIQUE (entity_id, rule, source)
        );
        CREATE INDEX entity_flags_by_time ON entity_flags(at);
        """
}
