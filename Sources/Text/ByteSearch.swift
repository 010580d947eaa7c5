extension StringProtocol {
    /// Where `needle` first occurs, by a plain UTF-8 byte search. Foundation's
    /// `range(of:)` is an order of magnitude slower on Linux; hot paths use this.
    public func firstByteRange(of needle: String) -> Range<Index>? {
        var needle = needle
        return needle.withUTF8 { n -> Range<Index>? in
            guard !n.isEmpty else { return nil }
            let hay = utf8
            // Native strings and their substrings are contiguous UTF-8: scan the buffer.
            if let found = hay.withContiguousStorageIfAvailable({ ByteSearch.firstOffset(of: n, in: $0) }) {
                guard let offset = found else { return nil }
                let lower = hay.index(hay.startIndex, offsetBy: offset)
                return lower..<hay.index(lower, offsetBy: n.count)
            }
            var i = hay.startIndex
            while i != hay.endIndex {
                var j = i
                var k = 0
                while k < n.count, j != hay.endIndex, hay[j] == n[k] { j = hay.index(after: j); k += 1 }
                if k == n.count { return i..<j }
                i = hay.index(after: i)
            }
            return nil
        }
    }

    /// True when `needle` occurs in the string (a UTF-8 byte search).
    public func containsBytes(_ needle: String) -> Bool { firstByteRange(of: needle) != nil }
}

/// Byte-level substring search over UTF-8 buffers.
public enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `hay`; `nil` when absent or `needle` is empty.
    public static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, hay.count >= needle.count else { return nil }
        let last = hay.count - needle.count
        var i = 0
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
