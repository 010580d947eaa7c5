/// Lower case with `ё` read as `е`: the form every lexicon lookup and header or title
/// match compares in. Plain ASCII and basic Cyrillic (nearly every word) is folded on the
/// UTF-8 bytes; anything else takes the general path.
public enum RussianFold {
    /// Whether a character is a letter (Unicode's Alphabetic); basic Latin and Cyrillic are answered
    /// directly, as a table look-up per character costs several times the fold itself.
    @inlinable
    public static func isLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A, 0x401, 0x410...0x44F, 0x451: return true
        case 0...0x7F: return false
        default: return s.properties.isAlphabetic
        }
    }

    /// The rule for one character: lower case, `ё` as `е` (a letter whose lower case is more than
    /// one character stays as written). Basic Latin and Cyrillic are mapped directly.
    @inlinable
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x41...0x5A, 0x410...0x42F: return Unicode.Scalar(s.value + 0x20)!
        case 0x401, 0x451: return "е"
        case 0...0x7F, 0x430...0x44F: return s
        default:
            let lower = s.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first! : s
        }
    }

    public static func fold(_ text: String) -> String {
        if let fast = foldedBytes(text) { return fast }
        let lowered = text.lowercased()
        // Only a «ё» (precomposed, or «е» with a combining diaeresis) needs more than lower case.
        guard lowered.unicodeScalars.contains(where: { $0 == "ё" || $0 == "\u{308}" }) else { return lowered }
        return String(lowered.map { $0 == "ё" ? "е" : $0 })
    }

    private static func foldedBytes(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let b = iterator.next() {
            if b < 0x80 {
                bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                continue
            }
            guard let c = iterator.next() else { return nil }
            switch (b, c) {
            case (0xD0, 0x90...0x9F): bytes += [0xD0, c + 0x20]          // А…П → а…п
            case (0xD0, 0xA0...0xAF): bytes += [0xD1, c - 0x20]          // Р…Я → р…я
            case (0xD0, 0x81), (0xD1, 0x91): bytes += [0xD0, 0xB5]       // Ё, ё → е
            case (0xD0, 0xB0...0xBF), (0xD1, 0x80...0x8F): bytes += [b, c]
            default: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
