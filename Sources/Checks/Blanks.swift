import Foundation
import Model
import Text

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
        /// Where the bytes looked at one by one end; beyond it, 16 at a time until a chunk may hold a trigger.
        var scalarEnd = 0
        while i < n {
            if i >= scalarEnd {
                if i + 20 <= n, !mayStartTrigger(b, i) { i += 16; continue }
                scalarEnd = i + 16
            }
            // Skip at once what starts no trigger: a Cyrillic letter is looked at by its second
            // byte (`Х` D0 A5, `н` D0 BD, `Н` D0 9D, `х` D1 85), nearly all text is skipped.
            switch b[i] {
            case 0x5F, 0x28, 0x30, 0x58, 0x78: break
            case 0x85: if i == 0 || b[i - 1] != 0xD1 { i += 1; continue }; i -= 1
            case 0x9D, 0xA5, 0xBD: if i == 0 || b[i - 1] != 0xD0 { i += 1; continue }; i -= 1
            default: i += 1; continue
            }
            let c = b[i]
            if c == 0x5F {   // `_`: a run of them
                var end = i + 1
                while end < n, b[end] == 0x5F { end += 1 }
                mask |= end - i >= 4 ? 0b111_0000 : 0b011_0000
                i = end
                continue
            }
            let next = b[i + 1 < n ? i + 1 : i]
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
                if i + 1 < n, next == 0x20 { xBeforeSpace = true }
                if !xAlone { xAlone = standsAlone(i) }
            case 0xD0:
                if next == 0xA5 {   // `Х `
                    if i + 2 < n, b[i + 2] == 0x20 { xBeforeSpace = true }
                    if !xAlone { xAlone = standsAlone(i) }
                }
                if next == 0xBD || next == 0x9D, holds(naimenovani, at: i + 2) { mask |= 0b1 }   // `наименовани`, `Наименовани`
            case 0xD1:   // `х `
                if i + 2 < n, b[i + 2] == 0x20 { xBeforeSpace = true }
                if !xAlone { xAlone = standsAlone(i) }
            default:
                break
            }
            i += c < 0x80 ? 1 : 2   // past an ASCII trigger, or a Cyrillic letter's two bytes
        }
        if xBeforeSpace, xAlone || mask & 0b100_0000 != 0 { mask |= 0b1000 }
        return mask
    }

    /// Whether the 16 bytes at `i` (of at least 20 left) hold a byte the scan of `triggers` stops
    /// at: `_ ( X x`, the second byte of `Х Н х`, `00`, or the `н` of `наи` (`наименовани`).
    /// Compared all at once, so that the scan passes over plain text a chunk at a time.
    private static func mayStartTrigger(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        typealias Chunk = SIMD16<UInt8>
        let base = UnsafeRawPointer(b.baseAddress! + i)
        let v = base.loadUnaligned(as: Chunk.self)
        let next = (base + 1).loadUnaligned(as: Chunk.self)
        let afterNext = (base + 2).loadUnaligned(as: Chunk.self)
        let fourth = (base + 4).loadUnaligned(as: Chunk.self)
        var hit = v .== Chunk(repeating: 0x5F)
        hit .|= v .== Chunk(repeating: 0x28)
        hit .|= (v | Chunk(repeating: 0x20)) .== Chunk(repeating: 0x78)   // `X`, `x`
        hit .|= v .== Chunk(repeating: 0x85)
        hit .|= v .== Chunk(repeating: 0x9D)
        hit .|= v .== Chunk(repeating: 0xA5)
        hit .|= (v .== Chunk(repeating: 0x30)) .& (next .== Chunk(repeating: 0x30))
        hit .|= (v .== Chunk(repeating: 0xBD)) .& (afterNext .== Chunk(repeating: 0xB0)) .& (fourth .== Chunk(repeating: 0xB8))
        return any(hit)
    }

    /// False when no pattern can match anywhere in `text` (none of their triggers occurs).
    public static func mayHoldBlank(_ text: String) -> Bool { triggers(text) != 0 }

    /// Texts that held a trigger, with their first blank: a batch of files from one template
    /// repeats them (`Директор ________ И. О. Фамилия`), and the regular expressions are slow.
    private static let found = ParseCache<TextKey, String?>(capacity: 4096)

    /// The first blank in `text`, as written, or nil.
    public static func first(in text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let mask = triggers(text)
        guard mask != 0 else { return nil }
        return found.value(for: TextKey(text)) { first(in: text, mask: mask) }
    }

    private static func first(in text: String, mask: UInt8) -> String? {
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
