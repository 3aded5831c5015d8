import Foundation
import Hummingbird
import PluginHost

extension ServerApp {
    /// The answer of `POST /api/v1/admin/reload`.
    struct ReloadResult: Encodable {
        var swapped: Bool
        var generation: Int
        var modules: Int?
        var problems: [String]
    }

    /// `POST /api/v1/admin/reload`: rebuild the rule modules from the files and swap them in; a broken file or
    /// module keeps the running registry and the answer lists what is wrong (still 200: the server is fine).
    func apiReload(_ request: Request, _ context: ServerContext) throws -> Response {
        let by = try actor(context)
        let result: ReloadResult
        switch registries.reload() {
        case let .swapped(generation, modules):
            result = ReloadResult(swapped: true, generation: generation, modules: modules, problems: [])
            logger.notice("rules reloaded", metadata: ["generation": "\(generation)", "by": "\(by)"])
        case let .kept(generation, problems):
            result = ReloadResult(swapped: false, generation: generation, modules: nil, problems: problems)
            logger.error("rules reload refused", metadata: ["generation": "\(generation)"])
        }
        return try Self.json(result)
    }
}
