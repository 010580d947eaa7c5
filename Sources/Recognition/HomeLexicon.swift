import Foundation
import JSON
import Model
import Text

/// Words a home has learned from its methodist's corrections, read by recognition in addition to
/// `columns.json` and `documents.json`: a JSON file in the home,
///
/// ```
/// {"columns": {"deadline": ["период исполнения"]}, "titles": {"roadmap": ["план-график перехода"]}}
/// ```
///
/// so that the next school writing a header or a heading that way is read without help. A methodist may
/// edit it like the bundled files.
public final class HomeLexicon: Sendable {
    public static let fileName = "словарь распознавания.json"
    /// Fields a column may be assigned to.
    public static let columnFields = ColumnField.allCases.map(\.rawValue)

    public let path: String
    /// What the file holds (empty when there is none).
    public let words: JSONValue
    let lexicon: Lexicon

    /// The learned words of `path`; a missing file is an empty lexicon, a broken one an error.
    public init(path: String) throws(DataFileProblem) {
        self.path = path
        if FileManager.default.fileExists(atPath: path) {
            switch DataLocation.utf8Contents(of: URL(fileURLWithPath: path)) {
            case let .failure(problem): throw problem
            case let .success(bytes):
                guard let value = try? JSONParser.parse(bytes: bytes), value.objectValue != nil else {
                    throw DataFileProblem("Словарь распознавания «\(path)» не читается как JSON: исправьте или удалите его.")
                }
                words = value
            }
        } else {
            words = .object([])
        }
        lexicon = Lexicon(learned: words)
    }

    /// The home's lexicon file in `folder`.
    public static func path(in folder: String) -> String { PathText.appending(folder, fileName) }

    /// Learns that a column headed `header` holds `field` (one of `columnFields`); returns the lexicon with it.
    public func learningColumn(_ header: String, field: String) throws(DataFileProblem) -> HomeLexicon {
        guard Self.columnFields.contains(field) else {
            throw DataFileProblem("Поле «\(field)» неизвестно: допустимы \(Self.columnFields.joined(separator: ", ")).")
        }
        return try adding(header, under: "columns", key: field)
    }

    /// Learns that a heading starting with `heading`'s first words announces a document of `kind`.
    public func learningTitle(_ heading: String, kind: DocumentKind) throws(DataFileProblem) -> HomeLexicon {
        try adding(Self.titleWords(heading), under: "titles", key: kind.rawValue)
    }

    /// The words of a heading learned for its kind: its first three (fewer in a shorter heading), the
    /// part that names the document rather than the school or the years.
    public static func titleWords(_ heading: String) -> String {
        let words = (TextNormalizer.singleLine(heading) ?? "").split(separator: " ")
        return words.prefix(3).joined(separator: " ")
    }

    private func adding(_ text: String, under group: String, key: String) throws(DataFileProblem) -> HomeLexicon {
        guard let entry = TextNormalizer.singleLine(text), !entry.isEmpty else {
            throw DataFileProblem("Пустой текст нельзя добавить в словарь распознавания.")
        }
        var top = words.objectValue ?? []
        var groupObject = top.first { $0.0 == group }?.1.objectValue ?? []
        var list = DataFiles.strings(groupObject.first { $0.0 == key }?.1)
        if !list.contains(where: { foldForMatching($0) == foldForMatching(entry) }) { list.append(entry) }
        groupObject.removeAll { $0.0 == key }
        groupObject.append((key, .array(list.map(JSONValue.string))))
        top.removeAll { $0.0 == group }
        top.append((group, .object(groupObject)))
        if !top.contains(where: { $0.0 == "_comment" }) {
            top.insert(("_comment", .string("Слова, которым kartograf научился по исправлениям методиста: заголовки столбцов "
                + "(columns: поле → заголовки) и документов (titles: вид → начало заголовка). Читаются вместе с "
                + "columns.json и documents.json; можно править.")), at: 0)
        }
        let text = JSONWriter().string(.object(top)) + "\n"
        do {
            let temp = path + ".tmp-\(getpid())"
            try Data(text.utf8).write(to: URL(fileURLWithPath: temp))
            guard rename(temp, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw DataFileProblem("Не удалось записать словарь распознавания «\(path)»: \(error.localizedDescription).")
        }
        return try HomeLexicon(path: path)
    }
}
