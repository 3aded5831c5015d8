import RuleKit

/// Stands in for an external module that could not be started when the registry was first built, so a broken
/// module never stops a scan or the server: every evaluation yields the failure note "module X failed: could not
/// start: …" beside the other modules' findings. A reload (SIGHUP, the admin API) tries the module again.
struct UnavailableModule: RuleModule {
    struct StartFailure: Error, CustomStringConvertible {
        var module: String
        var reason: String
        var description: String { "module \(module) failed: could not start: \(reason)" }
    }

    let id: String
    let version = "unavailable"
    let subjects: Set<SubjectKind>
    let reason: String
    var rules: [RuleDescription] { [] }

    func evaluate(_ subject: Subject, context: any EvaluationContext) throws -> [Finding] {
        throw StartFailure(module: id, reason: reason)
    }
}
