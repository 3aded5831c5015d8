import Foundation

/// JSON bodies the API accepts. Unknown keys are ignored; missing or mistyped keys are 422, non-JSON is 400.
struct TransitionBody: Decodable {
    var event: String
    var expectedVersion: Int?
    var reason: String?
    var assignee: String?
    var department: String?
    var authority: String?
    var basis: String?
}

struct AssignBody: Decodable {
    var assignee: String?
    var department: String?
    var expectedVersion: Int?
}

struct NoteBody: Decodable {
    var text: String
}

struct LinkBody: Decodable {
    var to: String
    var type: String
    var reason: String?
}

struct MergeBody: Decodable {
    var into: String
    var reason: String?
    var expectedVersion: Int?
}

struct LoginBody: Decodable {
    var username: String
    var password: String
}

struct ScanBody: Decodable {
    struct Posting: Decodable {
        var id: String?
        var title: String?
        var description: String?
        var company: String?
        var contact: String?
        var salary: String?
        var subtitle: String?
        var welfare: String?
        var requirements: String?
        var companyIntro: String?
    }
    var postings: [Posting]
}

enum BodyDecoder {
    /// Decodes `data` as `T`: 400 when it is not JSON at all, 422 naming the field when it does not fit `T`.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw APIError.malformedJSON(data.isEmpty ? "empty body" : "parse error")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw APIError.invalid(path(context.codingPath + [key]), "必填 / required")
        } catch let DecodingError.typeMismatch(_, context) {
            throw APIError.invalid(path(context.codingPath), "类型错误 / wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw APIError.invalid(path(context.codingPath), "不能为 null / must not be null")
        } catch {
            throw APIError.invalid("body", "无法解析 / cannot be read")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// `POST /api/v1/entities/{id}/watch|unwatch`: the reason is required and audited.
struct ReasonBody: Decodable {
    var reason: String
}
