import Foundation
import Model

/// Data a methodist may change without rebuilding: loaded from the module's
/// resources, or from `$KARTOGRAF_DATA_DIR` when that folder holds a file of the same name.
enum DataFiles {
    static func load(_ name: String) -> JSONValue {
        if let dir = ProcessInfo.processInfo.environment["KARTOGRAF_DATA_DIR"] {
            let path = (dir as NSString).appendingPathComponent(name)
            if let data = FileManager.default.contents(atPath: path), let v = try? JSONParser.parse(bytes: [UInt8](data)) {
                return v
            }
        }
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        if let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: base, withExtension: ext),
           let data = try? Data(contentsOf: url), let v = try? JSONParser.parse(bytes: [UInt8](data)) {
            return v
        }
        return .object([])
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
    for ch in s.lowercased() {
        if ch.isWhitespace || ch == "\u{00A0}" {
            // «ответствен- ный» (a word hyphenated over a line break) → «ответственный».
            if !out.isEmpty && !lastWasHyphen { space = true }
            continue
        }
        if ch == "\u{00AD}" { continue }
        if space { out.append(" "); space = false }
        out.append(ch == "ё" ? "е" : ch)
        lastWasHyphen = ch == "-"
    }
    return out
}
