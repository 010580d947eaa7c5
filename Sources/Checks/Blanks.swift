import Foundation

/// Blanks left in a form: `(наименование образовательной организации)`, `________`,
/// `00.00.0000`, `Х года`, `20__`, `«__»`. A signature line (`__________ И. О. Фамилия`)
/// is not a blank.
public enum Blanks {
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

    /// The first blank in `text`, as written, or nil.
    public static func first(in text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let ns = text as NSString
        var masked = text
        // Signature lines are filled forms, not blanks: take them out first.
        for m in signature.matches(in: text, range: NSRange(location: 0, length: ns.length)).reversed() {
            masked = (masked as NSString).replacingCharacters(in: m.range, with: String(repeating: " ", count: m.range.length))
        }
        let mns = masked as NSString
        for p in patterns {
            if let m = p.firstMatch(in: masked, range: NSRange(location: 0, length: mns.length)) {
                return mns.substring(with: m.range).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
