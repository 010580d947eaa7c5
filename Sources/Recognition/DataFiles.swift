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
    var out: [UInt8] = []  // UTF-8: appending bytes is far cheaper than appending to a scalar view
    out.reserveCapacity(s.utf8.count)
    var pendingSpace = false
    var lastWasHyphen = false
    for scalar in s.unicodeScalars {
        if isWhiteSpace(scalar) {
            if !out.isEmpty && !lastWasHyphen { pendingSpace = true }
            continue
        }
        if scalar == "\u{AD}" { continue }
        if pendingSpace { out.append(UInt8(ascii: " ")); pendingSpace = false }
        out.append(contentsOf: UTF8.encode(scalar)!)
        lastWasHyphen = scalar == "-"
    }
    return RussianFold.fold(String(decoding: out, as: UTF8.self))
}

/// Unicode's White_Space characters: tab, line breaks, spaces of every width.
func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
}

extension StringProtocol {
    /// Starts with `prefix`, both already folded (`foldForMatching`): folded the same way, equal
    /// texts have equal UTF-8 bytes, so the bytes are compared.
    func startsWithFolded(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    /// Ends with `suffix`, both already folded: compared as UTF-8 bytes, as `startsWithFolded`.
    func endsWithFolded(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    /// Holds `part` somewhere, compared as UTF-8 bytes.
    func includes(_ part: String) -> Bool {
        utf8.firstRange(of: part.utf8) != nil
    }

    /// Without the characters `drop` matches at either end (spaces by default).
    func trimmed(_ drop: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }

    /// True when `self` (already folded) starts with `prefix` at a word boundary: the next
    /// character is not a letter, unless the prefix itself ends with a non-letter.
    func hasWordPrefix(_ prefix: String) -> Bool {
        guard startsWithFolded(prefix) else { return false }
        let rest = self[utf8.index(startIndex, offsetBy: prefix.utf8.count)...]
        guard let next = rest.first else { return true }
        return !next.isLetter || prefix.last.map { !$0.isLetter } == true
    }
}

extension String {
    /// Its words: the runs of letters and digits.
    var words: [Substring] {
        split { !($0.isLetter || $0.isNumber) }
    }
}
