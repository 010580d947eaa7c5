import Text
import JSON
import Foundation
import Model

/// What the department writes into its documents: its name and who signs, read from
/// `настройки.json` in the output folder or the working folder:
///
/// ```json
/// {
///   "орган": "Управление образования администрации города N",
///   "руководитель": {"должность": "Начальник управления образования", "фио": "И. И. Иванов"},
///   "проверяющий": {"должность": "Методист", "фио": "П. П. Петрова"}
/// }
/// ```
/// The head signs the municipal summary; the methodist the check protocols and submissions.
/// What is missing is left as lines to fill in by hand.
public struct DepartmentSettings: Sendable, Hashable {
    public static let fileName = "настройки.json"

    public struct Signer: Sendable, Hashable {
        public var post: String?
        public var name: String?

        public init(post: String? = nil, name: String? = nil) {
            self.post = post
            self.name = name
        }
    }

    public var department: String?
    public var head: Signer
    public var checker: Signer

    public init(department: String? = nil, head: Signer = Signer(), checker: Signer = Signer()) {
        self.department = department
        self.head = head
        self.checker = checker
    }

    /// The settings of the first folder that has the file; empty settings (lines) when none has.
    /// A file that cannot be read is a diagnostic, and its settings are empty.
    public static func load(folders: [String]) -> Checked<DepartmentSettings> {
        for folder in folders {
            let path = PathText.appending(folder, fileName)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            do {
                let json = try JSONParser.parse(bytes: [UInt8](data))
                func signer(_ key: String) -> Signer {
                    Signer(post: text(json[key]?["должность"]), name: text(json[key]?["фио"]))
                }
                return Checked(DepartmentSettings(department: text(json["орган"]), head: signer("руководитель"),
                                                  checker: signer("проверяющий")))
            } catch {
                return Checked(DepartmentSettings(), diagnostics: [Diagnostic(.fileUnreadable, text: path,
                    message: "Файл настроек «\(path)» не прочитан (\(error)): подписи оставлены пустыми строками. Исправьте JSON в этом файле.")])
            }
        }
        return Checked(DepartmentSettings())
    }

    private static func text(_ value: JSONValue?) -> String? {
        guard let s = value?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
        return s
    }

    /// `{post, name, date}` of a signature block: the signer's words, or lines to write on.
    public static func signature(_ signer: Signer) -> JSONValue {
        .object([
            ("post", .string(signer.post ?? String(repeating: "_", count: 30))),
            ("name", .string(signer.name ?? String(repeating: "_", count: 20))),
            ("date", .string("«____» ________________ 20____ г.")),
        ])
    }
}

extension JSONValue {
    /// An object with `pairs` added after its own (other values are returned as they are).
    public func adding(_ pairs: [(String, JSONValue)]) -> JSONValue {
        guard case var .object(own) = self else { return self }
        own += pairs
        return .object(own)
    }
}
