import Dispatch
import Foundation
import RuleKit

// MARK: - Start-up and request/response exchanges

extension ExternalModuleHost {
    /// Starts one worker and reads its handshake.
    static func startWorker(_ spec: ExternalModuleSpec) throws(ExternalModuleError) -> (ModuleProcess, ModuleDescriptor) {
        let worker = try ModuleProcess(spec: spec)
        let deadline = DispatchTime.now() + .milliseconds(spec.startTimeoutMs)
        func refuse(_ kind: ExternalModuleError.Kind, _ why: String) -> ExternalModuleError {
            worker.kill()
            return ExternalModuleError(module: spec.id, kind: kind, reason: why)
        }
        switch worker.readLine(deadline: deadline) {
        case .timeout:
            throw refuse(.startFailed, "no handshake within \(spec.startTimeoutMs) ms")
        case .closed:
            let how = worker.exitDescription(waiting: 500) ?? "closed its output"
            throw refuse(.startFailed, "\(how) before its handshake")
        case .tooLong:
            throw refuse(.oversized, "handshake line longer than \(spec.maxOutputBytes) bytes")
        case .line(let line):
            if case .success(let probe) = ModuleProtocol.decode(VersionProbe.self, from: line),
               let version = probe.protocol, version != ModuleProtocol.version
            {
                throw refuse(.unknownProtocol, "speaks protocol version \(version); this host speaks \(ModuleProtocol.version)")
            }
            switch ModuleProtocol.decode(ModuleProtocol.Handshake.self, from: line) {
            case .failure(let why):
                throw refuse(.badHandshake, "malformed handshake: \(why.why)")
            case .success(let handshake):
                switch ModuleDescriptor.from(handshake, spec: spec) {
                case .success(let descriptor): return (worker, descriptor)
                case .failure(let error): throw refuse(error.kind, error.reason)
                }
            }
        }
    }

    private struct VersionProbe: Decodable {
        var `protocol`: Int?
    }

    /// Sends one `evaluate` request and validates the `result`.
    func exchangeEvaluate(
        _ worker: ModuleProcess, id: String, subject: Subject, deadline: DispatchTime
    ) -> Result<[Finding], ExternalModuleError> {
        let remaining = Int(Self.nanoseconds(until: deadline) / 1_000_000)
        let request = ModuleProtocol.EvaluateRequest(
            id: id, subject: subject, context: ModuleProtocol.Context(protocol: ModuleProtocol.version, deadlineMs: remaining))
        return exchange(worker, line: ModuleProtocol.line(request), id: id, expecting: "result", deadline: deadline)
            .flatMap { response in
                FindingValidator(descriptor: descriptor).findings(response.findings ?? [], for: subject)
            }
    }

    /// Sends one `ping` and expects `pong`.
    func exchangePing(_ worker: ModuleProcess, id: String, deadline: DispatchTime) -> Result<Void, ExternalModuleError> {
        let line = ModuleProtocol.line(ModuleProtocol.SimpleRequest(type: "ping", id: id))
        return exchange(worker, line: line, id: id, expecting: "pong", deadline: deadline).map { _ in () }
    }

    /// Writes a request line and reads the answer to it, checking version, id and type.
    private func exchange(
        _ worker: ModuleProcess, line: Data, id: String, expecting type: String, deadline: DispatchTime
    ) -> Result<ModuleProtocol.Response, ExternalModuleError> {
        guard worker.write(line, deadline: deadline) else {
            return worker.isRunning
                ? .failure(fail(.timeout, "did not read its request within \(spec.timeoutMs) ms; worker killed"))
                : .failure(fail(.crashed, "worker process was gone when the request was sent"))
        }
        while true {
            switch worker.readLine(deadline: deadline) {
            case .timeout:
                return .failure(fail(.timeout, "no answer within \(spec.timeoutMs) ms; worker killed"))
            case .closed:
                return .failure(fail(.crashed, "worker process ended during a call"))
            case .tooLong:
                return .failure(fail(.oversized, "response line longer than \(spec.maxOutputBytes) bytes was cut off; worker killed"))
            case .line(let data):
                if data.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                return check(data, id: id, expecting: type)
            }
        }
    }

    private func check(_ data: Data, id: String, expecting type: String) -> Result<ModuleProtocol.Response, ExternalModuleError> {
        let response: ModuleProtocol.Response
        switch ModuleProtocol.decode(ModuleProtocol.Response.self, from: data) {
        case .failure(let problem): return .failure(fail(.malformed, "malformed response: \(problem.why)"))
        case .success(let decoded): response = decoded
        }
        if let version = response.protocol, version != ModuleProtocol.version {
            return .failure(fail(.unknownProtocol, "answered in protocol version \(version); this host speaks \(ModuleProtocol.version)"))
        }
        guard response.id == id else {
            return .failure(fail(.malformed, "answered request '\(response.id ?? "none")' while '\(id)' was pending"))
        }
        if response.type == "error" {
            let message = String((response.message ?? "no message").prefix(200))
            return .failure(fail(.moduleError, "module reported an error: \(message)"))
        }
        guard response.type == type else {
            return .failure(fail(.malformed, "answered with type '\(response.type)', expected '\(type)'"))
        }
        return .success(response)
    }
}
