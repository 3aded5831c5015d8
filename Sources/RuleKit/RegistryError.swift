/// Why a registry could not be built.
public struct RegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case duplicateModule(String)
        case duplicateRule(id: String, first: String, second: String)
    }

    private let code: Code

    /// A module id registered twice.
    public static func duplicateModule(_ id: String) -> RegistryError { RegistryError(code: .duplicateModule(id)) }

    /// A rule id or alias claimed by two rules.
    public static func duplicateRule(_ id: String, first: String, second: String) -> RegistryError {
        RegistryError(code: .duplicateRule(id: id, first: first, second: second))
    }

    /// A readable message.
    public var description: String {
        switch code {
        case .duplicateModule(let id):
            "module id '\(id)' is registered twice"
        case .duplicateRule(let id, let first, let second):
            "rule id or alias '\(id)' is used by module '\(first)' and module '\(second)'"
        }
    }
}
