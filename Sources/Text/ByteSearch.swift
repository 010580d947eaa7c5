extension StringProtocol {
    /// Where `needle` first occurs, compared as UTF-8 bytes: exact, without Unicode
    /// equivalence or case folding (Foundation's `range(of:)` is far slower on Linux).
    public func firstByteRange(of needle: String) -> Range<Index>? {
        let n = Array(needle.utf8)
        guard let first = n.first else { return nil }
        let hay = utf8
        var i = hay.startIndex
        while let start = hay[i...].firstIndex(of: first) {
            var j = start
            var k = 0
            while k < n.count, j != hay.endIndex, hay[j] == n[k] {
                j = hay.index(after: j)
                k += 1
            }
            if k == n.count { return start..<j }
            i = hay.index(after: start)
        }
        return nil
    }

    /// True when `needle` occurs in the string (a UTF-8 byte search).
    public func containsBytes(_ needle: String) -> Bool { firstByteRange(of: needle) != nil }
}
