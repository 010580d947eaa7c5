import Foundation

/// File names for organisations: characters file systems refuse replaced, length bounded, unique.
public struct SafeFileNames {
    private var used: Set<String> = []

    public init() {}

    /// A name for `text` (without extension) not handed out before, compared case-insensitively.
    public mutating func name(for text: String) -> String {
        var base = String(text.map { c -> Character in
            if "/\\:*?\"<>|".contains(c) || c.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "_" }
            return c
        })
        base = base.trimmingCharacters(in: .whitespaces)
        while base.hasPrefix(".") { base.removeFirst() }
        while base.hasSuffix(".") || base.hasSuffix(" ") { base.removeLast() }
        if base.utf8.count > 120 {
            var cut = ""
            for c in base {
                if cut.utf8.count + String(c).utf8.count > 120 { break }
                cut.append(c)
            }
            base = cut.trimmingCharacters(in: .whitespaces)
        }
        if base.isEmpty { base = "организация" }
        var candidate = base
        var n = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(base) (\(n))"
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}
