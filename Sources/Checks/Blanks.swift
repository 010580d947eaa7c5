import Foundation
import JSON
import Model
import Text

/// Blanks left in a form: `(наименование образовательной организации)`, `________`,
/// `00.00.0000`, `Х года`, `20__`, `«__»`. A signature line (`__________ И. О. Фамилия`)
/// is not a blank. The patterns are data (`Resources/blanks.json`), each with the texts
/// a cell must hold before it is searched at all.
public enum Blanks {
    /// The data file as written.
    struct Table: Sendable {
        struct Blank: Sendable {
            let pattern: String
            /// Lower case, `ё` as `е`, as `searchable` writes a text; at least one must occur.
            let requires: [String]
        }
        let blanks: [Blank]
        let signature: String
    }

    /// The table's patterns compiled, shared by every thread that checks.
    final class Expressions: @unchecked Sendable {
        // Sound: both fields are constants, and a Regex is only read when it matches (it lowers
        // itself into its program once, through an atomic store).
        let blanks: [Regex<Substring>]
        let signature: Regex<Substring>

        init(_ table: Table) throws {
            blanks = try table.blanks.map { try Blanks.expression($0.pattern, caseInsensitive: true) }
            signature = try Blanks.expression(table.signature, caseInsensitive: false)
        }
    }

    static let table: Table = load()

    /// Compiled when a text first holds what a blank requires: a batch without blanks never
    /// loads the regular expression engine. `load` has compiled a methodist's table once already.
    static let expressions: Expressions = {
        do { return try Expressions(table) } catch { preconditionFailure("the bundled blanks.json is broken: \(error)") }
    }()

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
        let candidates = table.blanks.indices.filter { k in table.blanks[k].requires.contains { folded.containsBytes($0) } }
        guard !candidates.isEmpty else { return nil }
        let expressions = self.expressions
        // Signature lines are filled forms, not blanks: spaces take their place first.
        let scalars = text.unicodeScalars
        var masked = String.UnicodeScalarView()
        var rest = scalars.startIndex
        for m in text.matches(of: expressions.signature) {
            masked.append(contentsOf: scalars[rest..<m.range.lowerBound])
            masked.append(contentsOf: repeatElement(" ", count: scalars[m.range].count))
            rest = m.range.upperBound
        }
        masked.append(contentsOf: scalars[rest...])
        let searched = String(masked)
        for k in candidates {
            if let m = searched.firstMatch(of: expressions.blanks[k]) {
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
                let table = try table(JSONParser.parse(bytes: bytes))
                _ = try Expressions(table)
                return .success(table)
            } catch {
                return .failure(DataFileProblem("Файл данных «\(url.path)» не прочитан: \(error). Исправьте его или удалите, чтобы работали встроенные образцы."))
            }
        }
    }

    static func table(_ json: JSONValue) throws -> Table {
        func pattern(_ value: JSONValue?) throws -> String {
            guard let pattern = value?.stringValue else { throw DataFileProblem("нет поля «pattern»") }
            return pattern
        }
        let blanks = try (json["blanks"]?.arrayValue ?? []).map { entry in
            Table.Blank(pattern: try pattern(entry["pattern"]),
                        requires: (entry["requires"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
        return Table(blanks: blanks, signature: try pattern(json["signature"]?["pattern"]))
    }

    /// Swift's own regular expressions (no ICU to load), matched character by character, with
    /// `\b` where a word character meets a non-word one or an end, as in ICU's.
    static func expression(_ pattern: String, caseInsensitive: Bool) throws -> Regex<Substring> {
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
}
