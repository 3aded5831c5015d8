import Dispatch

/// Stops calls to a module that keeps failing, and lets one trial call through after a cool-down.
///
/// `closed` counts consecutive failures; at `threshold` it opens. `open` refuses every call until the cool-down
/// has passed, then the next call is admitted as the single trial (`halfOpen`): its success closes the breaker,
/// its failure opens it again for another cool-down.
struct CircuitBreaker: Sendable {
    /// The breaker's state as health reports show it.
    enum State: String, Sendable, Codable { case closed, open, halfOpen }

    let threshold: Int
    let cooldownNanoseconds: UInt64
    private(set) var state: State = .closed
    private(set) var consecutiveFailures = 0
    private var openedAt: UInt64 = 0
    private var trialInFlight = false

    init(threshold: Int, cooldownMs: Int) {
        self.threshold = max(1, threshold)
        cooldownNanoseconds = UInt64(max(0, cooldownMs)) * 1_000_000
    }

    /// Admits a call at `now`, or returns how many milliseconds remain until a trial is allowed.
    mutating func admit(now: UInt64) -> Int? {
        switch state {
        case .closed:
            return nil
        case .open:
            let reopen = openedAt + cooldownNanoseconds
            guard now >= reopen else { return Int((reopen - now) / 1_000_000) + 1 }
            state = .halfOpen
            trialInFlight = true
            return nil
        case .halfOpen:
            guard !trialInFlight else { return Int(cooldownNanoseconds / 1_000_000) }
            trialInFlight = true
            return nil
        }
    }

    /// Records a call's success.
    mutating func succeeded() {
        state = .closed
        consecutiveFailures = 0
        trialInFlight = false
    }

    /// Records a call's failure at `now`.
    mutating func failed(now: UInt64) {
        consecutiveFailures += 1
        trialInFlight = false
        if state == .halfOpen || consecutiveFailures >= threshold {
            state = .open
            openedAt = now
        }
    }

    /// A call admitted as the trial ended without a verdict on the module (e.g. the host refused it).
    mutating func released() {
        trialInFlight = false
    }
}
