import Foundation
import JSON
import Model
import Text

/// Blanks left in a form: `(наименование образовательной организации)`, `________`,
/// `00.00.0000`, `Х года`, `20__`, `«__»`. A signature line (`__________ И. О. Фамилия`)
/// is not a blank. The patterns are data (`Resources/blanks.json`), each with the texts
/// a cell must hold before it is searched at all.
public enum Blanks {
    struct Pattern {
        let expression: Regex<Substring>
        /// Lower case, `ё` as `е`, as `searchable` writes a text; at least one must occur.
        let requires: [String]
    }

    /// The patterns compiled, shared by every thread that checks.
    final class Table: @unchecked Sendable {
        // Sound: both fields are constants, and a Regex is only read when it matches (it lowers
        // itself into its program once, through an atomic store).
        let blanks: [Pattern]
        let signature: Regex<Substring>

        init(blanks: [Pattern], signature: Regex<Substring>) {
            self.blanks = blanks
            self.signature = signature
        }
    }

    static let table: Table = load()

    /// The first blank in `text`, as written, or nil.
    public static func first(in text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return found.value(for: TextKey(text)) { search(text) }
    }

    /// Texts with their first blank: a batch of files from one template repeats them
    /// (`Директор ________ И. О. Фамилия`), and regular expressions are slow.
    private static let found = ParseCache<TextKey, String?>(capacity: 4096)

    /// The text as the `requires` lists are written: a space in front, lower case, `ё` as `е`,
    /// line breaks and tabs as spaces.
    static func searchable(_ text: String) -> String {
        let folded = RussianFold.fold(text).unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 }
        return " " + String(String.UnicodeScalarView(folded))
    }

    private static func search(_ text: String) -> String? {
        let folded = searchable(text)
        let candidates = table.blanks.filter { p in p.requires.contains { folded.containsBytes($0) } }
        guard !candidates.isEmpty else { return nil }
        // Signature lines are filled forms, not blanks: spaces take their place first.
        let scalars = text.unicodeScalars
        var masked = String.UnicodeScalarView()
        var rest = scalars.startIndex
        for m in text.matches(of: table.signature) {
            masked.append(contentsOf: scalars[rest..<m.range.lowerBound])
            masked.append(contentsOf: repeatElement(" ", count: scalars[m.range].count))
            rest = m.range.upperBound
        }
        masked.append(contentsOf: scalars[rest...])
        let searched = String(masked)
        for p in candidates {
            if let m = searched.firstMatch(of: p.expression) {
                return String(searched.unicodeScalars[m.range]).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    // MARK: - Data

    /// The bundled table, or the methodist's copy in `$KARTOGRAF_DATA_DIR`. A broken copy is
    /// reported on standard error and the bundled table used, so that checking goes on.
    private static func load() -> Table {
        if let url = DataLocation.override("blanks.json") {
            switch read(url) {
            case let .success(table): return table
            case let .failure(problem): FileHandle.standardError.write(Data((problem.message + "\n").utf8))
            }
        }
        let bundled = (DataLocation.resourcesBesideExecutable(module: "Checks")
            ?? Bundle.module.url(forResource: "Resources", withExtension: nil))?.appendingPathComponent("blanks.json")
        guard let bundled, case let .success(table) = read(bundled) else {
            preconditionFailure("the bundled blanks.json is missing or broken")
        }
        return table
    }

    static func read(_ url: URL) -> Result<Table, DataFileProblem> {
        DataLocation.utf8Contents(of: url).flatMap { bytes in
            do {
                return .success(try table(JSONParser.parse(bytes: bytes)))
            } catch {
                return .failure(DataFileProblem("Файл данных «\(url.path)» не прочитан: \(error). Исправьте его или удалите, чтобы работали встроенные образцы."))
            }
        }
    }

    static func table(_ json: JSONValue) throws -> Table {
        // Swift's own regular expressions (no ICU to load), matched character by character, with
        // `\b` where a word character meets a non-word one or an end, as in ICU's.
        func expression(_ pattern: String?, caseInsensitive: Bool) throws -> Regex<Substring> {
            guard let pattern else { throw DataFileProblem("нет поля «pattern»") }
            let regex: Regex<Substring>
            do {
                regex = try Regex(pattern, as: Substring.self)
            } catch {
                _ = try Regex(pattern)  // a pattern that is not a regular expression says so itself
                throw DataFileProblem("в образце «\(pattern)» есть группа в скобках: пишите её как (?:…)")
            }
            let bounded = regex.wordBoundaryKind(.simple)
            return caseInsensitive ? bounded.ignoresCase() : bounded
        }
        let blanks = try (json["blanks"]?.arrayValue ?? []).map { entry in
            Pattern(expression: try expression(entry["pattern"]?.stringValue, caseInsensitive: true),
                    requires: (entry["requires"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
        return Table(blanks: blanks, signature: try expression(json["signature"]?["pattern"]?.stringValue, caseInsensitive: false))
    }
}
