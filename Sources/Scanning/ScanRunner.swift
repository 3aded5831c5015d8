import Dispatch
import Foundation
import RuleKit
import Synchronization

/// Evaluates a stream of postings on all cores and hands results back in input order.
///
/// The reader runs on the calling thread and fills a window of `jobs × chunksPerWorker` chunks; workers decode
/// and evaluate the chunks in parallel, each taking the next chunk not yet taken (so a slow chunk does not hold up
/// a fixed share); results are then emitted in input order before the next window is read. The workers are
/// `DispatchQueue.concurrentPerform`'s, the calling thread among them, which also runs in parallel when the caller
/// is a Swift concurrency task (as `rightsdesk scan` is): work handed to `DispatchQueue.global()` and waited for
/// there did not (ADR 0023).
/// Memory is bounded by the window, whatever the input size.
///
/// ```swift
/// let runner = ScanRunner(registry: registry, decoder: PostingDecoder(), options: ScanOptions())
/// var reader = JSONLinesReader(FileByteSource.standardInput)
/// let summary = try runner.run(reader: &reader, onOutcome: { print($0.id) }, onProblem: { print($0) })
/// ```
public struct ScanRunner: Sendable {
    /// The modules that judge each posting.
    public let registry: ModuleRegistry
    /// Turns records into postings.
    public let decoder: PostingDecoder
    /// Workers, chunking, strictness.
    public let options: ScanOptions
    /// The history modules see (the entity index when a database is given).
    public let context: any EvaluationContext

    /// Creates a runner.
    public init(registry: ModuleRegistry, decoder: PostingDecoder, options: ScanOptions,
                context: any EvaluationContext = EmptyContext()) {
        self.registry = registry
        self.decoder = decoder
        self.options = options
        self.context = context
    }

    /// Result of one item of a chunk.
    enum Item: Sendable {
        case outcome(ScanOutcome)
        case problem(InputProblem)
    }

    /// Runs the whole input.
    ///
    /// - Parameters:
    ///   - reader: the record reader.
    ///   - onOutcome: called for each posting, in input order.
    ///   - onProblem: called for each skipped record, in input order (not in strict mode: the abort carries it).
    ///   - onProgress: called after each window with the running totals.
    /// - Throws: ``ScanAbort`` in strict mode at the first malformed record.
    public func run<Reader: RecordReader>(
        reader: inout Reader, onOutcome: (ScanOutcome) -> Void, onProblem: (InputProblem) -> Void,
        onProgress: ((ScanSummary) -> Void)? = nil
    ) throws(ScanAbort) -> ScanSummary {
        let started = DispatchTime.now()
        var summary = ScanSummary()
        let workers = options.workerCount
        let window = workers * options.chunksPerWorker
        var exhausted = false
        while !exhausted {
            var chunks: [[ReadEvent]] = []
            while chunks.count < window {
                var chunk: [ReadEvent] = []
                chunk.reserveCapacity(options.chunkSize)
                while chunk.count < options.chunkSize, let event = reader.next() { chunk.append(event) }
                if chunk.count < options.chunkSize { exhausted = true }
                if !chunk.isEmpty { chunks.append(chunk) }
                if exhausted { break }
            }
            for items in process(chunks, workers: workers) {
                for item in items {
                    switch item {
                    case .outcome(let outcome):
                        summary.postings += 1
                        summary.verdicts[outcome.evaluation.verdict, default: 0] += 1
                        if !outcome.evaluation.failures.isEmpty { summary.moduleFailures += 1 }
                        onOutcome(outcome)
                    case .problem(let problem):
                        summary.malformed += 1
                        if options.strict { throw ScanAbort(problem: problem) }
                        onProblem(problem)
                    }
                }
            }
            summary.bytes = reader.bytesRead
            summary.elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            onProgress?(summary)
        }
        return summary
    }

    /// Decodes and evaluates chunks on `workers` threads; results in chunk order.
    func process(_ chunks: [[ReadEvent]], workers: Int) -> [[Item]] {
        let slots = ResultSlots(count: chunks.count)
        let threads = min(workers, chunks.count)
        if threads <= 1 {
            for index in chunks.indices { slots.store(evaluate(chunks[index]), at: index) }
        } else {
            let next = ChunkCounter()
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while case let index = next.take(), index < chunks.count {
                    slots.store(evaluate(chunks[index]), at: index)
                }
            }
        }
        return slots.results
    }

    func evaluate(_ chunk: [ReadEvent]) -> [Item] {
        // A chunk is decoded in order on one thread: a value repeated from the record before is reused (ADR 0026).
        var memory = PostingDecoder.Memory()
        return chunk.map { event in
            switch event {
            case .problem(let problem):
                return .problem(problem)
            case .record(let record):
                switch decoder.decode(record, memory: &memory) {
                case .failure(let problem):
                    return .problem(problem)
                case .success(let posting):
                    let evaluation = registry.evaluate(posting.subject, context: context)
                    return .outcome(ScanOutcome(
                        line: posting.line, id: posting.subject.id, evaluation: evaluation, extras: posting.extras,
                        subject: posting.subject))
                }
            }
        }
    }
}

/// A strict scan stopped at a malformed record.
public struct ScanAbort: Error, Sendable, CustomStringConvertible {
    /// The record that stopped it.
    public var problem: InputProblem
    public var description: String { "strict mode: \(problem)" }
}

/// The next chunk index of a window, handed out once each to whichever worker asks first.
final class ChunkCounter: Sendable {
    private let next = Atomic<Int>(0)

    /// An index no other call returned (counting up from 0).
    func take() -> Int { next.add(1, ordering: .relaxed).oldValue }
}

/// Per-chunk result slots written by concurrent workers.
///
/// `@unchecked Sendable` is safe: each index is written by exactly one worker (``ChunkCounter`` hands each index
/// out once), through a raw pointer (no shared Swift array, so no exclusivity or copy-on-write races), and
/// `results` is read only after `concurrentPerform` has returned, which orders the writes before the read.
final class ResultSlots: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<[ScanRunner.Item]>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = UnsafeMutablePointer.allocate(capacity: max(1, count))
        storage.initialize(repeating: [], count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func store(_ items: [ScanRunner.Item], at index: Int) {
        storage[index] = items
    }

    var results: [[ScanRunner.Item]] { Array(UnsafeBufferPointer(start: storage, count: count)) }
}
