import CaseEngine
import CaseStore
import EntityKit
import Foundation

/// The `{id}` of the entity routes: the entity's numeric id (as lists give it, so a role that sees contacts masked
/// can still open one), or `KIND:VALUE` as the CLI takes it (`phone:13812345678`, `company:快跑劳务有限公司`),
/// percent-encoded in the path.
enum EntityReference {
    /// Resolves a reference to an indexed entity and its id.
    ///
    /// - Throws: 400 for a malformed reference, 404 when no such entity is indexed.
    static func resolve(_ raw: String, store: CaseStore) throws -> (entity: Entity, id: Int64) {
        let text = raw.removingPercentEncoding ?? raw
        guard !text.isEmpty, text.count <= 200 else { throw APIError.badRequest("id", "实体编号无效 / invalid entity id") }
        let entity: Entity
        do {
            if let number = Int64(text) {
                guard let found = try store.entity(id: number) else { throw EngineError.notFound("entity") }
                return (found, number)
            }
            entity = try parse(text)
            guard let id = try store.entityIDs([entity])[entity] else { throw EngineError.notFound("entity") }
            return (entity, id)
        } catch let error as StoreError {
            throw EngineError.store(error)
        }
    }

    /// `KIND:VALUE`, normalised like the entity index does.
    static func parse(_ text: String) throws -> Entity {
        guard let colon = text.firstIndex(of: ":"), let kind = EntityKind(rawValue: String(text[..<colon])) else {
            throw APIError.badRequest("id", "应为数字编号或 KIND:VALUE / expected a numeric id or KIND:VALUE (kinds: "
                                      + EntityKind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        guard let entity = EntityNormalizer.entity(kind, String(text[text.index(after: colon)...])) else {
            throw APIError.badRequest("id", "\(kind.rawValue) 取值无法规范化 / the value is not a valid \(kind.rawValue)")
        }
        return entity
    }
}
