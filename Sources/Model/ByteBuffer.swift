/// Bytes appended into memory of its own, for writers that append a few thousand small pieces
/// per file: an append is a capacity check and a copy. `Array.append(contentsOf:)` costs ~130
/// instructions a call and even a one-byte array store checks uniqueness in the runtime (callgrind).
///
/// A copy shares the memory written so far and must not be appended to: the type is internal
/// and used only as the `inout` state of one writer.
struct ByteBuffer {
    /// Frees the memory when the last copy is gone.
    private final class Owner {
        let base: UnsafeMutablePointer<UInt8>
        init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }

    private var owner: Owner
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are written.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        owner = Owner(capacity: self.capacity)
        base = owner.base
    }

    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always)
    private mutating func makeRoom(for extra: Int) {
        if count + extra > capacity { grow(toHold: extra) }
    }

    @inline(never)
    private mutating func grow(toHold extra: Int) {
        capacity = max(capacity * 2, count + extra)
        let grown = Owner(capacity: capacity)
        grown.base.initialize(from: base, count: count)
        owner = grown
        base = grown.base
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        makeRoom(for: 1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let source = run.baseAddress, !run.isEmpty else { return }
        makeRoom(for: run.count)
        (base + count).initialize(from: source, count: run.count)
        count += run.count
    }

    mutating func append(_ text: StaticString) { text.withUTF8Buffer { append($0) } }
}
