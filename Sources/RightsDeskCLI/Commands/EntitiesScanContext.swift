import ArgumentParser
import CaseEngine
import CaseStore
import Foundation
import RuleKit

/// The evaluation context of `scan --db`: the entity index of an existing database, or no history.
enum EntitiesScanContext {
    static func open(_ path: String?) throws -> any EvaluationContext {
        guard let path else { return EmptyContext() }
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("--db: no database at \(path)") }
        do {
            return StoreEntityContext(store: try CaseStore(path: path, logger: CommandContext.logger()),
                                      now: try CommandContext.clock())
        } catch {
            throw ValidationError("--db: \(error)")
        }
    }
}
