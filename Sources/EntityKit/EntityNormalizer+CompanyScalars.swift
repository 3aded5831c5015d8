extension EntityNormalizer {
    static let emptyBrackets = Array("()".unicodeScalars)
    static let companyWord = Array("公司".unicodeScalars)
    static let companyForms = ["股份有限公司", "有限责任公司", "有限公司"].map { Array($0.unicodeScalars) }
    static let branchEnd = Array("分公司)".unicodeScalars)
    static let branchWord = Array("分公司".unicodeScalars)

    /// ``company(_:)`` of the text of `scalars`, computed on scalars without intermediate `String`s when every scalar
    /// is a CJK ideograph, an ASCII letter or digit or a round bracket (every name ``CompanyNames`` finds). There
    /// width folding and the character filter change nothing, upper-casing touches only `a`–`z`, each scalar is one
    /// `Character`, and canonical equivalence is scalar equality, so each step below is the `String` step of
    /// ``company(_:)``. Any other scalar sends the text through ``company(_:)`` itself.
    static func company(scalars: ArraySlice<Unicode.Scalar>) -> String? {
        var name: [Unicode.Scalar] = []
        name.reserveCapacity(scalars.count)
        for s in scalars {
            if (0x61...0x7A).contains(s.value) {
                name.append(Unicode.Scalar(UInt8(s.value - 32)))
            } else if FoldedText.isCJK(s) || FoldedText.isASCIILetter(s) || FoldedText.isASCIIDigit(s)
                        || s == "(" || s == ")" {
                name.append(s)
            } else {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars)
                return company(String(text))
            }
        }
        replaceAll(&name, emptyBrackets, with: [])
        for form in companyForms { replaceAll(&name, form, with: companyWord) }
        unwrapBranch(&name)
        moveRegion(&name)
        let nameLike = name.contains { FoldedText.isCJK($0) || FoldedText.isASCIILetter($0) }
        guard name.count >= 2, nameLike else { return nil }
        return FoldedText.string(name)
    }

    /// Replaces every occurrence of `target` in `name`, left to right, without rescanning replaced text.
    static func replaceAll(_ name: inout [Unicode.Scalar], _ target: [Unicode.Scalar],
                           with replacement: [Unicode.Scalar]) {
        guard name.count >= target.count, let first = target.first,
              let hit = firstIndex(of: target, in: name, from: 0, first: first) else { return }
        if replacement.count <= target.count {
            // In place: what is written never overtakes what is still to be read.
            var write = hit
            var i = hit
            while i < name.count {
                if name[i] == first, i + target.count <= name.count, name[i..<(i + target.count)].elementsEqual(target) {
                    for scalar in replacement {
                        name[write] = scalar
                        write += 1
                    }
                    i += target.count
                } else {
                    name[write] = name[i]
                    write += 1
                    i += 1
                }
            }
            name.removeLast(name.count - write)
            return
        }
        var out = Array(name[..<hit])
        out.reserveCapacity(name.count)
        var i = hit
        while i < name.count {
            if name[i] == first, i + target.count <= name.count, name[i..<(i + target.count)].elementsEqual(target) {
                out.append(contentsOf: replacement)
                i += target.count
            } else {
                out.append(name[i])
                i += 1
            }
        }
        name = out
    }

    static func firstIndex(of target: [Unicode.Scalar], in name: [Unicode.Scalar], from: Int,
                           first: Unicode.Scalar) -> Int? {
        var i = from
        while i + target.count <= name.count {
            if name[i] == first, name[i..<(i + target.count)].elementsEqual(target) { return i }
            i += 1
        }
        return nil
    }

    /// ``unwrapBranch(_:)`` on scalars.
    static func unwrapBranch(_ name: inout [Unicode.Scalar]) {
        guard name.count >= branchEnd.count, name.suffix(branchEnd.count).elementsEqual(branchEnd),
              let open = name.lastIndex(of: "(") else { return }
        name.remove(at: name.count - 1)
        name.remove(at: open)
    }

    /// ``moveRegion(_:)`` on scalars.
    static func moveRegion(_ name: inout [Unicode.Scalar]) {
        guard let close = name.lastIndex(of: ")"), let open = name[..<close].lastIndex(of: "("), open > 0
        else { return }
        let after = name[(close + 1)...]
        guard after.starts(with: companyWord) || after.starts(with: branchWord) else { return }
        let region = name[(open + 1)..<close]
        guard (2...8).contains(region.count), region.allSatisfy(FoldedText.isCJK) else { return }
        name = Array(region) + name[..<open] + after
    }
}
