/// Text normalisation of `export-format.md` "Text normalisation": the one function
/// every stage uses for cell and paragraph texts.
///
/// Tabs and runs of spaces fold to one space; non-breaking and other Unicode
/// spaces become spaces; soft hyphens, zero-width characters and control characters
/// are removed; each line is trimmed, lines empty after trimming are dropped, lines
/// are joined with `\n`. Empty text is `nil`. (List bullets arrive as `• ` from the
/// reader, which renders Word's list labels.)
public enum TextNormalizer {
    public static func normalize(_ raw: String?) -> String? { normalize(raw, separator: "\n") }

    /// Like `normalize` but every line break becomes one space: for titles and keys.
    public static func singleLine(_ raw: String?) -> String? { normalize(raw, separator: " ") }

    private enum Kind { case keep, space, lineBreak, drop }

    private static func kind(of c: Unicode.Scalar) -> Kind {
        switch c.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return .lineBreak
        case 0x00...0x1F, 0x7F...0x9F, 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF: return .drop
        default: return .keep
        }
    }

    private static func normalize(_ raw: String?, separator: Unicode.Scalar) -> String? {
        guard let raw else { return nil }
        // UTF-8 bytes, not a scalar view: appending to a byte array is what keeps this cheap
        // enough for every cell of every file.
        var out: [UInt8] = []
        out.reserveCapacity(raw.utf8.count)
        // A space or line break seen since the last kept character, written only before the next one.
        var pending: Unicode.Scalar?
        var lineHasContent = false
        for c in raw.unicodeScalars {
            switch kind(of: c) {
            case .keep:
                if let p = pending, !out.isEmpty { out.append(contentsOf: UTF8.encode(p)!) }
                pending = nil
                out.append(contentsOf: UTF8.encode(c)!)
                lineHasContent = true
            case .space:
                if lineHasContent && pending == nil { pending = " " }
            case .lineBreak:
                if lineHasContent { pending = separator }
                lineHasContent = false
            case .drop:
                break
            }
        }
        if out.isEmpty { return nil }
        // Most texts are normal already: keep the one string rather than a copy of it.
        return out.elementsEqual(raw.utf8) ? raw : String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// `TextNormalizer.normalize(self)`.
    public var normalized: String? { TextNormalizer.normalize(self) }
}
