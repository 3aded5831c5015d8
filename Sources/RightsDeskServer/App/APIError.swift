import CaseCore
import CaseEngine
import CaseStore
import Foundation
import HTTPTypes

/// An error as the API reports it: an HTTP status, a stable machine code and a message (zh or en).
///
/// The body is `{"error":{"code":"…","message":"…"}}`, plus `currentVersion` for a 409 on a stale version.
/// Messages name the field or place and never repeat personal data.
public struct APIError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var currentVersion: Int?

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, currentVersion: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.currentVersion = currentVersion
    }

    static func unauthenticated(_ language: Language) -> APIError {
        APIError(.unauthorized, "unauthenticated", language == .zh ? "请先登录" : "sign in first")
    }

    static func forbidden(_ language: Language) -> APIError {
        APIError(.forbidden, "forbidden", language == .zh ? "当前角色无权执行此操作" : "your role may not do this")
    }

    static func malformedJSON(_ detail: String) -> APIError {
        APIError(.badRequest, "malformed_json", "请求体不是有效的 JSON / request body is not valid JSON: \(detail)")
    }

    static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "too_large", "请求体超过 \(limit) 字节 / request body exceeds \(limit) bytes")
    }

    static func invalid(_ place: String, _ message: String) -> APIError {
        APIError(.unprocessableContent, "invalid_input", place.isEmpty ? message : "\(place): \(message)")
    }

    static func badRequest(_ place: String, _ message: String) -> APIError {
        APIError(.badRequest, "bad_request", "\(place): \(message)")
    }

    static let csrf = APIError(.forbidden, "csrf", "CSRF 令牌无效，请刷新页面 / invalid CSRF token: reload the page")
}

extension APIError {
    /// The HTTP form of an engine error: 422 invalid input or illegal transition, 404, 409 with the current version.
    init(_ error: EngineError, _ language: Language) {
        let text = error.message(language)
        switch error {
        case .invalidInput:
            self.init(.unprocessableContent, "invalid_input", text)
        case .notFound:
            self.init(.notFound, "not_found", text)
        case let .conflict(_, _, current):
            self.init(.conflict, "version_conflict", text, currentVersion: current)
        case .workflow:
            self.init(.unprocessableContent, "workflow", text)
        case let .store(storeError):
            switch storeError {
            case let .conflict(_, _, current):
                self.init(.conflict, "version_conflict", text, currentVersion: current)
            case .notFound:
                self.init(.notFound, "not_found", text)
            case .invalid:
                self.init(.unprocessableContent, "invalid_input", text)
            case .io, .notRightsDeskDatabase, .newerSchema:
                self.init(.internalServerError, "store", language == .zh ? "数据库错误" : "database error")
            }
        case .configuration:
            self.init(.internalServerError, "configuration", text)
        }
    }

    /// The JSON body.
    var json: String {
        var out = "{\"error\":{\"code\":\(JSONText.quote(code)),\"message\":\(JSONText.quote(message))"
        if let currentVersion { out += ",\"currentVersion\":\(currentVersion)" }
        return out + "}}"
    }
}
