/// Bytes appended into memory of its own, for the reader's event buffer, which appends
/// thousands of small pieces per file: an append is a capacity check and a copy, without the
/// uniqueness checks of an array (docs/performance.md).
///
/// Copies share the memory: keep one owner (a writer's `inout` state, a class's stored
/// property) and never append through a copy. Views of its bytes last until the next change.
public struct ByteBuffer {
    /// Frees the memory when the last copy is gone.
    @usableFromInline
    final class Owner {
        @usableFromInline let base: UnsafeMutablePointer<UInt8>
        @usableFromInline init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }

    @usableFromInline var owner: Owner
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var used = 0
    /// How many bytes are written.
    @inlinable public var count: Int { used }

    public init(capacity: Int) {
        self.capacity = max(capacity, 16)
        owner = Owner(capacity: self.capacity)
        base = owner.base
    }

    /// The bytes written so far, copied out.
    public var bytes: [UInt8] { Array(view(0..<used)) }

    /// The bytes of `range`, in place.
    @inlinable
    public func view(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    @inlinable @inline(__always)
    mutating func makeRoom(for extra: Int) {
        if used + extra > capacity { grow(toHold: extra) }
    }

    @usableFromInline @inline(never)
    mutating func grow(toHold extra: Int) {
        capacity = max(capacity * 2, used + extra)
        let grown = Owner(capacity: capacity)
        grown.base.initialize(from: base, count: used)
        owner = grown
        base = grown.base
    }

    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        makeRoom(for: 1)
        base[used] = byte
        used += 1
    }

    @inlinable
    public mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let source = run.baseAddress, !run.isEmpty else { return }
        makeRoom(for: run.count)
        (base + used).initialize(from: source, count: run.count)
        used += run.count
    }

    public mutating func append(_ text: StaticString) { text.withUTF8Buffer { append($0) } }

    /// Drops the first `n` bytes; the rest moves to the front.
    public mutating func removeFirst(_ n: Int) {
        precondition(n >= 0 && n <= used)
        used -= n
        base.update(from: base + n, count: used)
    }

    public mutating func removeAll() { used = 0 }

    /// Drops the bytes from `count` on.
    public mutating func truncate(to count: Int) {
        precondition(count >= 0 && count <= used)
        used = count
    }
}
