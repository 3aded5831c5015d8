import CaseCore
import Foundation
import GRDB

/// Why a `CaseStore` operation failed. A closed set: every case has a zh and an en message in `message(_:)`.
///
/// No case carries personal data: paths, case ids, versions and SQLite's own messages only.
public enum StoreError: Error, Equatable, Sendable {
    /// The file exists but is not a RightsDesk database (another application's SQLite file, or not SQLite at all).
    case notRightsDeskDatabase(path: String)
    /// The database was migrated by a newer RightsDesk: `found` lists migrations this binary does not know,
    /// `known` is the last migration it knows.
    case newerSchema(path: String, found: String, known: String)
    /// An optimistic update was based on `expected` but the stored version is `current`; nothing was written.
    case conflict(caseId: Int64, expected: Int, current: Int)
    /// No case (or other row) with this id or number.
    case notFound(String)
    /// The request is malformed (an invalid prefix, a link of a case to itself, an unreadable stored value).
    case invalid(String)
    /// SQLite or file-system failure.
    case io(String)

    /// The message shown to a person, in one place for both languages.
    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.notRightsDeskDatabase(path), .zh):
            "\(path) 不是 RightsDesk 数据库（可能是其他程序的文件），未作任何修改"
        case let (.notRightsDeskDatabase(path), .en):
            "\(path) is not a RightsDesk database (it may belong to another program); it was left unchanged"
        case let (.newerSchema(path, found, known), .zh):
            "\(path) 由更新版本的 RightsDesk 创建（未知迁移：\(found)；本程序最新迁移：\(known)），请升级程序"
        case let (.newerSchema(path, found, known), .en):
            "\(path) was written by a newer RightsDesk (unknown migrations: \(found); newest known: \(known)); upgrade"
        case let (.conflict(caseId, expected, current), .zh):
            "案件 \(caseId) 已被他人修改（您基于版本 \(expected)，当前版本 \(current)），请刷新后重试"
        case let (.conflict(caseId, expected, current), .en):
            "case \(caseId) was changed by someone else (you edited version \(expected), it is now \(current)); reload"
        case let (.notFound(what), .zh):
            "未找到：\(what)"
        case let (.notFound(what), .en):
            "not found: \(what)"
        case let (.invalid(reason), .zh):
            "请求无效：\(reason)"
        case let (.invalid(reason), .en):
            "invalid request: \(reason)"
        case let (.io(reason), .zh):
            "数据库读写失败：\(reason)"
        case let (.io(reason), .en):
            "database error: \(reason)"
        }
    }
}

extension StoreError {
    /// Maps any error thrown inside a database access to a `StoreError`.
    ///
    /// SQLite errors keep their code and SQLite's message, never the statement arguments (which may hold
    /// personal data).
    static func wrap(_ error: any Error, _ operation: String) -> StoreError {
        switch error {
        case let storeError as StoreError:
            return storeError
        case let databaseError as DatabaseError:
            let text = databaseError.message ?? "unknown"
            return .io("\(operation): SQLite error \(databaseError.extendedResultCode.rawValue): \(text)")
        default:
            return .io("\(operation): \(type(of: error))")
        }
    }
}
