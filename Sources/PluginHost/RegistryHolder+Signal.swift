import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension RegistryHolder {
    /// Reloads on every SIGHUP the process receives and reports each outcome; keep the returned source alive.
    ///
    /// SIGHUP's default action (terminate) is switched off first, so the signal can never end the process.
    ///
    /// ```swift
    /// let hangup = holder.reloadOnHangup { outcome in logger.info("reload: \(outcome.swapped)") }
    /// ```
    /// - Parameters:
    ///   - queue: where reloads run (a reload starts external modules, so not the main queue of a UI).
    ///   - report: called after each reload with what it did.
    /// - Returns: the signal source; cancel it to stop listening.
    public func reloadOnHangup(
        queue: DispatchQueue = DispatchQueue(label: "rightsdesk.reload"),
        report: @escaping @Sendable (ReloadOutcome) -> Void
    ) -> any DispatchSourceSignal {
        _ = signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
        source.setEventHandler { [weak self] in
            guard let self else { return }
            report(self.reload())
        }
        source.resume()
        return source
    }
}
