/// A problem in the legal data files, with the place: `routes.yaml:12: unknown authority "polce"`.
public struct LegalDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name or path.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// What is wrong, naming the key or value.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String {
        "\(file)" + (line.map { ":\($0)" } ?? "") + ": \(message)"
    }
}
