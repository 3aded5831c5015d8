/// Why an account operation was refused.
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidName(String)
    case weakPassword
    case exists(String)
    case unknownUser(String)
    case database(String)

    public var description: String {
        switch self {
        case let .invalidName(name): "invalid user name \(name.debugDescription): use 1-32 of a-z 0-9 . _ -"
        case .weakPassword: "password too short: at least 10 characters"
        case let .exists(name): "user \(name) already exists"
        case let .unknownUser(name): "no such user: \(name)"
        case let .database(text): "account database: \(text)"
        }
    }
}
