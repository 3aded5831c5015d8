import Foundation

/// The n-gram text of the full-text index, for documents and for queries.
///
/// FTS5's `trigram` tokenizer cannot answer 1–2 character queries (押金, 金), so the store generates its own tokens
/// and hands them to FTS5 as space-separated words (`unicode61 remove_diacritics 0`, which keeps them whole):
///
/// - Text is normalised (NFKC, lower-case) and split into *runs* of letters, digits and CJK characters (Unicode
///   categories L*, N* and Co, the same set `unicode61` treats as token characters); everything else separates.
/// - Column `uni` holds each distinct character once (a 1-character query is one token lookup).
/// - Column `bi` holds the overlapping bigrams of every run, in order, with a one-character `boundary` token
///   between runs, so a phrase of consecutive bigrams matches exactly the substrings of one run and never spans
///   two runs. Bigram tokens have two characters, so they never equal the boundary token.
/// - A query run of one character matches `uni`; a run of n ≥ 2 characters is the phrase of its n-1 bigrams in
///   `bi`; runs are ANDed. Every token is written as an FTS5 string, so no query text is FTS5 syntax.
///
/// The index is contentless: deleting a document re-generates its tokens from the stored record. Changing this
/// tokenisation therefore needs a migration that rebuilds the index (`CaseStore.rebuildSearchIndex()`).
enum SearchText {
    /// Separates the bigrams of two runs in the `bi` column (a private-use character: a token to `unicode61`).
    static let boundary: Character = "\u{E000}"

    /// The two column values of the document made of `parts` (narrative, party names, case number, ...).
    static func document(_ parts: [String]) -> (unigrams: String, bigrams: String) {
        var seen = Set<Unicode.Scalar>()
        var unigrams = String.UnicodeScalarView()
        var bigrams = String.UnicodeScalarView()
        for part in parts {
            for run in runs(part) {
                for scalar in run where seen.insert(scalar).inserted {
                    if !unigrams.isEmpty { unigrams.append(" ") }
                    unigrams.append(scalar)
                }
                guard run.count >= 2 else { continue }
                if !bigrams.isEmpty {
                    bigrams.append(" ")
                    bigrams.append(contentsOf: String(boundary).unicodeScalars)
                }
                for index in 1..<run.count {
                    if !bigrams.isEmpty { bigrams.append(" ") }
                    bigrams.append(run[index - 1])
                    bigrams.append(run[index])
                }
            }
        }
        return (String(unigrams), String(bigrams))
    }

    /// The FTS5 MATCH expression for a user's query, or nil when the query has no letters or digits at all.
    static func matchExpression(_ query: String) -> String? {
        var terms: [String] = []
        for run in runs(query) {
            let term: String
            if run.count == 1 {
                term = "uni : \(quoted(String(String.UnicodeScalarView(run))))"
            } else {
                var phrase = String.UnicodeScalarView()
                for index in 1..<run.count {
                    if !phrase.isEmpty { phrase.append(" ") }
                    phrase.append(run[index - 1])
                    phrase.append(run[index])
                }
                term = "bi : \(quoted(String(phrase)))"
            }
            if !terms.contains(term) { terms.append(term) }
        }
        return terms.isEmpty ? nil : terms.joined(separator: " AND ")
    }

    /// Runs of token characters of the normalised text.
    static func runs(_ text: String) -> [[Unicode.Scalar]] {
        let normalised = text.precomposedStringWithCompatibilityMapping.lowercased()
        var result: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in normalised.unicodeScalars {
            if isTokenScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                result.append(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Letters, numbers and private-use characters: the default token characters of FTS5's `unicode61`.
    static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        if (0x4E00...0x9FFF).contains(scalar.value) { return true }  // CJK Unified Ideographs: the common case
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }

    /// An FTS5 string literal: double quotes around, inner double quotes doubled.
    static func quoted(_ token: String) -> String {
        "\"" + token.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
