/// Escaping for everything kartograf writes as markup: WordPackage parts, template
/// output, workbooks and HTML pages. One place, so no writer can forget a character.
///
/// The work is done on UTF-8 bytes: most text has nothing to escape, and a byte scan
/// finds that out far faster than walking Unicode scalars, so such text is copied whole.
public enum Markup {
    /// Escapes `& < >` for XML or HTML content; with `attribute`, also `" '` and tabs and
    /// line breaks (as character references, which attribute normalisation would otherwise eat),
    /// so the result is safe inside quotes as well as between tags.
    /// Characters XML 1.0 cannot carry (controls, U+FFFE, U+FFFF) are dropped, never written.
    public static func escape(_ text: String, into out: inout String, attribute: Bool = false) {
        var text = text
        let plain = text.withUTF8 { firstSpecial(in: $0, attribute: attribute, html: false) == nil }
        if plain { out += text; return }
        var bytes: [UInt8] = []
        escape(text, into: &bytes, attribute: attribute)
        out += String(decoding: bytes, as: UTF8.self)
    }

    public static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        escape(text, into: &out, attribute: attribute)
        return out
    }

    /// The same escaping, appended as UTF-8 bytes.
    public static func escape(_ text: String, into out: inout [UInt8], attribute: Bool = false) {
        var text = text
        text.withUTF8 { write($0, into: &out, attribute: attribute, html: false) }
    }

    /// The same escaping of UTF-8 text (whole characters), appended as UTF-8 bytes.
    public static func escape(utf8 text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], attribute: Bool = false) {
        write(text, into: &out, attribute: attribute, html: false)
    }

    /// HTML text, safe inside quotes too, with line breaks kept as `<br>`.
    public static func html(_ text: String) -> String {
        var scanned = text
        return scanned.withUTF8 { bytes in
            guard firstSpecial(in: bytes, attribute: true, html: true) != nil else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            write(bytes, into: &out, attribute: true, html: true)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The same HTML text, appended as UTF-8 bytes.
    public static func html(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { write($0, into: &out, attribute: true, html: true) }
    }

    // MARK: - Bytes

    /// Whether a byte may need a replacement: ASCII controls, `" & ' < >`, and 0xEF (the lead
    /// byte of U+FFFE and U+FFFF). Every other byte is copied as it is.
    @inline(__always)
    private static func mayChange(_ b: UInt8) -> Bool {
        b < 0x3F ? (b < 0x20 || b == 0x22 || b == 0x26 || b == 0x27 || b == 0x3C || b == 0x3E) : b == 0xEF
    }

    /// The replacement of the byte at `i` (nil: keep it), and how many bytes it covers.
    /// In `html`, `\r` is dropped and `\n` becomes `<br>`.
    private static func replacement(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, attribute: Bool,
                                    html: Bool) -> (String?, Int) {
        switch bytes[i] {
        case 0x26: return ("&amp;", 1)
        case 0x3C: return ("&lt;", 1)
        case 0x3E: return ("&gt;", 1)
        case 0x22: return (attribute ? "&quot;" : nil, 1)
        case 0x27: return (attribute ? "&#39;" : nil, 1)
        case 0x09: return (attribute ? "&#9;" : nil, 1)
        case 0x0A: return (html ? "<br>" : attribute ? "&#10;" : nil, 1)
        case 0x0D: return (html ? "" : attribute ? "&#13;" : nil, 1)
        case 0xEF:
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are dropped; other EF sequences kept.
            if i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE { return ("", 3) }
            return (nil, 1)
        default: return ("", 1)  // the other controls
        }
    }

    /// Where the first byte that changes is, or nil when the text is written as it is.
    private static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, attribute: Bool, html: Bool) -> Int? {
        var i = 0
        while i < bytes.count {
            if mayChange(bytes[i]), replacement(bytes, at: i, attribute: attribute, html: html).0 != nil { return i }
            i += 1
        }
        return nil
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], attribute: Bool, html: Bool) {
        var start = 0
        var i = 0
        while i < bytes.count {
            guard mayChange(bytes[i]) else { i += 1; continue }
            let (text, length) = replacement(bytes, at: i, attribute: attribute, html: html)
            guard let text else { i += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            out.append(contentsOf: text.utf8)
            i += length
            start = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }
}
