/// Text normalisation of `export-format.md` "Text normalisation": the one function
/// every stage uses for cell and paragraph texts.
///
/// Tabs and runs of spaces fold to one space; non-breaking and other Unicode
/// spaces become spaces; soft hyphens, zero-width characters and control characters
/// are removed; each line is trimmed, lines empty after trimming are dropped, lines
/// are joined with `\n`. Empty text is `nil`. (List bullets arrive as `• ` from the
/// reader, which renders Word's list labels.)
///
/// It works on UTF-8 bytes: it runs on every cell and paragraph of every file.
public enum TextNormalizer {
    public static func normalize(_ raw: String?) -> String? { normalize(raw, separator: 0x0A) }

    /// Like `normalize` but every line break becomes one space: for titles and keys.
    public static func singleLine(_ raw: String?) -> String? { normalize(raw, separator: 0x20) }

    private enum Class { case keep, space, lineBreak, drop }

    /// What the character starting at `i` is, and how many bytes it takes.
    @inline(__always)
    private static func classify(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Class, Int) {
        let c = b[i]
        if c < 0x80 {
            switch c {
            case 0x09, 0x20: return (.space, 1)
            case 0x0A, 0x0B, 0x0C, 0x0D: return (.lineBreak, 1)
            case 0..<0x20, 0x7F: return (.drop, 1)
            default: return (.keep, 1)
            }
        }
        let n = i + 1 < b.count ? b[i + 1] : 0
        let m = i + 2 < b.count ? b[i + 2] : 0
        switch c {
        case 0xC2:
            if n == 0xA0 { return (.space, 2) }                       // no-break space
            if n == 0x85 { return (.lineBreak, 2) }                   // next line
            if n == 0xAD || (0x80...0x9F).contains(n) { return (.drop, 2) }  // soft hyphen, C1 controls
            return (.keep, 2)
        case 0xE1 where n == 0x9A && m == 0x80: return (.space, 3)   // ogham space
        case 0xE2:
            if n == 0x80 {
                if (0x80...0x8A).contains(m) || m == 0xAF { return (.space, 3) }   // U+2000–200A, U+202F
                if m == 0xA8 || m == 0xA9 { return (.lineBreak, 3) }             // U+2028, U+2029
                if (0x8B...0x8D).contains(m) { return (.drop, 3) }               // zero-width
            } else if n == 0x81 {
                if m == 0x9F { return (.space, 3) }                              // U+205F
                if m == 0xA0 { return (.drop, 3) }                               // word joiner
            }
            return (.keep, 3)
        case 0xE3 where n == 0x80 && m == 0x80: return (.space, 3)   // ideographic space
        case 0xEF where n == 0xBB && m == 0xBF: return (.drop, 3)    // BOM
        default:
            let width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
            return (.keep, width)
        }
    }

    /// How many leading bytes are already normal and end with a kept character (each single
    /// space or `separator` between two kept ones): all of them when the whole text is normal.
    /// Normalising copies those as they are and goes on from there.
    private static func normalPrefix(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) -> Int {
        var afterContent = false
        var end = 0
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c >= 0x21 && c < 0x7F || c >= 0xC3 && c <= 0xDF {
                // Printable ASCII, two-byte letters (Cyrillic and others) past U+00BF: kept.
                afterContent = true
                i += c < 0x80 ? 1 : 2
                end = i
                continue
            }
            if c == 0x20 || c == separator {
                guard afterContent else { return end }
                afterContent = false
                i += 1
                continue
            }
            let (kind, width) = classify(bytes, i)
            guard kind == .keep, i + width <= bytes.count else { return end }
            afterContent = true
            i += width
            end = i
        }
        return end
    }

    private static func normalize(_ raw: String?, separator: UInt8) -> String? {
        guard var raw else { return nil }
        let normal = raw.withUTF8 { normalPrefix($0, separator: separator) }
        // Most texts are already normal: then the text itself is the result, with no copy.
        if normal > 0 && normal == raw.utf8.count { return raw }
        var anyContent = normal > 0
        // Written straight into the new string: the result is never longer than the text.
        let result = raw.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                // The normal start is copied as it is: the state after it is that of a line with content.
                if normal > 0 { out.baseAddress!.update(from: bytes.baseAddress!, count: normal) }
                var n = normal
                var lineHasContent = normal > 0
                var pendingSpace = false
                var pendingBreak = false
                var i = normal
                while i < bytes.count {
                    // Printable ASCII and two-byte letters past U+00BF (Cyrillic): kept, no questions asked.
                    let c = bytes[i]
                    if c >= 0x21 && c < 0x7F || c >= 0xC3 && c <= 0xDF && i + 1 < bytes.count {
                        if pendingBreak && anyContent { out[n] = separator; n += 1 }
                        else if pendingSpace { out[n] = 0x20; n += 1 }
                        pendingBreak = false
                        pendingSpace = false
                        out[n] = c
                        n += 1
                        if c >= 0x80 { out[n] = bytes[i + 1]; n += 1; i += 2 } else { i += 1 }
                        lineHasContent = true
                        anyContent = true
                        continue
                    }
                    let (kind, width) = classify(bytes, i)
                    let w = min(width, bytes.count - i)
                    switch kind {
                    case .space:
                        if lineHasContent { pendingSpace = true }
                    case .lineBreak:
                        if lineHasContent { pendingBreak = true }
                        lineHasContent = false
                        pendingSpace = false
                    case .drop:
                        break
                    case .keep:
                        if pendingBreak && anyContent { out[n] = separator; n += 1 }
                        else if pendingSpace { out[n] = 0x20; n += 1 }
                        pendingBreak = false
                        pendingSpace = false
                        for k in 0..<w { out[n + k] = bytes[i + k] }
                        n += w
                        lineHasContent = true
                        anyContent = true
                    }
                    i += w
                }
                return n
            }
        }
        return anyContent ? result : nil
    }
}

extension String {
    /// `TextNormalizer.normalize(self)`.
    public var normalized: String? { TextNormalizer.normalize(self) }
}
