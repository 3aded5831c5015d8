import Foundation

/// How a scan runs.
public struct ScanOptions: Sendable {
    /// Worker threads; 0 means one per core.
    public var jobs: Int
    /// Abort at the first malformed record instead of skipping it.
    public var strict: Bool
    /// Records handed to a worker at a time.
    public var chunkSize: Int
    /// Chunks in flight per worker (bounds memory: jobs × chunksPerWorker × chunkSize records).
    public var chunksPerWorker: Int

    /// Creates options.
    public init(jobs: Int = 0, strict: Bool = false, chunkSize: Int = 128, chunksPerWorker: Int = 4) {
        self.jobs = jobs
        self.strict = strict
        self.chunkSize = max(1, chunkSize)
        self.chunksPerWorker = max(1, chunksPerWorker)
    }

    /// The worker count in force.
    public var workerCount: Int {
        jobs > 0 ? jobs : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}
