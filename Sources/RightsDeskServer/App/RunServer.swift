import Foundation
import Hummingbird
import Logging
import PluginHost

/// Starts the server for `rightsdesk serve` and runs until SIGINT/SIGTERM, so the CLI need not import Hummingbird.
///
/// On the first start (no users) it creates `admin` with a random password and prints it once to stdout.
public func runServer(_ config: ServerConfig, logger: Logger) async throws {
    let server = try ServerApp.make(config, logger: logger)
    if let password = try server.bootstrapAdmin() {
        announce("""
            首次启动：已创建管理员账户 / first start: created the administrator account
              user: admin
              password: \(password)
            请立即记下此密码，它不会再次显示。/ Write this password down now; it is not shown again.
            """)
    }
    announce("RightsDesk: http://\(config.host):\(config.port)/")
    // SIGHUP rebuilds the rule modules from the files; a broken edit keeps the running ones (logged).
    let hangup = server.registries.reloadOnHangup { outcome in
        switch outcome {
        case let .swapped(generation, modules):
            logger.notice("rules reloaded", metadata: ["generation": "\(generation)", "modules": "\(modules)"])
        case let .kept(generation, problems):
            logger.error("rules reload refused; the running rules stay",
                         metadata: ["generation": "\(generation)", "problems": "\(problems.joined(separator: "; "))"])
        }
    }
    defer { hangup.cancel() }
    try await server.application().runService()
}

/// Writes a line to stdout unbuffered: the one-time password and the URL must show even when stdout is a pipe.
private func announce(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
