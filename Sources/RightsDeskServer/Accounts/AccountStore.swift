import CaseStore
import Foundation
import GRDB
import HummingbirdBcrypt

/// Users and sessions, in the same SQLite file as the cases (tables `server_users`, `server_sessions`).
///
/// Its migrations are named `server.*` and live in this module, so CaseStore's schema stays unaware of accounts
/// (`DatabaseFileCheck` ignores the `server.` prefix). Session and bearer tokens are random 256-bit values; only
/// their SHA-256 digests are stored, so a copy of the database does not let anyone sign in.
///
/// Live sessions are cached in memory after their first lookup (`SessionCache`, ADR 0012): logging out, a new
/// password or disabling a user through this store removes them from the cache at once; the same changes made by
/// another process on the file (`rightsdesk users …`) take effect within `sessionRecheck` seconds.
///
/// **Sendable.** All stored properties are immutable; `DatabasePool` is thread-safe and `SessionCache` locks.
public final class AccountStore: Sendable {
    let pool: DatabasePool
    let bcryptCost: UInt8
    let sessions: SessionCache
    /// A hash to verify against when the user does not exist, so timing does not tell which names exist.
    let dummyHash: String

    /// Opens the account tables in `path` (created by `CaseStore` first), migrating them.
    ///
    /// - Parameter sessionRecheck: Seconds a cached session is trusted before it is read from the database again.
    public init(path: String, bcryptCost: UInt8 = 12, sessionRecheck: TimeInterval = 2) throws(AccountError) {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try Self.migrator.migrate(pool)
        } catch {
            throw .database("\(error)")
        }
        self.bcryptCost = bcryptCost
        self.sessions = SessionCache(revalidateAfter: .milliseconds(Int64((max(0, sessionRecheck) * 1000).rounded())))
        self.dummyHash = Bcrypt.hash(AccountStore.randomPassword(), cost: bcryptCost)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("server.v1.accounts") { db in
            try db.execute(sql: """
                CREATE TABLE server_users (
                    username TEXT PRIMARY KEY NOT NULL,
                    role TEXT NOT NULL,
                    passwordHash TEXT NOT NULL,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    createdAt REAL NOT NULL);
                CREATE TABLE server_sessions (
                    tokenDigest TEXT PRIMARY KEY NOT NULL,
                    username TEXT NOT NULL REFERENCES server_users(username),
                    kind TEXT NOT NULL,
                    csrf TEXT NOT NULL,
                    createdAt REAL NOT NULL,
                    expiresAt REAL NOT NULL);
                CREATE INDEX server_sessions_user ON server_sessions(username);
                """)
        }
        return migrator
    }

    // MARK: - Users

    /// Adds a user. - Throws: `.invalidName`, `.weakPassword`, `.exists`.
    public func add(_ username: String, role: Role, password: String, at: Date = Date()) throws(AccountError) {
        guard UserAccount.isValidName(username) else { throw .invalidName(username) }
        guard password.count >= 10 else { throw .weakPassword }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM server_users WHERE username = ?", arguments: [username]) == true {
                throw AccountError.exists(username)
            }
            try db.execute(sql: "INSERT INTO server_users (username, role, passwordHash, disabled, createdAt) VALUES (?,?,?,0,?)",
                           arguments: [username, role.rawValue, hash, at.timeIntervalSince1970])
        }
    }

    /// Sets a new password and ends the user's sessions.
    public func setPassword(_ username: String, password: String) throws(AccountError) {
        guard password.count >= 10 else { throw .weakPassword }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        try write { db in
            try db.execute(sql: "UPDATE server_users SET passwordHash = ? WHERE username = ?", arguments: [hash, username])
            guard db.changesCount == 1 else { throw AccountError.unknownUser(username) }
            try db.execute(sql: "DELETE FROM server_sessions WHERE username = ?", arguments: [username])
        }
        sessions.remove(username: username)
    }

    /// Disables (or re-enables) a user; disabling ends the user's sessions.
    public func setDisabled(_ username: String, _ disabled: Bool) throws(AccountError) {
        try write { db in
            try db.execute(sql: "UPDATE server_users SET disabled = ? WHERE username = ?", arguments: [disabled, username])
            guard db.changesCount == 1 else { throw AccountError.unknownUser(username) }
            if disabled { try db.execute(sql: "DELETE FROM server_sessions WHERE username = ?", arguments: [username]) }
        }
        if disabled { sessions.remove(username: username) }
    }

    /// All users, by name.
    public func users() throws(AccountError) -> [UserAccount] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT username, role, disabled, createdAt FROM server_users ORDER BY username")
                .compactMap { row -> UserAccount? in
                    guard let role = Role(rawValue: row["role"]) else { return nil }
                    return UserAccount(username: row["username"], role: role, disabled: row["disabled"],
                                       createdAt: Date(timeIntervalSince1970: row["createdAt"]))
                }
        }
    }

    /// The account when `password` is right and the account is enabled; nil otherwise (same answer either way).
    public func verify(_ username: String, password: String) throws(AccountError) -> UserAccount? {
        let row = try read { db in
            try Row.fetchOne(db, sql: "SELECT role, passwordHash, disabled, createdAt FROM server_users WHERE username = ?",
                             arguments: [username])
        }
        guard let row else {
            _ = Bcrypt.verify(password, hash: dummyHash)  // same work whether or not the user exists
            return nil
        }
        let hash: String = row["passwordHash"]
        guard Bcrypt.verify(password, hash: hash), !(row["disabled"] as Bool), let role = Role(rawValue: row["role"])
        else { return nil }
        return UserAccount(username: username, role: role, createdAt: Date(timeIntervalSince1970: row["createdAt"]))
    }

    // MARK: - Plumbing

    func write<T>(_ body: (Database) throws -> T) throws(AccountError) -> T {
        do { return try pool.write(body) } catch let error as AccountError { throw error } catch {
            throw .database("\(error)")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(AccountError) -> T {
        do { return try pool.read(body) } catch let error as AccountError { throw error } catch {
            throw .database("\(error)")
        }
    }
}
