import CaseEngine

/// HTML escaping: every piece of user text goes through `escape` before it reaches a page.
enum HTML {
    /// Escapes `& < > " '` so text is shown as text in element content and in quoted attributes; the same escaping
    /// as the printable referral sheet (`ReferralSheet.escape`), so there is one implementation to trust.
    static func escape(_ text: String) -> String {
        ReferralSheet.escape(text)
    }
}
