import CaseStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import RightsDeskServer
import Testing

/// Authenticated requests are answered from an in-memory cache of live sessions; these tests check that the cache
/// never lets a session outlive a logout, a new password, a disabled account or its expiry.
@Suite("Server: cached sessions end exactly when their session ends")
struct SessionCacheTests {
    static func me(_ client: some TestClientProtocol, _ headers: HTTPFields) async throws -> HTTPResponse.Status {
        try await client.execute(uri: "/api/v1/me", method: .get, headers: headers).status
    }

    @Test("a bearer token that was just used stops working at once after logout")
    func logoutEndsCachedSession() async throws {
        let h = try ServerHarness(sessionRecheck: 3600)
        try await h.test { client in
            #expect(try await Self.me(client, h.headers(.operator)) == .ok)
            let out = try await client.execute(uri: "/api/v1/auth/logout", method: .post, headers: h.headers(.operator))
            #expect(out.status == .noContent)
            #expect(try await Self.me(client, h.headers(.operator)) == .unauthorized)
            #expect(try await Self.me(client, h.headers(.legal)) == .ok)
        }
    }

    @Test("disabling a user or setting a new password ends that user's cached sessions at once, and only theirs")
    func disableAndPasswdEndCachedSessions() async throws {
        let h = try ServerHarness(sessionRecheck: 3600)
        try await h.test { client in
            for role in [Role.operator, .legal, .supervisor] { #expect(try await Self.me(client, h.headers(role)) == .ok) }
            try h.server.accounts.setDisabled("u-operator", true)
            try h.server.accounts.setPassword("u-legal", password: "a-new-password-1")
            #expect(try await Self.me(client, h.headers(.operator)) == .unauthorized)
            #expect(try await Self.me(client, h.headers(.legal)) == .unauthorized)
            #expect(try await Self.me(client, h.headers(.supervisor)) == .ok)
        }
    }

    @Test("a change made by another process on the same file is seen once the recheck interval has passed")
    func otherProcessChangeIsSeen() async throws {
        let h = try ServerHarness(sessionRecheck: 0)
        let other = try AccountStore(path: h.server.service.store.path, bcryptCost: 4)
        try await h.test { client in
            #expect(try await Self.me(client, h.headers(.operator)) == .ok)
            try other.setDisabled("u-operator", true)
            #expect(try await Self.me(client, h.headers(.operator)) == .unauthorized)
        }
    }

    @Test("a cached session is not served after it expires, nor for the other kind of token")
    func expiryAndKind() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rd-sessions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path
        _ = try CaseStore(path: path)
        let accounts = try AccountStore(path: path, bcryptCost: 4, sessionRecheck: 3600)
        let start = Date(timeIntervalSince1970: 1_772_413_200)
        try accounts.add("op-1", role: .operator, password: "password-op-1", at: start)
        let account = UserAccount(username: "op-1", role: .operator, createdAt: start)
        let token = try accounts.startSession(for: account, via: .bearer, lifetime: 60, now: start).token
        #expect(try accounts.principal(token: token, via: .bearer, now: start)?.username == "op-1")
        #expect(try accounts.principal(token: token, via: .bearer, now: start.addingTimeInterval(30))?.role == .operator)
        #expect(try accounts.principal(token: token, via: .cookie, now: start) == nil)
        #expect(try accounts.principal(token: token, via: .bearer, now: start.addingTimeInterval(61)) == nil)
    }

    @Test("a lookup that raced with an invalidation does not put the old session back in the cache")
    func racingLookupIsNotCached() {
        let cache = SessionCache(revalidateAfter: .seconds(3600))
        let now = Date(timeIntervalSince1970: 1_772_413_200)
        let entry = SessionCache.Entry(username: "op-1", role: .operator, kind: "bearer", csrf: "c",
                                       expiresAt: now.timeIntervalSince1970 + 60, checkedAt: .now)
        let before = cache.generation
        cache.remove(username: "op-1")
        cache.store(digest: "d1", entry, ifGeneration: before)
        #expect(cache.principal(digest: "d1", kind: "bearer", via: .bearer, now: now) == nil)
        cache.store(digest: "d1", entry, ifGeneration: cache.generation)
        #expect(cache.principal(digest: "d1", kind: "bearer", via: .bearer, now: now)?.username == "op-1")
    }
}
