import Foundation
import PluginHost
import RuleKit

/// Misbehaving and well-behaved test modules, generated as small Python scripts into a temporary directory.
enum ScriptModules {
    /// The test module's behaviour, passed as its first argument.
    enum Mode: String {
        case normal, crashAtStart, crashMidRequest, hang, garbage, hugeLine, protocolTwoHandshake, protocolTwoAnswer
        case rangeOutside, splitCharacter, unknownRule, slow, errorWhileFlagged, allocate
    }

    /// A Python module with id `t` and one rule `t.deposit` that hits 押金 in `description`.
    static let script = #"""
    import json, os, sys, time
    mode = sys.argv[1]
    def send(o):
        sys.stdout.write(json.dumps(o, ensure_ascii=False) + "\n"); sys.stdout.flush()
    if mode == "crashAtStart":
        sys.exit(3)
    rule = {"id": "t.deposit", "name": {"zh": "押金", "en": "Deposit"}, "severity": "high", "score": 5,
            "fields": ["description"], "examples": {"trigger": ["交⟦押金⟧"], "ignore": ["无"]}}
    version = os.environ.get("MODULE_VERSION", "1")
    send({"type": "handshake", "protocol": 2 if mode == "protocolTwoHandshake" else 1, "module": "t",
          "version": version, "subjects": ["jobPosting"], "rules": [rule]})
    for line in sys.stdin:
        req = json.loads(line)
        kind, rid = req["type"], req.get("id")
        if kind == "shutdown":
            break
        if kind == "ping":
            send({"type": "pong", "id": rid}); continue
        text = {f["name"]: f["text"] for f in req["subject"]["fields"]}.get("description", "")
        if mode == "crashMidRequest":
            os._exit(5)
        if mode == "hang":
            time.sleep(60)
        if mode == "garbage":
            sys.stdout.write("this is not json {\n"); sys.stdout.flush(); continue
        if mode == "hugeLine":
            sys.stdout.write('{"type": "result", "id": "' + rid + '", "pad": "' + "x" * 3000000 + '"}\n'); sys.stdout.flush(); continue
        if mode == "allocate":
            hog = bytearray(600 * 1024 * 1024)
        if mode == "slow":
            time.sleep(float(os.environ.get("SLOW_SECONDS", "0.5")))
        if mode == "errorWhileFlagged" and os.path.exists(os.environ["FLAG_FILE"]):
            send({"type": "error", "id": rid, "message": "registry offline"}); continue
        findings = []
        at = text.find("押金")
        if at >= 0:
            start = len(text[:at].encode("utf-8")); end = start + len("押金".encode("utf-8"))
            if mode == "rangeOutside":
                end = len(text.encode("utf-8")) + 10
            if mode == "splitCharacter":
                start += 1
            findings.append({"rule": "t.other" if mode == "unknownRule" else "t.deposit", "severity": "high",
                             "score": 5, "message": {"zh": "押金 v" + version, "en": "deposit v" + version},
                             "evidence": [{"field": "description", "start": start, "end": end, "excerpt": "押金"}],
                             "actions": [{"type": "flagEntity", "kind": "phone", "value": "1"}]})
        answer = {"type": "result", "id": rid, "findings": findings}
        if mode == "protocolTwoAnswer":
            answer["protocol"] = 2
        send(answer)
    """#

    /// Writes the script once per call into a fresh temporary directory and returns a declaration running it.
    static func spec(
        _ mode: Mode, timeoutMs: Int = 3000, maxConcurrent: Int = 1, env: [String: String] = [:],
        configure: (inout ExternalModuleSpec) throws -> Void = { _ in }
    ) throws -> ExternalModuleSpec {
        let directory = try temporaryDirectory()
        let path = (directory as NSString).appendingPathComponent("module.py")
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        var spec = ExternalModuleSpec(
            id: "t", command: "python3", args: ["-u", path, mode.rawValue], timeoutMs: timeoutMs,
            maxConcurrent: maxConcurrent, env: env, restartBackoffMs: 0, breakerThreshold: 100)
        try configure(&spec)
        return spec
    }

    /// A fresh directory under the system's temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("rightsdesk-plugin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A posting whose description is `text`.
    static func posting(_ text: String, company: String = "") -> Subject {
        Subject(kind: .jobPosting, id: "p1", fields: [
            SubjectField(name: "description", text: text), SubjectField(name: "company", text: company),
        ])
    }

    /// Runs `body` and returns the error it threw as an ``ExternalModuleError``.
    static func failure(_ body: () throws -> Void) -> ExternalModuleError? {
        do {
            try body()
            return nil
        } catch {
            return error as? ExternalModuleError
        }
    }

    /// A copy of the test script whose module id is `u`.
    static func renamed(_ path: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\"module\": \"t\"", with: "\"module\": \"u\"")
            .replacingOccurrences(of: "t.deposit", with: "u.deposit")
        let copy = path.replacingOccurrences(of: "module.py", with: "module_u.py")
        try text.write(toFile: copy, atomically: true, encoding: .utf8)
        return copy
    }
}
