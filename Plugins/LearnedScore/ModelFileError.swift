/// Why a model file was refused; the scan then runs with rules only.
public struct ModelFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, by kind (tests and callers switch on it).
    public enum Reason: Sendable, Hashable {
        /// The file could not be read.
        case unreadable
        /// The file does not start with the model signature.
        case notAModel
        /// The file ends before its declared content.
        case truncated(expected: Int, actual: Int)
        /// The file's format version is not the one this build reads.
        case unsupportedVersion(Int)
        /// The checksum does not match the content, or the content is inconsistent.
        case corrupt(String)
        /// The JSON header cannot be decoded.
        case badHeader(String)
        /// The model was made for other feature parameters than this build implements.
        case incompatible(String)
    }

    /// The file.
    public var path: String
    /// What is wrong.
    public var reason: Reason

    /// Creates an error.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The reason in words.
    public var message: String {
        switch reason {
        case .unreadable: "cannot read the model file"
        case .notAModel: "not a RightsDesk model file (signature missing)"
        case .truncated(let expected, let actual): "truncated model file: \(actual) bytes, expected \(expected)"
        case .unsupportedVersion(let version):
            "model format version \(version) is not supported (this build reads versions "
                + ModelHeader.supportedFormatVersions.dropLast().map(String.init).joined(separator: ", ")
                + (ModelHeader.supportedFormatVersions.count > 1 ? " and " : "")
                + (ModelHeader.supportedFormatVersions.last.map(String.init) ?? "")
                + "); retrain it with `rightsdesk model train`"
        case .corrupt(let detail): "corrupt model file: \(detail)"
        case .badHeader(let detail): "unreadable model header: \(detail)"
        case .incompatible(let detail): "model does not match this build: \(detail)"
        }
    }

    public var description: String { "\(path): \(message)" }
}
