import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import RightsDeskServer

/// A server on a fresh temporary database, with one account per role and a bearer token for each.
struct ServerHarness {
    let server: ServerApp
    let directory: URL
    var tokens: [Role: String] = [:]

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let rules = repoRoot.appendingPathComponent("rules").path
    /// A fixed instant (a Monday morning in China) so due dates are reproducible.
    static let now = Date(timeIntervalSince1970: 1_772_413_200)  // 2026-03-02T01:00:00Z

    init(maxBodyBytes: Int = 64 * 1024, maxFailedLogins: Int = 5, rulesDirectory: String = ServerHarness.rules,
         sessionRecheck: TimeInterval = 2, configPath: String? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rd-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = ServerConfig(databasePath: directory.appendingPathComponent("db.sqlite").path,
                                  rulesDirectory: rulesDirectory, configPath: configPath, maxBodyBytes: maxBodyBytes,
                                  sessionRecheck: sessionRecheck, maxFailedLogins: maxFailedLogins, bcryptCost: 4,
                                  now: { ServerHarness.now })
        server = try ServerApp.make(config, logger: .init(label: "test"))
        for role in Role.allCases {
            let name = "u-\(role.rawValue)"
            try server.accounts.add(name, role: role, password: "password-\(role.rawValue)")
            let account = UserAccount(username: name, role: role, createdAt: Self.now)
            tokens[role] = try server.accounts.startSession(for: account, via: .bearer, lifetime: 3600, now: Self.now).token
        }
    }

    func headers(_ role: Role?, json: Bool = true) -> HTTPFields {
        var fields = HTTPFields()
        if let role, let token = tokens[role] { fields[.authorization] = "Bearer \(token)" }
        if json { fields[.contentType] = "application/json" }
        return fields
    }

    /// Runs `body` against the router test client.
    func test<T: Sendable>(_ body: @Sendable @escaping (any TestClientProtocol) async throws -> T) async throws -> T {
        try await server.application().test(.router) { client in try await body(client) }
    }

    static let intake = #"{"kind":"complaint","narrative":"在某平台做骑手，公司拖欠两个月工资 8000 元，先交押金 300 元才能上岗。","complainant":{"name":"张三","phone":"13812345678"},"respondent":{"name":"快跑配送有限公司","type":"employer"},"department":"劳动监察"}"#
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}

extension ByteBuffer {
    init(text: String) { self.init(string: text) }
}
