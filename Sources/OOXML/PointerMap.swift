/// A small open-addressing map keyed by the addresses of libxml2's interned strings
/// (element and attribute names, namespace URIs), looked up for every node of a part.
/// Swift's `Dictionary` hashes each key with SipHash, which here cost more than
/// libxml2's own work on the node; an address needs only a multiply and a mask.
struct PointerMap<Value> {
    private var keys: [UInt]
    private var values: [Value?]
    private var count = 0
    private var shift: UInt

    init() {
        keys = [UInt](repeating: 0, count: 64)
        values = [Value?](repeating: nil, count: 64)
        shift = UInt(UInt.bitWidth - 6)
    }

    subscript(key: UnsafeRawPointer) -> Value? {
        get {
            let k = UInt(bitPattern: key)
            var i = slot(k)
            while true {
                let found = keys[i]
                if found == k { return values[i] }
                if found == 0 { return nil }
                i = (i + 1) & (keys.count - 1)
            }
        }
        set {
            guard let newValue else { return }  // entries are never removed
            insert(UInt(bitPattern: key), newValue)
        }
    }

    private func slot(_ k: UInt) -> Int {
        // Fibonacci hashing: the high bits of the product spread aligned addresses evenly.
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func insert(_ k: UInt, _ value: Value) {
        if (count + 1) * 2 > keys.count { grow() }
        var i = slot(k)
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & (keys.count - 1) }
        if keys[i] == 0 { count += 1 }
        keys[i] = k
        values[i] = value
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        keys = [UInt](repeating: 0, count: keys.count * 2)
        values = [Value?](repeating: nil, count: keys.count)
        shift -= 1
        count = 0
        for (k, v) in old { if let v { insert(k, v) } }
    }
}
