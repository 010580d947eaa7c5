/// Escaping for everything kartograf writes as markup: WordPackage parts, template
/// output, workbooks and HTML pages. One place, so no writer can forget a character.
public enum Markup {
    /// Escapes `& < >` for XML or HTML content; with `attribute`, also `" '` and tabs and
    /// line breaks (as character references, which attribute normalisation would otherwise eat),
    /// so the result is safe inside quotes as well as between tags.
    /// Characters XML 1.0 cannot carry (controls, U+FFFE, U+FFFF) are dropped, never written.
    public static func escape(_ text: String, into out: inout String, attribute: Bool = false) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += attribute ? "&quot;" : "\""
            case "'": out += attribute ? "&#39;" : "'"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += attribute ? "&#13;" : "\r"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
    }

    public static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        escape(text, into: &out, attribute: attribute)
        return out
    }

    /// HTML text, safe inside quotes too, with line breaks kept as `<br>`.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var line = ""
        for scalar in text.unicodeScalars {
            if scalar == "\r" { continue }
            if scalar == "\n" {
                escape(line, into: &out, attribute: true)
                out += "<br>"
                line = ""
                continue
            }
            line.unicodeScalars.append(scalar)
        }
        escape(line, into: &out, attribute: true)
        return out
    }
}
