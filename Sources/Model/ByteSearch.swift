extension StringProtocol {
    /// Where `needle` first occurs, by a plain UTF-8 byte search. Foundation's
    /// `range(of:)` is an order of magnitude slower on Linux; hot paths use this.
    public func firstByteRange(of needle: String) -> Range<Index>? {
        let hay = utf8
        let n = Array(needle.utf8)
        guard let first = n.first, hay.count >= n.count else { return nil }
        var i = hay.startIndex
        while i != hay.endIndex {
            if hay[i] == first {
                var j = hay.index(after: i)
                var k = 1
                while k < n.count, j != hay.endIndex, hay[j] == n[k] { j = hay.index(after: j); k += 1 }
                if k == n.count { return i..<j }
            }
            i = hay.index(after: i)
        }
        return nil
    }

    /// True when `needle` occurs in the string (a UTF-8 byte search).
    public func containsBytes(_ needle: String) -> Bool { firstByteRange(of: needle) != nil }
}
