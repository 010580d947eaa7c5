import Model
import Text

/// File names for organisations: made safe by `SafeName` (the same rules as the
/// pipeline's output folders), bounded, and unique within one report.
public struct SafeFileNames {
    private var used: Set<String> = []

    public init() {}

    /// A name for `text` (without extension) not handed out before, compared case-insensitively.
    public mutating func name(for text: String) -> String {
        let base = SafeName.make(text, fallback: "организация", maxBytes: 120)
        var candidate = base
        var n = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(base) (\(n))"  // no extension here: a dot in the name is part of it
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}
