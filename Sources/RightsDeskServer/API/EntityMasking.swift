import CaseCore
import EntityKit

/// Masks contact values (phones, WeChat and QQ ids) in what the entity pages and API show to a role without
/// `entity.readPersonal`: the entity's own value wherever it appears, and every run of 5 or more digits (phone
/// numbers, QQ numbers, ID numbers, and the pieces of them an evidence excerpt cut off at its edge) in free text
/// such as evidence excerpts and watch reasons. Amounts of 5+ digits are masked too: the price of not leaking digits.
enum EntityMasking {
    /// The value as shown: contacts masked (`Entity.display(masked:)`), companies, credit codes and licences as is.
    static func value(_ entity: Entity) -> String {
        entity.display(masked: true)
    }

    /// Free text with `entity`'s value (and any run of 5+ digits) masked; text of a non-contact entity keeps its
    /// value but still has long digit runs masked.
    static func text(_ text: String, hiding entity: Entity?) -> String {
        var out = text
        if let entity, entity.kind.isContact, !entity.value.isEmpty {
            out = out.replacingOccurrences(of: entity.value, with: entity.display(masked: true),
                                           options: .caseInsensitive)
        }
        return digits(out)
    }

    /// Every run of 5+ digits (optionally ending in X, for ID numbers) masked: 15+ characters like an ID number,
    /// shorter ones like a phone (under 11 characters: every character).
    static func digits(_ text: String) -> String {
        text.replacing(/[0-9]{5,}[0-9Xx]?/) { match in
            let run = String(match.output)
            return run.count >= 15 ? Masking.idNumber(run) : Masking.phone(run)
        }
    }
}
