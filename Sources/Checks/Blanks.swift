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
    /// The triggers, by pattern: `наименовани`/`Наименовани`; `(` before `ф`, `д` or `п`
    /// (either case); `00.00.`; `Х`, `X`, `х` or `x` before a space; `_` (twice); `____`.
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
        func holds(_ pattern: [UInt8], at i: Int) -> Bool {
            guard i + pattern.count <= n else { return false }
            for k in pattern.indices where b[i + k] != pattern[k] { return false }
            return true
        }
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
            case 0x28:   // `(` before ф Ф д Д п П
                if i + 2 < n {
                    switch UInt16(next) << 8 | UInt16(b[i + 2]) {
                    case 0xD184, 0xD0A4, 0xD0B4, 0xD094, 0xD0BF, 0xD09F: mask |= 0b10
                    default: break
                    }
                }
            case 0x30:   // `00.00.`
                if holds(zeroDate, at: i) { mask |= 0b100 }
            case 0x58, 0x78:   // `X `, `x `
                if next == 0x20 { mask |= 0b1000 }
            case 0xD0:
                if next == 0xA5, i + 2 < n, b[i + 2] == 0x20 { mask |= 0b1000 }   // `Х `
                if next == 0xBD || next == 0x9D, holds(naimenovani, at: i + 2) { mask |= 0b1 }   // `наименовани`, `Наименовани`
            case 0xD1:
                if next == 0x85, i + 2 < n, b[i + 2] == 0x20 { mask |= 0b1000 }   // `х `
            default:
                break
            }
            i += 1
        }
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
