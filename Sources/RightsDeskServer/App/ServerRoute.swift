import Hummingbird

/// One served route: method, path (Hummingbird syntax, `:id` for a parameter), the action it needs (nil: public),
/// and whether it is part of the JSON API, a web page, or a static asset.
public struct ServerRoute: Sendable {
    public enum Surface: Sendable { case api, page, asset }

    public var method: HTTPRequest.Method
    public var path: String
    public var action: Action?
    public var surface: Surface
    let handler: Handler

    /// Most handlers block on SQLite (a durable commit waits for fsync): they run on the server's thread pool,
    /// never on Swift's cooperative threads or NIO's event loops. Login is async (it awaits the throttle actor).
    enum Handler: Sendable {
        case blocking(@Sendable (Request, ServerContext) throws -> Response)
        case async(@Sendable (Request, ServerContext) async throws -> Response)
    }

    init(_ method: HTTPRequest.Method, _ path: String, _ action: Action?, _ surface: Surface,
         _ handler: @escaping @Sendable (Request, ServerContext) throws -> Response) {
        self.init(method, path, action, surface, handler: .blocking(handler))
    }

    init(_ method: HTTPRequest.Method, _ path: String, _ action: Action?, _ surface: Surface,
         async handler: @escaping @Sendable (Request, ServerContext) async throws -> Response) {
        self.init(method, path, action, surface, handler: .async(handler))
    }

    private init(_ method: HTTPRequest.Method, _ path: String, _ action: Action?, _ surface: Surface,
                 handler: Handler) {
        self.method = method
        self.path = path
        self.action = action
        self.surface = surface
        self.handler = handler
    }

    /// The path in OpenAPI form (`{id}` instead of `:id`).
    public var openAPIPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }
}
