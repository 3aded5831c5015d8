/// Where a case can be sent: the six outside authorities a legal desk refers to.
public enum Authority: String, CaseIterable, Codable, Sendable {
    /// 人社局劳动保障监察机构 (labour inspection).
    case laborInspection
    /// 劳动人事争议仲裁委员会 (labour-dispute arbitration committee).
    case arbitration
    /// 法律援助中心 (legal aid centre).
    case legalAid
    /// 公安机关 (police).
    case police
    /// 市场监督管理部门 (market regulation).
    case marketRegulation
    /// 人民法院 (court).
    case court

    /// The authority's name in Chinese and English.
    public var name: (zh: String, en: String) {
        switch self {
        case .laborInspection: ("人社局劳动保障监察机构", "labour inspection")
        case .arbitration: ("劳动人事争议仲裁委员会", "labour-dispute arbitration committee")
        case .legalAid: ("法律援助中心", "legal aid centre")
        case .police: ("公安机关", "police")
        case .marketRegulation: ("市场监督管理部门", "market regulation")
        case .court: ("人民法院", "court")
        }
    }
}
