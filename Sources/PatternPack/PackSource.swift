import Foundation
import RuleKit

/// A pack directory read and checked, before its patterns are compiled.
///
/// Reading collects every problem: YAML syntax and unknown keys per file, then across files a pack id that differs
/// between files, duplicate rule ids or aliases, meta rules naming unknown rules, and cycles between meta rules.
public struct PackSource: Sendable {
    /// The pack id shared by the files (nil when no file declares one).
    public var pack: String?
    /// The directory.
    public var directory: String
    /// Every rule of every file, in file name order then file order.
    public var rules: [PackRuleSpec]
    /// Every problem found.
    public var problems: [PackProblem]

    /// Reads every `*.yaml` / `*.yml` file of `directory` (not recursive, sorted by name).
    public static func read(directory: String) -> PackSource {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            let problem = PackProblem(.unreadableFile, file: directory, message: "cannot list the directory")
            return PackSource(pack: nil, directory: directory, rules: [], problems: [problem])
        }
        var files: [(path: String, text: String)] = []
        var problems: [PackProblem] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else {
                problems.append(PackProblem(.unreadableFile, file: path, message: "cannot read the file as UTF-8"))
                continue
            }
            files.append((path, text))
        }
        var source = parse(files: files, directory: directory)
        source.problems.insert(contentsOf: problems, at: 0)
        return source
    }

    /// Parses files given as text (path is only used in messages).
    public static func parse(files: [(path: String, text: String)], directory: String = "") -> PackSource {
        var pack: String?
        var rules: [PackRuleSpec] = []
        var problems: [PackProblem] = []
        for file in files {
            let parsed = PackFileParser.parse(file: file.path, text: file.text)
            problems += parsed.problems
            if let id = parsed.pack {
                if let pack, pack != id {
                    problems.append(PackProblem(
                        .packMismatch, file: file.path, line: 1,
                        message: "pack '\(id)' differs from '\(pack)' declared by another file of the directory"))
                } else {
                    pack = id
                }
            }
            rules += parsed.rules
        }
        var source = PackSource(pack: pack, directory: directory, rules: rules, problems: problems)
        source.problems += PackValidator(rules: rules).problems()
        return source
    }
}
