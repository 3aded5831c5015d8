import CaseCore

/// Something a request does; each route names one, and `Permissions` says which roles may do it.
public enum Action: String, CaseIterable, Sendable {
    case caseCreate = "case.create"
    case caseRead = "case.read"
    /// Read a case with personal data unmasked (an audited event).
    case caseReadPersonal = "case.readPersonal"
    case caseTransition = "case.transition"
    case caseAssign = "case.assign"
    case caseNote = "case.note"
    case caseLink = "case.link"
    case caseMerge = "case.merge"
    case scan = "scan"
    case legalRead = "legal.read"
    case legalWrite = "legal.write"
    case reports = "reports"
    /// Read the entity index (companies, credit codes, licences, and phones / WeChat / QQ ids masked).
    case entityRead = "entity.read"
    /// Read an entity with its contact values unmasked (an audited event).
    case entityReadPersonal = "entity.readPersonal"
    /// Put an entity on the watchlist or take it off (audited, with a reason).
    case entityWatch = "entity.watch"
    case usersManage = "users.manage"
    /// Rebuild the rule-module registry from the files (hot reload).
    case modulesReload = "modules.reload"
    /// Any signed-in user (log out, who am I).
    case session = "session"
}
