import Dispatch
import Foundation
import RuleKit

/// Runs one declared external module: a pool of up to `maxConcurrent` worker processes, each answering one
/// request at a time, with per-call timeout, output-size limit, restart backoff and a circuit breaker.
///
/// The first worker starts (and handshakes) in `init`, so the module's rules are known when it is registered;
/// further workers start when calls overlap. A call that fails kills its worker when the worker's stream can no
/// longer be trusted (timeout, crash, oversized or malformed line); the next call starts a replacement once the
/// backoff (doubling per consecutive crash) has passed. After `breakerThreshold` consecutive failures the
/// breaker opens and calls fail at once with "circuit breaker open" until the cool-down lets one trial through.
/// Every failure is an ``ExternalModuleError``; nothing here blocks a caller past its deadline.
///
/// ```swift
/// let host = try ExternalModuleHost(spec: ExternalModuleSpec(id: "registry_check", command: "python3",
///                                                            args: ["module.py"]))
/// let findings = try host.evaluate(subject)
/// ```
///
/// `@unchecked Sendable` is safe: every mutable property is read and written only while holding `condition`
/// (an `NSCondition`, i.e. a mutex); workers are handed out under it to one caller at a time.
public final class ExternalModuleHost: @unchecked Sendable {
    /// The declaration.
    public let spec: ExternalModuleSpec
    /// What the module announced when it started.
    public let descriptor: ModuleDescriptor

    let condition = NSCondition()
    var idle: [ModuleProcess] = []
    var live = 0
    var busy = 0
    var breaker: CircuitBreaker
    var crashStreak = 0
    var nextStartAt: UInt64 = 0
    var owedRestarts = 0
    var restarts = 0
    var calls = 0
    var failures = 0
    var lastFailure: String?
    var nextRequest = 0
    var isShutDown = false

    /// Starts the first worker and checks its handshake.
    ///
    /// - Throws: ``ExternalModuleError`` when the executable cannot start, exits or stays silent before its
    ///   handshake, or announces something that does not match `spec`.
    public init(spec: ExternalModuleSpec) throws(ExternalModuleError) {
        self.spec = spec
        breaker = CircuitBreaker(threshold: spec.breakerThreshold, cooldownMs: spec.breakerCooldownMs)
        let (worker, descriptor) = try Self.startWorker(spec)
        self.descriptor = descriptor
        idle = [worker]
        live = 1
    }

    deinit {
        let workers = idle
        DispatchQueue.global().async { for worker in workers { worker.shutdown(grace: 500) } }
    }

    /// Sends a subject to the module and returns its validated findings (module id filled in).
    ///
    /// - Throws: ``ExternalModuleError`` saying why the module failed; the host stays usable.
    public func evaluate(_ subject: Subject) throws(ExternalModuleError) -> [Finding] {
        try call { worker, id, deadline in self.exchangeEvaluate(worker, id: id, subject: subject, deadline: deadline) }
    }

    /// Sends a `ping` and returns the round trip in milliseconds.
    ///
    /// - Throws: ``ExternalModuleError`` when the module does not answer `pong` in time.
    public func ping() throws(ExternalModuleError) -> Double {
        let started = DispatchTime.now()
        try call { worker, id, deadline in self.exchangePing(worker, id: id, deadline: deadline) }
        return Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
    }

    /// The module's health now.
    public func health() -> ExternalModuleHealth {
        condition.lock()
        defer { condition.unlock() }
        return ExternalModuleHealth(
            module: spec.id, version: descriptor.version, breaker: breaker.state.rawValue, runningWorkers: live,
            maxWorkers: spec.maxConcurrent, calls: calls, failures: failures,
            consecutiveFailures: breaker.consecutiveFailures, restarts: restarts, lastFailure: lastFailure)
    }

    /// Stops every idle worker (busy ones stop when their call returns); later calls fail with `shutDown`.
    public func shutdown() {
        condition.lock()
        isShutDown = true
        let workers = idle
        idle = []
        live -= workers.count
        condition.broadcast()
        condition.unlock()
        for worker in workers { worker.shutdown(grace: 500) }
    }

    // MARK: - Call discipline

    /// Takes a worker, runs `exchange` on it, gives it back (or kills it) and records the outcome.
    ///
    /// Waiting for a free worker is bounded by `timeoutMs`; the exchange then has its own `timeoutMs` (a worker
    /// started for this call has already passed its handshake, bounded by `startTimeoutMs`).
    func call<T>(
        _ exchange: (ModuleProcess, String, DispatchTime) -> Result<T, ExternalModuleError>
    ) throws(ExternalModuleError) -> T {
        let (worker, id) = try acquire(deadline: DispatchTime.now() + .milliseconds(spec.timeoutMs))
        let result = exchange(worker, id, DispatchTime.now() + .milliseconds(spec.timeoutMs))
        switch result {
        case .success(let value):
            release(worker, failure: nil)
            return value
        case .failure(var error):
            if error.kind == .crashed, let how = worker.exitDescription(waiting: 200) { error.reason += " (\(how))" }
            release(worker, failure: error)
            throw error
        }
    }

    /// Nanoseconds from now until `deadline`, 0 when it has passed.
    static func nanoseconds(until deadline: DispatchTime) -> UInt64 {
        let now = DispatchTime.now().uptimeNanoseconds
        return deadline.uptimeNanoseconds > now ? deadline.uptimeNanoseconds - now : 0
    }

    func fail(_ kind: ExternalModuleError.Kind, _ reason: String) -> ExternalModuleError {
        ExternalModuleError(module: spec.id, kind: kind, reason: reason)
    }

    /// Admission (breaker, free slot, backoff) and a worker to use, started if needed.
    private func acquire(deadline: DispatchTime) throws(ExternalModuleError) -> (ModuleProcess, String) {
        condition.lock()
        calls += 1
        nextRequest += 1
        let id = "r\(nextRequest)"
        if let refusal = admit(deadline: deadline) {
            failures += 1
            lastFailure = refusal.description
            condition.unlock()
            throw refusal
        }
        if let worker = idle.popLast() {
            condition.unlock()
            return (worker, id)
        }
        live += 1
        let replacing = owedRestarts > 0
        if replacing { owedRestarts -= 1; restarts += 1 }
        condition.unlock()
        do throws(ExternalModuleError) {
            let (worker, announced) = try Self.startWorker(spec)
            guard announced == descriptor else {
                worker.kill()
                throw fail(.badHandshake, "a new worker announced a different handshake (version \(announced.version)); "
                    + "reload to pick it up")
            }
            return (worker, id)
        } catch {
            condition.lock()
            live -= 1
            busy -= 1
            owedRestarts += replacing ? 1 : 0
            record(failure: error)
            condition.broadcast()
            condition.unlock()
            throw error
        }
    }

    /// Called with the lock held: nil when the call may go on (a slot is then reserved), else why not.
    private func admit(deadline: DispatchTime) -> ExternalModuleError? {
        if isShutDown { return fail(.shutDown, "the host was shut down") }
        if let wait = breaker.admit(now: DispatchTime.now().uptimeNanoseconds) {
            return fail(.circuitOpen, "circuit breaker open after \(breaker.consecutiveFailures) consecutive failures; "
                + "next trial in \(wait) ms")
        }
        while busy >= spec.maxConcurrent {
            let seconds = Double(Self.nanoseconds(until: deadline)) / 1e9
            if seconds <= 0 || !condition.wait(until: Date(timeIntervalSinceNow: seconds)) || isShutDown {
                if busy < spec.maxConcurrent && !isShutDown { break }
                breaker.released()
                return fail(.busy, "all \(spec.maxConcurrent) workers stayed busy for \(spec.timeoutMs) ms")
            }
        }
        if idle.isEmpty {
            let now = DispatchTime.now().uptimeNanoseconds
            if now < nextStartAt {
                breaker.released()
                return fail(.restarting, "worker crashed; restart allowed in \((nextStartAt - now) / 1_000_000 + 1) ms (backoff)")
            }
        }
        busy += 1
        return nil
    }

    /// Gives a worker back after a call, or kills it, and records the outcome.
    private func release(_ worker: ModuleProcess, failure: ExternalModuleError?) {
        var doomed: ModuleProcess?
        condition.lock()
        busy -= 1
        if let failure {
            record(failure: failure)
            if failure.killsWorker || isShutDown {
                doomed = worker
                live -= 1
                owedRestarts += isShutDown ? 0 : 1
            } else {
                idle.append(worker)
            }
        } else {
            breaker.succeeded()
            crashStreak = 0
            if isShutDown { doomed = worker; live -= 1 } else { idle.append(worker) }
        }
        condition.broadcast()
        condition.unlock()
        doomed?.kill()
    }

    /// Called with the lock held: counts a failure, feeds the breaker and, for a lost worker, the backoff.
    private func record(failure: ExternalModuleError) {
        failures += 1
        lastFailure = failure.description
        let now = DispatchTime.now().uptimeNanoseconds
        if failure.countsAsModuleFailure { breaker.failed(now: now) } else { breaker.released() }
        if failure.killsWorker {
            crashStreak += 1
            let factor = UInt64(1) << UInt64(min(crashStreak - 1, 20))
            let delay = min(UInt64(spec.restartBackoffMs) * factor, UInt64(spec.maxRestartBackoffMs))
            nextStartAt = now + delay * 1_000_000
        }
    }
}
