import Foundation

/// Blanks left in a form: `(наименование образовательной организации)`, `________`,
/// `00.00.0000`, `Х года`, `20__`, `«__»`. A signature line (`__________ И. О. Фамилия`)
/// is not a blank.
public enum Blanks {
    /// The patterns, in the order they are tried. Each runs only on a text holding its
    /// trigger (see `Triggers`): the regular expressions are slow, and almost no text needs them.
    private static let patterns: [NSRegularExpression] = [
        #"\((?:полное |краткое )?наименование[^)]{0,80}\)"#,
        #"\((?:ф\.?\s?и\.?\s?о\.?|фио|должность|дата|подпись)[^)]{0,40}\)"#,
        #"\b00\.00\.(?:0000|20\d\d)\b"#,
        #"(?:^|[\s(«"])[ХXхx]{1,2}\s+(?:года|г\.|учебн)"#,
        #"\b20_{1,2}\b|\b20\d_\b"#,
        #"«\s*_+\s*»"#,
        #"_{4,}"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    private static let signature = try! NSRegularExpression(
        pattern: #"_{4,}\s*(?:/\s*)?[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.?\s*_{4,}"#)

    /// Which patterns may match a text at all: bit `k` is set when the text holds a plain
    /// substring without which pattern `k` cannot match. Found by one pass over the UTF-8
    /// bytes, since this runs on every text of every document.
    ///
    /// The triggers, by pattern: `наименовани`/`Наименовани`; `(ф`, `(до`, `(да`, `(под` (any
    /// case: the pattern ignores it; `(по согласованию)` is no trigger); `00.00.`; `Х`, `X`, `х`
    /// or `x` before a space, with one of these letters standing alone (not inside a word, as
    /// in `курсах повышения`) or a signature line whose masking may free it; `_` (twice); `____`.
    static func triggers(_ text: String) -> UInt8 {
        var text = text
        return text.withUTF8 { triggers(bytes: $0) }
    }

    private static let naimenovani = Array("аименовани".utf8)
    private static let zeroDate = Array("00.00.".utf8)

    private static func triggers(bytes b: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var mask: UInt8 = 0
        var underscores = 0
        let n = b.count
        /// The two bytes at `i` (a Cyrillic letter), or 0 past the end.
        func pair(_ i: Int) -> UInt16 { i + 1 < n ? UInt16(b[i]) << 8 | UInt16(b[i + 1]) : 0 }
        func holds(_ pattern: [UInt8], at i: Int) -> Bool {
            guard i + pattern.count <= n else { return false }
            for k in pattern.indices where b[i + k] != pattern[k] { return false }
            return true
        }
        /// No letter or digit just before `i` (or one of `ХXхx`, as in `ХХ`), where a blank `Х` starts.
        func standsAlone(_ i: Int) -> Bool {
            guard i > 0 else { return true }
            let p = b[i - 1]
            if p < 0x80 {
                let letterOrDigit = (0x30...0x39).contains(p) || (0x61...0x7A).contains(p | 0x20)
                return !letterOrDigit || p == 0x58 || p == 0x78
            }
            guard i >= 2, p & 0xC0 == 0x80, b[i - 2] == 0xD0 || b[i - 2] == 0xD1 else { return true }
            let previous = UInt16(b[i - 2]) << 8 | UInt16(p)
            return previous == 0xD0A5 || previous == 0xD185   // `Х`, `х`: the rest of U+0400–U+047F are letters
        }
        var xBeforeSpace = false, xAlone = false
        var i = 0
        while i < n {
            let c = b[i]
            if c == 0x5F {   // `_`
                underscores += 1
                mask |= underscores >= 4 ? 0b111_0000 : 0b011_0000
                i += 1
                continue
            }
            underscores = 0
            let next = i + 1 < n ? b[i + 1] : 0
            switch c {
            case 0x28:   // `(ф`, `(до`, `(да`, `(под`
                let second = pair(i + 3)
                let o = second == 0xD0BE || second == 0xD09E
                switch pair(i + 1) {
                case 0xD184, 0xD0A4: mask |= 0b10
                case 0xD0B4, 0xD094: if o || second == 0xD0B0 || second == 0xD090 { mask |= 0b10 }
                case 0xD0BF, 0xD09F: if o, pair(i + 5) == 0xD0B4 || pair(i + 5) == 0xD094 { mask |= 0b10 }
                default: break
                }
            case 0x30:   // `00.00.`
                if holds(zeroDate, at: i) { mask |= 0b100 }
            case 0x58, 0x78:   // `X `, `x `
                if next == 0x20 { xBeforeSpace = true }
                if !xAlone { xAlone = standsAlone(i) }
            case 0xD0:
                if next == 0xA5 {   // `Х `
                    if i + 2 < n, b[i + 2] == 0x20 { xBeforeSpace = true }
                    if !xAlone { xAlone = standsAlone(i) }
                }
                if next == 0xBD || next == 0x9D, holds(naimenovani, at: i + 2) { mask |= 0b1 }   // `наименовани`, `Наименовани`
            case 0xD1:
                if next == 0x85 {   // `х `
                    if i + 2 < n, b[i + 2] == 0x20 { xBeforeSpace = true }
                    if !xAlone { xAlone = standsAlone(i) }
                }
            default:
                break
            }
            i += 1
        }
        if xBeforeSpace, xAlone || mask & 0b100_0000 != 0 { mask |= 0b1000 }
        return mask
    }

    /// False when no pattern can match anywhere in `text` (none of their triggers occurs).
    public static func mayHoldBlank(_ text: String) -> Bool { triggers(text) != 0 }

    /// The first blank in `text`, as written, or nil.
    public static func first(in text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let mask = triggers(text)
        guard mask != 0 else { return nil }
        let ns = text as NSString
        var masked = text
        // Signature lines are filled forms, not blanks: take them out first.
        for m in signature.matches(in: text, range: NSRange(location: 0, length: ns.length)).reversed() {
            masked = (masked as NSString).replacingCharacters(in: m.range, with: String(repeating: " ", count: m.range.length))
        }
        let mns = masked as NSString
        for (k, p) in patterns.enumerated() where mask & (1 << k) != 0 {
            if let m = p.firstMatch(in: masked, range: NSRange(location: 0, length: mns.length)) {
                return mns.substring(with: m.range).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
