import Foundation

/// Blanks left in a form: `(наименование образовательной организации)`, `________`,
/// `00.00.0000`, `Х года`, `20__`, `«__»`. A signature line (`__________ И. О. Фамилия`)
/// is not a blank.
public enum Blanks {
    /// Each pattern with the plain substrings one of which must be present for it to
    /// match at all: the regular expressions run only on the few texts that may hold a blank.
    private static let patterns: [(triggers: [String], regex: NSRegularExpression)] = [
        (["наименовани", "Наименовани"], #"\((?:полное |краткое )?наименование[^)]{0,80}\)"#),
        (["(ф", "(Ф", "(д", "(Д", "(п", "(П"], #"\((?:ф\.?\s?и\.?\s?о\.?|фио|должность|дата|подпись)[^)]{0,40}\)"#),
        (["00.00."], #"\b00\.00\.(?:0000|20\d\d)\b"#),
        (["Х ", "X ", "х ", "x ", "ХХ ", "XX "], #"(?:^|[\s(«"])[ХXхx]{1,2}\s+(?:года|г\.|учебн)"#),
        (["_"], #"\b20_{1,2}\b|\b20\d_\b"#),
        (["_"], #"«\s*_+\s*»"#),
        (["____"], #"_{4,}"#),
    ].map { ($0.0, try! NSRegularExpression(pattern: $0.1, options: [.caseInsensitive])) }

    private static let signature = try! NSRegularExpression(
        pattern: #"_{4,}\s*(?:/\s*)?[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.?\s*_{4,}"#)

    /// A plain byte search: Foundation's `contains` is far slower on Linux, and this runs on every text.
    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, hay.count >= needle.count else { return false }
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < needle.count, hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// False when no pattern can match anywhere in `text` (none of their trigger substrings occurs).
    public static func mayHoldBlank(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return patterns.contains { p in p.triggers.contains { Blanks.contains(bytes, Array($0.utf8)) } }
    }

    /// The first blank in `text`, as written, or nil.
    public static func first(in text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let bytes = Array(text.utf8)
        let candidates = patterns.filter { p in p.triggers.contains { Blanks.contains(bytes, Array($0.utf8)) } }
        guard !candidates.isEmpty else { return nil }
        let ns = text as NSString
        var masked = text
        // Signature lines are filled forms, not blanks: take them out first.
        for m in signature.matches(in: text, range: NSRange(location: 0, length: ns.length)).reversed() {
            masked = (masked as NSString).replacingCharacters(in: m.range, with: String(repeating: " ", count: m.range.length))
        }
        let mns = masked as NSString
        for p in candidates.map(\.regex) {
            if let m = p.firstMatch(in: masked, range: NSRange(location: 0, length: mns.length)) {
                return mns.substring(with: m.range).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
