/// A byte-level Aho-Corasick automaton compiled to a dense DFA, reporting a value for every literal occurrence.
///
/// Built once, immutable, `Sendable`. The transition table holds one `Int32` per (state, byte):
/// `transitions[state * 256 + byte]`. Each state's outputs (the values of all literals ending there, including
/// those reached through failure links) are stored contiguously in `outputs[outputStart[s]..<outputStart[s+1]]`.
struct AhoCorasick: Sendable {
    let transitions: [Int32]
    let outputStart: [Int32]
    let outputs: [Int32]

    /// Number of DFA states (the root is state 0).
    var stateCount: Int { outputStart.count - 1 }

    /// Builds the automaton over `(literal bytes, value)` entries; empty literals are ignored.
    init(_ entries: [(literal: [UInt8], value: Int32)]) {
        var table: [Int32] = Array(repeating: -1, count: 256)
        var outputSets: [[Int32]] = [[]]
        for (literal, value) in entries where !literal.isEmpty {
            var state = 0
            for byte in literal {
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
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for set in outputSets {
            flat += Array(Set(set)).sorted()
            starts.append(Int32(flat.count))
        }
        transitions = table
        outputStart = starts
        outputs = flat
    }

    /// Breadth-first: computes failure links, fills missing transitions, merges outputs along failure links.
    private static func link(_ table: inout [Int32], _ outputSets: inout [[Int32]]) {
        var failure = [Int32](repeating: 0, count: outputSets.count)
        var queue: [Int] = []
        for byte in 0..<256 {
            if table[byte] < 0 { table[byte] = 0 } else { queue.append(Int(table[byte])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fail = Int(failure[state])
            outputSets[state] += outputSets[fail]
            for byte in 0..<256 {
                let slot = state * 256 + byte
                let fallback = table[fail * 256 + byte]
                if table[slot] < 0 {
                    table[slot] = fallback
                } else {
                    failure[Int(table[slot])] = fallback
                    queue.append(Int(table[slot]))
                }
            }
        }
    }

    /// Runs the automaton over `bytes`, calling `body` with each output value of every state that has outputs.
    /// Values may repeat; the caller deduplicates.
    @inline(__always)
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int32) -> Void) {
        transitions.withUnsafeBufferPointer { delta in
            outputStart.withUnsafeBufferPointer { starts in
                outputs.withUnsafeBufferPointer { values in
                    var state = 0
                    for byte in bytes {
                        state = Int(delta[state &* 256 &+ Int(byte)])
                        let lo = Int(starts[state]), hi = Int(starts[state &+ 1])
                        if lo != hi {
                            for k in lo..<hi { body(values[k]) }
                        }
                    }
                }
            }
        }
    }
}
