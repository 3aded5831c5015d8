import Foundation

/// Counts failed logins per user name and per client address in a sliding window; when either reaches the limit,
/// further attempts are refused (429) until the window passes. A success clears the user name's failures.
actor LoginThrottle {
    private let limit: Int
    private let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Whether an attempt for `username` from `client` may proceed now.
    func allows(username: String, client: String, now: Date) -> Bool {
        prune(now)
        return (failures["u:" + username]?.count ?? 0) < limit && (failures["c:" + client]?.count ?? 0) < limit * 4
    }

    func recordFailure(username: String, client: String, now: Date) {
        failures["u:" + username, default: []].append(now)
        failures["c:" + client, default: []].append(now)
    }

    func recordSuccess(username: String) {
        failures["u:" + username] = nil
    }

    private func prune(_ now: Date) {
        let cutoff = now.addingTimeInterval(-window)
        for (key, dates) in failures {
            let kept = dates.filter { $0 > cutoff }
            failures[key] = kept.isEmpty ? nil : kept
        }
    }
}
