// MARK: - Scanning

extension PatternSet {
    /// Per-thread state for ``PatternSet/scan(_:scratch:maxMatchesPerPattern:assumeValidUTF8:)``.
    ///
    /// Not `Sendable`: create one per thread or task with ``PatternSet/makeScratch()`` and reuse it.
    public final class Scratch {
        /// Match data (one ovector pair) for single-pattern runs by the holder of this scratch.
        public let match = MatchScratch(ovectorPairs: 1)
        /// Per (unit × 2 + set): the generation of the last scan in which the set occurred.
        let seen: UnsafeMutableBufferPointer<UInt32>
        /// Per (unit × 2 + set): end offset of the set's first literal occurrence in the current scan.
        let firstEnd: UnsafeMutableBufferPointer<Int>
        /// Per (unit × 2 + set): end offset of the set's last literal occurrence in the current scan.
        let lastEnd: UnsafeMutableBufferPointer<Int>
        /// Per unit: the generation of the last scan in which it became a candidate.
        let queued: UnsafeMutableBufferPointer<UInt32>
        var generation: UInt32 = 0
        /// Whether a watched literal (`PatternSet.init`'s `watch`) occurred in the text of the last scan; false
        /// when the set watches none.
        public internal(set) var watchedLiteralOccurred = false
        var candidates: [Int32] = []
        /// Working storage of the Aho-Corasick pass (see `AhoCorasick.scanStates(_:pending:_:)`).
        var pending: [Int] = []
        /// The automaton states with outputs reached in the current scan, in order: state << 32 | end; `logCount`
        /// entries. Grows by doubling (`growLog(keeping:)`).
        var log: UnsafeMutableBufferPointer<Int> = .allocate(capacity: 64)
        var logCount = 0
        /// A candidate's start windows (see `PatternSet.startWindows`): `windowCount` of them; as much room as
        /// `log` (a window per log entry at most).
        var windows: UnsafeMutableBufferPointer<Range<Int>> = .allocate(capacity: 64)
        var windowCount = 0
        /// Running totals over all scans done with this scratch.
        public private(set) var counters = ScanCounters()
        /// Per pattern: PCRE2 runs over all scans done with this scratch.
        public internal(set) var runsPerPattern: [Int]

        // The four per-slot tables are buffers this scratch owns (allocated here, freed in `deinit`) rather than
        // arrays: the candidate selection writes them once per literal occurrence, and through buffers it needs
        // neither a closure per table nor Swift's dynamic exclusivity checks. A scratch is used by one thread at a
        // time and never hands the buffers out.
        init(unitCount: Int, patternCount: Int) {
            seen = .allocate(capacity: unitCount * 2)
            seen.initialize(repeating: 0)
            firstEnd = .allocate(capacity: unitCount * 2)
            firstEnd.initialize(repeating: 0)
            lastEnd = .allocate(capacity: unitCount * 2)
            lastEnd.initialize(repeating: 0)
            queued = .allocate(capacity: unitCount)
            queued.initialize(repeating: 0)
            runsPerPattern = Array(repeating: 0, count: patternCount)
        }

        deinit {
            seen.deallocate()
            firstEnd.deallocate()
            lastEnd.deallocate()
            queued.deallocate()
            log.deallocate()
            windows.deallocate()
        }

        /// Doubles `log`, keeping its first `count` entries, and `windows`; returns the new log.
        func growLog(keeping count: Int) -> UnsafeMutableBufferPointer<Int> {
            let larger = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * log.count)
            if let from = log.baseAddress, let to = larger.baseAddress { to.initialize(from: from, count: count) }
            log.deallocate()
            log = larger
            windows.deallocate()
            windows = .allocate(capacity: larger.count)
            return larger
        }

        func countWindowedRun() { counters.windowedRuns += 1 }

        func record(bytes: Int, patternsRun: Int) {
            counters.scans += 1
            counters.bytes += bytes
            counters.patternsRun += patternsRun
        }
    }

    /// Totals kept by a ``Scratch``.
    public struct ScanCounters: Sendable, Hashable {
        /// Texts scanned.
        public var scans = 0
        /// Bytes scanned.
        public var bytes = 0
        /// PCRE2 pattern runs (one per pattern per text, however many matches it found).
        public var patternsRun = 0
        /// Of those, runs that tried only the start positions near the pattern's literal occurrences, one window at a
        /// time, instead of the whole range between the first and the last.
        public var windowedRuns = 0
    }

    /// All matches of all patterns in `bytes`, sorted by (pattern, start).
    ///
    /// Each pattern reports at most `maxMatchesPerPattern` non-overlapping matches.
    ///
    /// - Parameters:
    ///   - bytes: the text.
    ///   - scratch: this thread's scratch from ``makeScratch()``.
    ///   - maxMatchesPerPattern: cap on matches per pattern.
    ///   - assumeValidUTF8: true only for bytes known to be valid UTF-8 (e.g. from a Swift `String`); otherwise
    ///     they are validated once first.
    ///   - selection: when given (one flag per pattern), only patterns whose flag is true run; the result is the
    ///     full scan's matches of those patterns.
    /// - Throws: ``MatchError``; a limit names the pattern index.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch, maxMatchesPerPattern: Int = 16,
                     assumeValidUTF8: Bool = false, selection: [Bool]? = nil) throws(MatchError) -> [PatternMatch] {
        if !assumeValidUTF8, let bad = UTF8Validation.firstInvalidOffset(bytes) { throw .invalidUTF8(offset: bad) }
        scratch.watchedLiteralOccurred = false
        var found: [PatternMatch] = []
        var runs = 0
        defer { scratch.record(bytes: bytes.count, patternsRun: runs) }
        switch engine {
        case .naive:
            for index in patterns.indices where selection?[index] ?? true {
                runs += 1
                scratch.runsPerPattern[index] += 1
                try run(index, on: bytes, from: 0, scratch: scratch, limit: maxMatchesPerPattern, into: &found)
            }
        case .prefilter:
            // Candidate units, ascending: a pattern's candidate units are consecutive.
            let units = selectCandidates(bytes, scratch: scratch)
            if unitPattern.count == patterns.count {
                // No pattern is split into branches: unit i is pattern i.
                for unit in units where selection?[Int(unit)] ?? true {
                    let index = Int(unit)
                    runs += 1
                    try runCandidate(index, onlyUnit: index, from: startOffset(for: index, in: bytes, scratch: scratch),
                                     lastStart: lastStart(for: index, scratch: scratch), on: bytes, scratch: scratch,
                                     limit: maxMatchesPerPattern, into: &found)
                }
                break
            }
            var first = 0
            while first < units.count {
                let index = Int(unitPattern[Int(units[first])])
                var end = first + 1
                while end < units.count, unitPattern[Int(units[end])] == Int32(index) { end += 1 }
                defer { first = end }
                guard selection?[index] ?? true else { continue }
                // A match is a match of one candidate unit's branch: it starts within that unit's bounds.
                var start = Int.max
                var last: Int? = Int.min
                for unit in units[first..<end] {
                    start = min(start, startOffset(for: Int(unit), in: bytes, scratch: scratch))
                    if let bound = lastStart(for: Int(unit), scratch: scratch), let sofar = last {
                        last = max(sofar, bound)
                    } else {
                        last = nil
                    }
                }
                runs += 1
                try runCandidate(index, onlyUnit: end - first == 1 ? Int(units[first]) : nil, from: start,
                                 lastStart: last, on: bytes, scratch: scratch, limit: maxMatchesPerPattern,
                                 into: &found)
            }
        }
        return found
    }

    /// All matches in a string's UTF-8 bytes (valid by construction, so not re-validated).
    public func scan(_ string: String, scratch: Scratch, maxMatchesPerPattern: Int = 16) throws(MatchError)
        -> [PatternMatch] {
        var text = string
        let result = text.withUTF8 { buffer in
            Result { () throws(MatchError) in
                try scan(buffer, scratch: scratch, maxMatchesPerPattern: maxMatchesPerPattern, assumeValidUTF8: true)
            }
        }
        return try result.get()
    }

    /// Units whose patterns run on `bytes`: those whose literal sets occurred (close enough, for two sets), plus
    /// the always-run ones; ascending.
    private func selectCandidates(_ bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch) -> [Int32] {
        scratch.generation &+= 1
        if scratch.generation == 0 {
            scratch.seen.update(repeating: 0)
            scratch.queued.update(repeating: 0)
            scratch.generation = 1
        }
        let generation = scratch.generation
        // Taken out of the scratch before it is emptied: emptying a buffer the scratch still holds would copy it.
        var candidates = scratch.candidates
        scratch.candidates = []
        candidates.removeAll(keepingCapacity: true)
        var pending = scratch.pending
        scratch.pending = []
        defer { scratch.pending = pending }
        var log = scratch.log
        var logged = 0
        defer { scratch.logCount = logged }
        // Everything the per-occurrence work reads is taken as a pointer once per scan: no array access (and no
        // reference counting) per literal occurrence.
        let (seen, queued, firstEnd, lastEnd) = (scratch.seen, scratch.queued, scratch.firstEnd, scratch.lastEnd)
        let watchValue = self.watchValue
        var watched = false
        defer { scratch.watchedLiteralOccurred = watched }
        automaton.outputStart.withUnsafeBufferPointer { outputStart in
            automaton.outputs.withUnsafeBufferPointer { outputs in
                setCount.withUnsafeBufferPointer { setCount in
                    pairDistance.withUnsafeBufferPointer { pairDistance in
                        automaton.scanStates(bytes, pending: &pending) { state, end in
                            if logged == log.count { log = scratch.growLog(keeping: logged) }
                            log[logged] = state << 32 | end
                            logged &+= 1
                            for k in Int(outputStart[state])..<Int(outputStart[state &+ 1]) {
                                let slot = Int(outputs[k])
                                // Output values are sorted: the watch value, above every slot, comes last.
                                if slot >= watchValue {
                                    watched = true
                                    break
                                }
                                let unit = slot >> 1
                                lastEnd[slot] = end
                                let first = seen[slot] != generation
                                if first {
                                    seen[slot] = generation
                                    firstEnd[slot] = end
                                }
                                if setCount[unit] == 1 {
                                    if first { candidates.append(Int32(unit)) }
                                    continue
                                }
                                // Two sets: a candidate once an occurrence of this set ends close enough after the
                                // other set's latest (occurrences come in order of their end, so the latest is the
                                // closest earlier one).
                                let other = slot ^ 1
                                guard queued[unit] != generation, seen[other] == generation,
                                      end &- lastEnd[other] <= pairDistance[slot] else { continue }
                                queued[unit] = generation
                                candidates.append(Int32(unit))
                            }
                        }
                    }
                }
            }
        }
        if candidates.isEmpty {
            scratch.candidates = candidates
            return alwaysRun
        }
        candidates += alwaysRun
        candidates.sort()
        scratch.candidates = candidates
        return candidates
    }

    /// Where PCRE2 may start for candidate unit `index`: no match of its branch can start before (first occurrence
    /// end − reach) of any of its sets. Always-run units and unbounded reaches give 0. Moved back to a character
    /// boundary.
    @inline(__always)
    private func startOffset(for index: Int, in bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch) -> Int {
        var start = 0
        for slot in (index * 2)..<(index * 2 + setCount[index]) where reach[slot] >= 0 {
            guard scratch.seen[slot] == scratch.generation else { return 0 }
            start = max(start, scratch.firstEnd[slot] - reach[slot])
        }
        while start > 0, start < bytes.count, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The last byte a match of candidate unit `index` can start at: every match of its branch contains an
    /// occurrence of each of its sets, so it starts no later than the last occurrence's end minus the set's shortest
    /// literal. Nil for always-run units (no bound).
    @inline(__always)
    private func lastStart(for index: Int, scratch: Scratch) -> Int? {
        var last: Int?
        for slot in (index * 2)..<(index * 2 + setCount[index]) {
            guard scratch.seen[slot] == scratch.generation else { return nil }
            let bound = scratch.lastEnd[slot] - shortestLiteral[slot]
            last = min(last ?? bound, bound)
        }
        return last
    }

    /// A candidate's PCRE2 run covers at least this many bytes of start positions before it is split into
    /// windows.
    static let windowedRange = 256

    /// Start windows for candidate unit `index` (its pattern's only candidate unit), whose starts lie in
    /// `from...to`: a match contains an occurrence of the unit's first set ending at some e, so it starts in
    /// [e − reach, e − shortest literal]. Built from the scan's log into `scratch.windows` (on character boundaries,
    /// ascending; windows less than 16 bytes apart are merged).
    /// Returns false, and the caller makes one run, when the set's reach is unbounded or the windows would cover
    /// more than half of the range (the occurrences are dense: one run costs less than several).
    private func startWindows(for index: Int, from start: Int, to last: Int, in bytes: UnsafeBufferPointer<UInt8>,
                              scratch: Scratch) -> Bool {
        let slot = index * 2
        let (setReach, shortest) = (reach[slot], shortestLiteral[slot])
        guard setCount[index] > 0, setReach >= 0 else { return false }
        let (log, logCount, windows) = (scratch.log, scratch.logCount, scratch.windows)
        let value = Int32(slot)
        let budget = (last - start + 1) / 2
        var (count, covered) = (0, 0)
        let fits = automaton.outputStart.withUnsafeBufferPointer { outputStart in
            automaton.outputs.withUnsafeBufferPointer { outputs in
                for entry in log[..<logCount] {
                    let state = entry >> 32, end = entry & 0xFFFF_FFFF
                    // The state's output values are sorted: is this pattern's first set among them?
                    var k = Int(outputStart[state])
                    let stop = Int(outputStart[state &+ 1])
                    while k < stop, outputs[k] < value { k &+= 1 }
                    guard k < stop, outputs[k] == value else { continue }
                    var low = max(start, end &- setReach)
                    let high = min(last, end &- shortest)
                    guard low <= high else { continue }
                    while low > 0, low < bytes.count, bytes[low] & 0xC0 == 0x80 { low &-= 1 }
                    if count > 0, low <= windows[count &- 1].upperBound &+ 16 {
                        let previous = windows[count &- 1]
                        covered &+= max(0, high &+ 1 &- previous.upperBound)
                        windows[count &- 1] = previous.lowerBound..<max(previous.upperBound, high &+ 1)
                    } else {
                        covered &+= high &+ 1 &- low
                        windows[count] = low..<(high &+ 1)
                        count &+= 1
                    }
                    if covered > budget { return false }
                }
                return true
            }
        }
        scratch.windowCount = count
        return fits
    }

    /// Runs candidate pattern `index` over starts `start...lastStart` (to the end when nil): in windows near the
    /// occurrences of `onlyUnit`'s first set when that is the pattern's only candidate unit and the range is long
    /// (see `startWindows`), else in one run.
    @inline(__always)
    private func runCandidate(_ index: Int, onlyUnit: Int?, from start: Int, lastStart last: Int?,
                              on bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch, limit: Int,
                              into found: inout [PatternMatch]) throws(MatchError) {
        scratch.runsPerPattern[index] += 1
        if let onlyUnit, let last, last - start >= Self.windowedRange, bytes.count < 1 << 32,
           startWindows(for: onlyUnit, from: start, to: last, in: bytes, scratch: scratch) {
            scratch.countWindowedRun()
            try runInWindows(index, on: bytes, scratch: scratch, limit: limit, into: &found)
        } else {
            try run(index, on: bytes, from: start, lastStart: last, scratch: scratch, limit: limit, into: &found)
        }
    }

    private func runInWindows(_ index: Int, on bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch, limit: Int,
                              into found: inout [PatternMatch]) throws(MatchError) {
        do {
            try patterns[index].forEachMatch(in: bytes, windows: UnsafeBufferPointer(rebasing:
                scratch.windows[..<scratch.windowCount]), scratch: scratch.match, limit: limit) { range in
                found.append(PatternMatch(pattern: index, range: range))
            }
        } catch {
            throw error.attributed(to: index)
        }
    }

    @inline(__always)
    private func run(_ index: Int, on bytes: UnsafeBufferPointer<UInt8>, from start: Int, lastStart: Int? = nil,
                     scratch: Scratch, limit: Int, into found: inout [PatternMatch]) throws(MatchError) {
        do {
            try patterns[index].forEachMatch(in: bytes, from: start, startingNoLaterThan: lastStart,
                                             scratch: scratch.match, limit: limit) { range in
                found.append(PatternMatch(pattern: index, range: range))
            }
        } catch {
            throw error.attributed(to: index)
        }
    }
}
