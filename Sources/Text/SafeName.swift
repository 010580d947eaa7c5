import Foundation

/// Turns whatever a document's title or a file's name contains into a file or
/// folder name a methodist can read and every file system accepts: no path
/// separators, no `.`/`..`, no control, format or direction-override
/// characters, no Windows-reserved characters or names, bounded length.
public enum SafeName {
    /// Longest name produced, in UTF-8 bytes (file systems allow 255; room is left for suffixes).
    public static let maxBytes = 150

    /// A safe name for `raw`, or `fallback` when nothing usable is left.
    public static func make(_ raw: String, fallback: String = "Без названия", maxBytes: Int = maxBytes) -> String {
        let composed = raw.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in composed.unicodeScalars {
            guard let mapped = map(scalar) else { continue }
            if mapped == " " {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(mapped)
        }
        var name = String(out)
        // No leading dots (hidden files, `..`), no trailing dots or spaces (Windows drops them).
        while name.hasPrefix(".") || name.hasPrefix(" ") { name.removeFirst() }
        name = truncate(name, maxBytes: maxBytes)
        while name.hasSuffix(".") || name.hasSuffix(" ") { name.removeLast() }
        if name.isEmpty { return fallback }
        let head = name.utf8.prefix { $0 != UInt8(ascii: ".") }
        if head.count <= 4, reservedWindowsNames.contains(String(Substring(head)).uppercased()) {
            name = "_" + name
        }
        return name
    }

    /// A safe file name keeping the extension (`.docx`) when it is itself a plain one.
    public static func file(_ raw: String, fallback: String = "Без названия") -> String {
        let ext = PathText.pathExtension(raw)
        let stem = PathText.deletingExtension(raw)
        let plainExt = !ext.isEmpty && ext.count <= 8 && ext.unicodeScalars.allSatisfy {
            ($0.value < 128 && CharacterSet.alphanumerics.contains($0))
        }
        guard plainExt, !stem.isEmpty else { return make(raw, fallback: fallback) }
        return make(stem, fallback: fallback, maxBytes: maxBytes - ext.utf8.count - 1) + "." + ext.lowercased()
    }

    /// The stem of a file name, made safe.
    public static func stem(ofFile raw: String) -> String {
        let stem = PathText.deletingExtension(raw)
        return make(stem.isEmpty ? raw : stem)
    }

    /// `name (2)`, `name (3)`… before the extension.
    public static func numbered(_ name: String, _ n: Int) -> String {
        guard n > 1 else { return name }
        let ext = PathText.pathExtension(name)
        let stem = PathText.deletingExtension(name)
        return ext.isEmpty ? "\(name) (\(n))" : "\(stem) (\(n)).\(ext)"
    }

    static let reservedWindowsNames = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// What one character becomes: itself, a space, a replacement, or nothing.
    static func map(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s {
        case "/", "\\", ":", "*", "?", "|", "<", ">": return "_"
        case "\"": return "'"
        default: break
        }
        switch s.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return " "
        case .format, .unassigned, .privateUse, .surrogate:
            return nil  // direction overrides, zero-width characters, BOM, soft hyphen
        default:
            return s
        }
    }

    static func truncate(_ s: String, maxBytes: Int) -> String {
        guard s.utf8.count > maxBytes else { return s }
        var out = ""
        var used = 0
        for ch in s {
            let n = String(ch).utf8.count
            if used + n > maxBytes { break }
            out.append(ch)
            used += n
        }
        return out
    }
}
