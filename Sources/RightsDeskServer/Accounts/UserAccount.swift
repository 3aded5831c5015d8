import Foundation

/// A person who signs in. The password is kept only as a bcrypt hash.
public struct UserAccount: Sendable, Equatable, Codable {
    public var username: String
    public var role: Role
    public var disabled: Bool
    public var createdAt: Date

    public init(username: String, role: Role, disabled: Bool = false, createdAt: Date) {
        self.username = username
        self.role = role
        self.disabled = disabled
        self.createdAt = createdAt
    }

    /// User names are 1–32 characters of `a-z 0-9 . _ -` (they appear in the audit log as the actor).
    public static func isValidName(_ name: String) -> Bool {
        (1...32).contains(name.count)
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
    }
}

/// Who made a request: the account, how it authenticated, and the CSRF token of its cookie session.
public struct Principal: Sendable, Equatable {
    public enum Via: Sendable, Equatable { case cookie, bearer }
    public var username: String
    public var role: Role
    public var via: Via
    /// The session's CSRF token (cookie sessions only).
    public var csrf: String
}
