import Foundation

/// Text normalisation of `export-format.md` "Text normalisation": the one function
/// every stage uses for cell and paragraph texts.
///
/// Tabs and runs of spaces fold to one space; non-breaking and other Unicode
/// spaces become spaces; soft hyphens and zero-width characters are removed;
/// each line is trimmed, lines empty after trimming are dropped, lines are joined
/// with `\n`. Bullets made by list formatting (`·`, `•`, ``, `▪`, `–`…) at a line start become `• `.
/// Empty text is `nil`.
public enum TextNormalizer {
    public static func normalize(_ raw: String?) -> String? { normalize(raw, separator: "\n") }

    /// Like `normalize` but every line break becomes one space: for titles and keys.
    public static func singleLine(_ raw: String?) -> String? { normalize(raw, separator: " ") }

    private static func normalize(_ raw: String?, separator: String) -> String? {
        guard let raw else { return nil }
        var lines: [String] = []
        var line = ""
        var pendingSpace = false
        func endLine() {
            if !line.isEmpty { lines.append(line) }
            line = ""
            pendingSpace = false
        }
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x0B, 0x0C, 0x2028, 0x2029, 0x85:
                endLine()
            case 0x09, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x1680:
                if !line.isEmpty { pendingSpace = true }
            case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                continue
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                if pendingSpace { line.append(" "); pendingSpace = false }
                line.unicodeScalars.append(scalar)
            }
        }
        endLine()
        if lines.isEmpty { return nil }
        return lines.count == 1 ? lines[0] : lines.joined(separator: separator)
    }
}

extension String {
    /// `TextNormalizer.normalize(self)`.
    public var normalized: String? { TextNormalizer.normalize(self) }
}
