import Foundation
import JSON
import Model
import Text

/// Data a methodist may change without rebuilding: loaded from the module's
/// resources, or from `$KARTOGRAF_DATA_DIR` when that folder holds a file of the same name (`DataLocation`).
enum DataFiles {
    static func load(_ name: String) -> JSONValue {
        if let url = DataLocation.override(name), let v = read(url) { return v }
        return bundled.flatMap { read($0.appendingPathComponent(name)) } ?? .object([])
    }

    /// The bundled resources folder, looked for once.
    private static let bundled = DataLocation.resourcesBesideExecutable(module: "Recognition")
        ?? Bundle.module.url(forResource: "Resources", withExtension: nil)

    private static func read(_ url: URL) -> JSONValue? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONParser.parse(bytes: [UInt8](data))
    }

    static func strings(_ v: JSONValue?) -> [String] { v?.arrayValue?.compactMap(\.stringValue) ?? [] }
}

/// Lower case, `ё` → `е`, hyphenation and line breaks removed, spaces folded: the form
/// headers and titles are compared in. Plain text (`PlainScalars`) is folded in one pass
/// over its bytes; anything else takes the Character-level path.
func foldForMatching(_ s: String) -> String {
    foldedPlainBytes(s).map { String(decoding: $0, as: UTF8.self) } ?? foldForMatchingGeneral(s)
}

/// The UTF-8 bytes of `foldForMatching(s)` when `s` is plain (`PlainScalars`), else nil.
func foldedPlainBytes(_ s: String) -> [UInt8]? {
    var s = s
    let bytes: [UInt8]? = s.withUTF8 { b in
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var space = false
        var lastWasHyphen = false
        var i = 0
        while i < b.count {
            guard let (scalar, width) = PlainScalars.decode(b, i) else { return nil }
            i += width
            switch scalar {
            case 0x09...0x0D, 0x20, 0x85, 0xA0:
                // «ответствен- ный» (a word hyphenated over a line break) → «ответственный».
                if !out.isEmpty && !lastWasHyphen { space = true }
            case 0xAD:
                continue
            default:
                if space { out.append(0x20); space = false }
                // `ё` and `Ё` read as `е`.
                let folded = scalar == 0x451 || scalar == 0x401 ? 0x435 : PlainScalars.lowercased(scalar)
                PlainScalars.append(folded, to: &out)
                lastWasHyphen = scalar == 0x2D
            }
        }
        return out
    }
    return bytes
}

/// `foldForMatching` for any text, Character by Character.
func foldForMatchingGeneral(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    var space = false
    var lastWasHyphen = false
    for ch in s {
        if ch.isWhitespace || ch == "\u{00A0}" {
            // «ответствен- ный» (a word hyphenated over a line break) → «ответственный».
            if !out.isEmpty && !lastWasHyphen { space = true }
            continue
        }
        if ch == "\u{00AD}" { continue }
        if space { out.append(" "); space = false }
        out.append(ch)
        lastWasHyphen = ch == "-"
    }
    return RussianFold.fold(out)
}
