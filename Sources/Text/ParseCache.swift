import Foundation

/// Results of a pure parse, kept for the whole process: a batch of roadmaps from one region
/// repeats the same cells (`Постоянно`, `В течение года`, `Директор`) file after file, and a
/// cell's reading depends on nothing but its text and what the key holds besides.
///
/// Bounded: when full it starts afresh, so memory stays flat over any number of files.
/// Safe to share between the threads of a parallel run.
public final class ParseCache<Key: Hashable, Value>: @unchecked Sendable {
    // Sound: `entries` is only touched while `lock` is held. Inlinable so that callers in other
    // modules get it specialised for their key and value.
    @usableFromInline var entries: [Key: Value] = [:]
    @usableFromInline let lock = NSLock()
    @usableFromInline let capacity: Int

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value stored for `key`, or `make()` stored and returned. `make` runs unlocked:
    /// two threads may compute the same value once each, which is harmless.
    @inlinable
    public func value(for key: Key, orMake make: () -> Value) -> Value {
        lock.lock()
        let known = entries[key]
        lock.unlock()
        if let known { return known }
        let value = make()
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = value
        lock.unlock()
        return value
    }
}
