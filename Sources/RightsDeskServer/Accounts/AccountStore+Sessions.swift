import Crypto
import Foundation
import GRDB

extension AccountStore {
    /// A new session or bearer token for `account`; the token itself is returned once and never stored.
    public func startSession(for account: UserAccount, via: Principal.Via, lifetime: TimeInterval,
                             now: Date) throws(AccountError) -> (token: String, principal: Principal) {
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        let kind = via == .cookie ? "cookie" : "bearer"
        try write { db in
            try db.execute(sql: "DELETE FROM server_sessions WHERE expiresAt < ?", arguments: [now.timeIntervalSince1970])
            try db.execute(sql: """
                INSERT INTO server_sessions (tokenDigest, username, kind, csrf, createdAt, expiresAt)
                VALUES (?,?,?,?,?,?)
                """, arguments: [Self.digest(token), account.username, kind, csrf, now.timeIntervalSince1970,
                                 now.addingTimeInterval(lifetime).timeIntervalSince1970])
        }
        return (token, Principal(username: account.username, role: account.role, via: via, csrf: csrf))
    }

    /// The principal for a live token of the given kind, or nil (unknown, expired, or the user is disabled).
    ///
    /// Answered from the session cache when it holds a fresh entry; otherwise read from the database (and cached).
    public func principal(token: String, via: Principal.Via, now: Date) throws(AccountError) -> Principal? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        let kind = via == .cookie ? "cookie" : "bearer"
        let digest = Self.digest(token)
        if let cached = sessions.principal(digest: digest, kind: kind, via: via, now: now) { return cached }
        let generation = sessions.generation
        let row = try read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.username, s.csrf, s.expiresAt, u.role FROM server_sessions s
                JOIN server_users u USING (username)
                WHERE s.tokenDigest = ? AND s.kind = ? AND s.expiresAt > ? AND u.disabled = 0
                """, arguments: [digest, kind, now.timeIntervalSince1970])
        }
        guard let row, let role = Role(rawValue: row["role"]) else { return nil }
        let principal = Principal(username: row["username"], role: role, via: via, csrf: row["csrf"])
        sessions.store(digest: digest, SessionCache.Entry(username: principal.username, role: role, kind: kind,
                                                          csrf: principal.csrf, expiresAt: row["expiresAt"],
                                                          checkedAt: .now),
                       ifGeneration: generation)
        return principal
    }

    /// The principal for `token` if the session cache holds a fresh entry for it; never reads the database, so it
    /// may run on an event loop. nil means "not known here": ask `principal(token:via:now:)`.
    public func cachedPrincipal(token: String, via: Principal.Via, now: Date) -> Principal? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        return sessions.principal(digest: Self.digest(token), kind: via == .cookie ? "cookie" : "bearer", via: via,
                                  now: now)
    }

    /// Ends the session of `token` (log out).
    public func endSession(token: String) throws(AccountError) {
        let digest = Self.digest(token)
        try write { db in
            try db.execute(sql: "DELETE FROM server_sessions WHERE tokenDigest = ?", arguments: [digest])
        }
        sessions.remove(digest: digest)
    }

    /// 32 random bytes as URL-safe hex (64 characters).
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// A random password of 16 characters for first-start admin accounts.
    public static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// The SHA-256 of `token`, as 64 lower-case hex digits (the key stored in `server_sessions`).
    static func digest(_ token: String) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
