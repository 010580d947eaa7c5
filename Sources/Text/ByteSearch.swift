extension String {
    /// True when `needle` occurs in the string, compared as UTF-8 bytes: exact, without Unicode
    /// equivalence or case folding (Foundation's `range(of:)` is far slower on Linux).
    /// Written on `String` rather than generically, so that callers in other modules get a
    /// specialised loop over bytes instead of one protocol call per byte.
    public func containsBytes(_ needle: String) -> Bool {
        let hay = Array(utf8), n = Array(needle.utf8)
        guard let first = n.first, hay.count >= n.count else { return false }
        return (0...(hay.count - n.count)).contains { hay[$0] == first && hay[$0..<$0 + n.count].elementsEqual(n) }
    }
}
