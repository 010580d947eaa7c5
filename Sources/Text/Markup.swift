/// Escaping for everything kartograf writes as markup: Word parts, template
/// output, workbooks and HTML pages. One place, so no writer can forget a character.
public enum Markup {
    /// Escapes `& < >` for XML or HTML content; with `attribute`, also `" '` and tabs and
    /// line breaks (as character references, which attribute normalisation would otherwise eat),
    /// so the result is safe inside quotes as well as between tags.
    /// Characters XML 1.0 cannot carry (controls, U+FFFE, U+FFFF) are dropped, never written.
    public static func escape(_ text: String, attribute: Bool = false) -> String {
        escaped(text, attribute: attribute, html: false)
    }

    public static func escape(_ text: String, into out: inout String, attribute: Bool = false) {
        out += escaped(text, attribute: attribute, html: false)
    }

    /// The same escaping, appended as UTF-8 bytes.
    public static func escape(_ text: String, into out: inout [UInt8], attribute: Bool = false) {
        out.append(contentsOf: escaped(text, attribute: attribute, html: false).utf8)
    }

    /// HTML text, safe inside quotes too, with line breaks kept as `<br>`.
    public static func html(_ text: String) -> String { escaped(text, attribute: true, html: true) }

    /// The same HTML text, appended as UTF-8 bytes.
    public static func html(_ text: String, into out: inout [UInt8]) {
        out.append(contentsOf: html(text).utf8)
    }

    /// What a character becomes: nil when it is written as it is. In `html`, `\r` is dropped
    /// and `\n` becomes `<br>`.
    private static func replacement(_ c: Unicode.Scalar, attribute: Bool, html: Bool) -> String? {
        switch c {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\"": return attribute ? "&quot;" : nil
        case "'": return attribute ? "&#39;" : nil
        case "\t": return attribute ? "&#9;" : nil
        case "\n": return html ? "<br>" : attribute ? "&#10;" : nil
        case "\r": return html ? "" : attribute ? "&#13;" : nil
        case "\u{FFFE}", "\u{FFFF}": return ""
        case _ where c.value < 0x20: return ""  // the other controls
        default: return nil
        }
    }

    private static func escaped(_ text: String, attribute: Bool, html: Bool) -> String {
        // Most text has nothing to escape and is returned as it is.
        guard text.unicodeScalars.contains(where: { replacement($0, attribute: attribute, html: html) != nil }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for c in text.unicodeScalars {
            if let r = replacement(c, attribute: attribute, html: html) { out += r } else { out.unicodeScalars.append(c) }
        }
        return out
    }
}
