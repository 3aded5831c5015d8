import CaseCore
import Hummingbird
import Foundation
import NIOCore

/// The request context: who is asking (set by the session check), in which language, and from which address.
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, once `ServerApp.authenticate` found a live session or token.
    public var principal: Principal?
    /// The language of pages and messages: `?lang=`, else the `lang` cookie, else Chinese.
    public var language: Language = .zh
    /// The client's address (for login throttling); empty when unknown (the in-process test client).
    public var clientAddress: String
    /// The request body, read (within the size limit) by the dispatcher before the handler runs.
    public var body = Data()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? ""
    }
}
