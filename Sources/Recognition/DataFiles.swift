import Foundation
import Model

/// Data a methodist may change without rebuilding: loaded from the module's
/// resources, or from `$KARTOGRAF_DATA_DIR` when that folder holds a file of the same name (`DataLocation`).
enum DataFiles {
    static func load(_ name: String) -> JSONValue {
        if let url = DataLocation.override(name), let v = read(url) { return v }
        let bundled = DataLocation.resourcesBesideExecutable(module: "Recognition")
            ?? Bundle.module.url(forResource: "Resources", withExtension: nil)
        return bundled.flatMap { read($0.appendingPathComponent(name)) } ?? .object([])
    }

    private static func read(_ url: URL) -> JSONValue? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONParser.parse(bytes: [UInt8](data))
    }

    static func strings(_ v: JSONValue?) -> [String] { v?.arrayValue?.compactMap(\.stringValue) ?? [] }
}

/// Lower case, `ё` → `е`, hyphenation and line breaks removed, spaces folded: the form
/// headers and titles are compared in.
func foldForMatching(_ s: String) -> String {
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
