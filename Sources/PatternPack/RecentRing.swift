/// The newest `capacity` elements, oldest overwritten first: the storage of ``RecentTexts`` and
/// ``LiteralWatchMemo``, which each keep it under their own lock. Overwriting in place (instead of removing the
/// first of an array and appending) moves nothing and lets an element reuse its buffers.
/// Inlinable with ``RecentTexts``.
@usableFromInline
struct RecentRing<Element: Sendable>: Sendable {
    @usableFromInline let capacity: Int
    @usableFromInline var elements: [Element] = []
    /// Where the next element goes: `elements.count` until full, then the oldest element.
    @usableFromInline var next = 0

    @usableFromInline
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds an element: `make` builds one until the ring is full, then `overwrite` turns the oldest into the newest.
    @inlinable
    mutating func add(_ make: () -> Element, overwrite: (inout Element) -> Void) {
        guard capacity > 0 else { return }
        if elements.count < capacity {
            elements.append(make())
        } else {
            overwrite(&elements[next])
        }
        next = (next + 1) % capacity
    }

    /// The first answer `body` gives, asking the newest element first.
    @inlinable
    func newest<T>(_ body: (Element) -> T?) -> T? {
        let count = elements.count
        for age in 0..<count {
            if let answer = body(elements[(next - 1 - age + count) % count]) { return answer }
        }
        return nil
    }
}
