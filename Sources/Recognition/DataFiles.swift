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

/// The form headers, titles and lexicon words are compared in: lower case, `ё` as `е`
/// (`RussianFold`), soft hyphens dropped, a word hyphenated over a line break joined
/// («ответствен-⏎ный» → «ответственный»), any run of spaces and line breaks one space.
func foldForMatching(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    var lastWasHyphen = false
    for scalar in s.unicodeScalars {
        if scalar.properties.isWhitespace {
            if !out.isEmpty && !lastWasHyphen { pendingSpace = true }
            continue
        }
        if scalar == "\u{AD}" { continue }
        if pendingSpace { out.append(" "); pendingSpace = false }
        out.append(scalar)
        lastWasHyphen = scalar == "-"
    }
    return RussianFold.fold(String(out))
}

extension StringProtocol {
    /// True when `self` (already folded) starts with `prefix` at a word boundary: the next
    /// character is not a letter, unless the prefix itself ends with a non-letter (a stem
    /// such as «мероприят» is written without its ending on purpose, see `startsWithStem`).
    func hasWordPrefix(_ prefix: String) -> Bool {
        guard hasPrefix(prefix) else { return false }
        guard let next = dropFirst(prefix.count).first else { return true }
        return !next.isLetter || prefix.last.map { !$0.isLetter } == true
    }
}

extension String {
    /// Its words: the runs of letters and digits.
    var words: [Substring] {
        split { !($0.isLetter || $0.isNumber) }
    }
}
