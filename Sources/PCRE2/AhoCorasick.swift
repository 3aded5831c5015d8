/// A byte-level Aho-Corasick automaton compiled to a dense DFA, reporting a value for every literal occurrence.
///
/// ASCII letters match without regard to case: the literals are stored with small letters and a capital letter in
/// the text moves the automaton as its small letter does. The occurrences reported are therefore a superset of the
/// exact ones (`vx` is reported for `VX` and `Vx` too), which is what a prefilter needs: a pattern whose literal is
/// `vx` runs on `VX` and PCRE2 decides.
///
/// Built once, immutable, `Sendable`. The transition table holds one `Int32` per (state, byte), already multiplied
/// by 256: `next = transitions[current + byte]` where `current` is a state number times 256. States are numbered
/// so that all states with outputs come last (from `firstOutputState` on), so the scan loop needs one comparison
/// per byte. A state's outputs (the values of all literals ending there, including those reached through failure
/// links) are `outputs[outputStart[s]..<outputStart[s+1]]`.
struct AhoCorasick: Sendable {
    let transitions: [Int32]
    let outputStart: [Int32]
    let outputs: [Int32]
    /// Premultiplied number of the first state that has outputs.
    let firstOutputState: Int
    /// Length in bytes of the longest literal (0 without literals).
    let maxLiteralLength: Int

    /// Number of DFA states (the root is state 0).
    var stateCount: Int { outputStart.count - 1 }

    /// Builds the automaton over `(literal bytes, value)` entries; empty literals are ignored.
    init(_ entries: [(literal: [UInt8], value: Int32)]) {
        var table: [Int32] = Array(repeating: -1, count: 256)
        var outputSets: [[Int32]] = [[]]
        for (literal, value) in entries where !literal.isEmpty {
            var state = 0
            for byte in literal.map(ASCIICaseFolding.fold) {
                let slot = state * 256 + Int(byte)
                if table[slot] < 0 {
                    table[slot] = Int32(outputSets.count)
                    outputSets.append([])
                    table += repeatElement(-1, count: 256)
                }
                state = Int(table[slot])
            }
            outputSets[state].append(value)
        }
        Self.link(&table, &outputSets)
        // Renumber: states without outputs first (the root keeps 0), then those with outputs, each group in the
        // order of the old numbers.
        let total = outputSets.count
        var newNumber = [Int32](repeating: 0, count: total)
        var numbered: Int32 = 0
        for old in 0..<total where outputSets[old].isEmpty {
            newNumber[old] = numbered
            numbered += 1
        }
        let withoutOutputs = Int(numbered)
        for old in 0..<total where !outputSets[old].isEmpty {
            newNumber[old] = numbered
            numbered += 1
        }
        var renumbered = [Int32](repeating: 0, count: table.count)
        table.withUnsafeBufferPointer { old in
            newNumber.withUnsafeBufferPointer { number in
                renumbered.withUnsafeMutableBufferPointer { new in
                    for state in 0..<total {
                        let from = state * 256
                        let row = Int(number[state]) * 256
                        for byte in 0..<256 { new[row + byte] = number[Int(old[from + byte])] &* 256 }
                        // A capital letter moves the automaton as its small letter does.
                        for byte in 0x41...0x5A { new[row + byte] = new[row + (byte | 0x20)] }
                    }
                }
            }
        }
        var starts = [Int32](repeating: 0, count: withoutOutputs + 1)
        starts.reserveCapacity(total + 1)
        var flat: [Int32] = []
        for old in 0..<total where !outputSets[old].isEmpty {
            flat += Array(Set(outputSets[old])).sorted()
            starts.append(Int32(flat.count))
        }
        transitions = renumbered
        outputStart = starts
        outputs = flat
        firstOutputState = withoutOutputs * 256
        maxLiteralLength = entries.map(\.literal.count).max() ?? 0
    }

    /// Breadth-first: computes failure links, fills missing transitions, merges outputs along failure links.
    private static func link(_ table: inout [Int32], _ outputSets: inout [[Int32]]) {
        var failure = [Int32](repeating: 0, count: outputSets.count)
        var queue: [Int] = []
        queue.reserveCapacity(outputSets.count)
        table.withUnsafeMutableBufferPointer { table in
            for byte in 0..<256 {
                if table[byte] < 0 { table[byte] = 0 } else { queue.append(Int(table[byte])) }
            }
            var head = 0
            while head < queue.count {
                let state = queue[head]
                head += 1
                let fail = Int(failure[state])
                if !outputSets[fail].isEmpty { outputSets[state] += outputSets[fail] }
                let row = state * 256
                let failRow = fail * 256
                for byte in 0..<256 {
                    let target = table[row + byte]
                    let fallback = table[failRow + byte]
                    if target < 0 {
                        table[row + byte] = fallback
                    } else {
                        failure[Int(target)] = fallback
                        queue.append(Int(target))
                    }
                }
            }
        }
    }

    /// Texts shorter than this are scanned in one pass; longer ones in two interleaved halves.
    static let interleaveMinimum = 256

    /// Runs the automaton over `bytes`, calling `body(value, end)` for each output value of every state with
    /// outputs, where `end` is the byte offset just past the literal occurrence. Values may repeat. The calls, and
    /// their order, are those of ``scanSequentially(_:_:)``.
    ///
    /// `pending` is working storage the caller keeps between scans (see ``scanStates(_:pending:_:)``).
    @inline(__always)
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, pending: inout [Int], _ body: (Int32, Int) -> Void) {
        scanStates(bytes, pending: &pending) { state, end in report(state, end: end, body) }
    }

    /// Runs the automaton over `bytes`, calling `body(state, end)` each time it reaches a state with outputs, where
    /// `end` is the byte offset just past the literal occurrence(s) and the state's output values are
    /// ``outputs``[``outputRange(of:)``] (the caller walks them itself, through pointers it takes once per scan).
    ///
    /// The loop is bound by the latency of one table load per byte (each depends on the previous state), so a long
    /// text is scanned as four quarters whose loads interleave, all four for the same number of steps (the last
    /// quarter reads up to three more bytes on its own). Quarter k ≥ 1 starts reading `maxLiteralLength − 1` bytes
    /// before its own start, so every occurrence ending inside it lies wholly in what it read; it reports only
    /// occurrences ending inside it, and those found while the quarters run together are held back and replayed in
    /// quarter order. The calls, and their order, are those of a single pass (``scanSequentially(_:_:)``): a state's
    /// outputs are the literals that are suffixes of the text read, and every literal ending inside a quarter is no
    /// longer than what that quarter has read.
    ///
    /// `pending` is working storage the caller keeps between scans (its contents on entry are ignored), so that a
    /// scan allocates nothing once it has grown.
    @inline(__always)
    func scanStates(_ bytes: UnsafeBufferPointer<UInt8>, pending: inout [Int], _ body: (Int, Int) -> Void) {
        let count = bytes.count
        let overlap = max(0, maxLiteralLength - 1)
        // Every stream takes `steps` steps together: stream 0 reads [0, steps), stream k ≥ 1 reads
        // [k·stride, k·stride + steps) with stride = steps − overlap, so it owns the occurrences ending in
        // (k·stride + overlap, (k+1)·stride + overlap]. 4·steps − 3·overlap ≤ count; stream 3 reads the rest (at
        // most three bytes) on its own afterwards.
        let steps = (count + 3 * overlap) / 4
        let stride = steps - overlap
        guard count >= Self.interleaveMinimum, count < 1 << 32, stride > 0, let text = bytes.baseAddress else {
            scanStatesSequentially(bytes, body)
            return
        }
        let (r1, r2, r3) = (stride, 2 * stride, 3 * stride)
        let threshold = firstOutputState
        // Held-back occurrences of quarters 1–3, one Int each: quarter << 60 | state << 32 | end (the text is
        // shorter than 2^32 bytes; a table of 2^28 states would not fit in memory).
        pending.removeAll(keepingCapacity: true)
        var states = (0, 0, 0, 0)
        transitions.withUnsafeBufferPointer { table in
            guard let delta = table.baseAddress else { return }
            let starts = (text, text + r1, text + r2, text + r3)
            var j = 0
            while j < steps {
                // Runs until some stream reaches a state with outputs (rare), which is handled here.
                j = Self.advance(delta, starts, from: j, to: steps, threshold: threshold, states: &states)
                guard j <= steps else { break }
                outputs(at: j, states.0, states.1, states.2, states.3, reads: (r1, r2, r3), overlap: overlap,
                        pending: &pending, body)
            }
        }
        replay(quarter: 1, pending, body)
        replay(quarter: 2, pending, body)
        replay(quarter: 3, pending, body)
        _ = finish(text, from: r3 + steps, to: count, state: states.3, body)
    }

    /// The hot loop of ``scan(_:pending:_:)``: steps the four streams from step `from` until one of them reaches a
    /// state with outputs (returns the number of steps done, ≤ `end`) or until `end` (returns `end + 1`). Kept in a
    /// function of its own so that its few values stay in registers.
    @inline(never)
    private static func advance(_ delta: UnsafePointer<Int32>,
                                _ text: (UnsafePointer<UInt8>, UnsafePointer<UInt8>, UnsafePointer<UInt8>,
                                         UnsafePointer<UInt8>),
                                from start: Int, to end: Int, threshold: Int, states: inout (Int, Int, Int, Int))
        -> Int {
        var (s0, s1, s2, s3) = states
        defer { states = (s0, s1, s2, s3) }
        var j = start
        while j < end {
            s0 = Int(delta[s0 &+ Int(text.0[j])])
            s1 = Int(delta[s1 &+ Int(text.1[j])])
            s2 = Int(delta[s2 &+ Int(text.2[j])])
            s3 = Int(delta[s3 &+ Int(text.3[j])])
            j &+= 1
            if max(max(s0, s1), max(s2, s3)) >= threshold { return j }
        }
        return end + 1
    }

    /// The outputs of the four streams after step `j` of the interleaved loop: stream 0 reports at once, streams
    /// 1–3 hold back the occurrences that end inside their own quarter.
    @inline(never)
    private func outputs(at j: Int, _ s0: Int, _ s1: Int, _ s2: Int, _ s3: Int, reads: (Int, Int, Int), overlap: Int,
                         pending: inout [Int], _ body: (Int, Int) -> Void) {
        let threshold = firstOutputState
        if s0 >= threshold { body(s0 >> 8, j) }
        guard j > overlap else { return }
        if s1 >= threshold { pending.append(1 << 60 | (s1 >> 8) << 32 | (reads.0 &+ j)) }
        if s2 >= threshold { pending.append(2 << 60 | (s2 >> 8) << 32 | (reads.1 &+ j)) }
        if s3 >= threshold { pending.append(3 << 60 | (s3 >> 8) << 32 | (reads.2 &+ j)) }
    }

    /// Reports the held-back occurrences of one quarter, in the order they were found.
    @inline(__always)
    private func replay(quarter: Int, _ pending: [Int], _ body: (Int, Int) -> Void) {
        for entry in pending where entry >> 60 == quarter {
            body((entry >> 32) & 0x0FFF_FFFF, entry & 0xFFFF_FFFF)
        }
    }

    /// Continues a scan from `state` over `text[from..<to]`, reporting as it goes; returns the last state.
    @inline(__always)
    private func finish(_ text: UnsafePointer<UInt8>, from: Int, to: Int, state start: Int,
                        _ body: (Int, Int) -> Void) -> Int {
        let threshold = firstOutputState
        return transitions.withUnsafeBufferPointer { table in
            guard let delta = table.baseAddress else { return start }
            var state = start
            var i = from
            while i < to {
                state = Int(delta[state &+ Int(text[i])])
                i &+= 1
                if state >= threshold { body(state >> 8, i) }
            }
            return state
        }
    }

    /// ``scan(_:pending:_:)`` in one pass over `bytes` (the reference the interleaved scan equals).
    @inline(__always)
    func scanSequentially(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int32, Int) -> Void) {
        scanStatesSequentially(bytes) { state, end in report(state, end: end, body) }
    }

    /// ``scanStates(_:pending:_:)`` in one pass over `bytes` (used for short texts).
    @inline(__always)
    private func scanStatesSequentially(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        guard let text = bytes.baseAddress else { return }
        _ = finish(text, from: 0, to: bytes.count, state: 0, body)
    }

    /// The output values of state `state` (as passed to the body of ``scanStates(_:pending:_:)``): the range of
    /// ``outputs`` to read.
    @inline(__always)
    func outputRange(of state: Int) -> Range<Int> { Int(outputStart[state])..<Int(outputStart[state + 1]) }

    @inline(__always)
    private func report(_ state: Int, end: Int, _ body: (Int32, Int) -> Void) {
        for k in outputRange(of: state) { body(outputs[k], end) }
    }
}
