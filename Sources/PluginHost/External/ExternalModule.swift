import RuleKit

/// An external module as a ``RuleKit/RuleModule``: registered in the same registry as built-ins and data packs.
///
/// Its id, version, subjects and rules come from the handshake; `evaluate` is a call through the host, and any
/// failure is thrown as an ``ExternalModuleError`` ("module X failed: why"), which the registry records in
/// ``RuleKit/Evaluation/failures`` while the other modules' findings stay complete.
///
/// ```swift
/// let module = try ExternalModule(spec: ExternalModuleSpec(id: "keywords", command: "/usr/local/bin/kw"))
/// try builder.register(module)
/// ```
public struct ExternalModule: RuleModule {
    /// The host running the module's processes (shared by copies of this value).
    public let host: ExternalModuleHost

    /// Starts the module (first worker and handshake).
    ///
    /// - Throws: ``ExternalModuleError`` when it does not start or its handshake is wrong.
    public init(spec: ExternalModuleSpec) throws(ExternalModuleError) {
        host = try ExternalModuleHost(spec: spec)
    }

    /// Wraps a running host.
    public init(host: ExternalModuleHost) {
        self.host = host
    }

    public var id: String { host.descriptor.id }
    public var version: String { host.descriptor.version }
    public var subjects: Set<SubjectKind> { host.descriptor.subjects }
    public var rules: [RuleDescription] { host.descriptor.rules }

    /// Calls the module through the host; the context is not forwarded in protocol version 1.
    public func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        try host.evaluate(subject)
    }
}
