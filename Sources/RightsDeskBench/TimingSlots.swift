/// Per-call timings written by concurrent threads at disjoint indices.
///
/// `@unchecked Sendable` is safe: each index is written by exactly one thread (`concurrentPerform` gives each
/// thread its own index range) through a raw pointer, and `values` is read only after `concurrentPerform` returned.
final class TimingSlots: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<UInt64>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = UnsafeMutablePointer.allocate(capacity: max(1, count))
        storage.initialize(repeating: 0, count: max(1, count))
    }

    deinit { storage.deallocate() }

    func set(_ index: Int, _ value: UInt64) { storage[index] = value }

    var values: [UInt64] { Array(UnsafeBufferPointer(start: storage, count: count)) }
}
