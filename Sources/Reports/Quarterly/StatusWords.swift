// ============================================================================
// DATA: the words a report's «отметка о выполнении» uses for each status, in
// `Resources/status-words.json` (its comment says how they are read). Methodists
// may change that file, or put a copy in $KARTOGRAF_DATA_DIR/status-words.json:
//   {"выполнено": ["…"], "не выполнено": ["…"], "в работе": ["…"],
//    "negations": ["не"], "marks": {"выполнено": ["+"], "не выполнено": ["-"]}}
// A list missing from the override keeps the bundled words.
// ============================================================================
import Foundation
import JSON
import Model

public struct StatusWords: Sendable, Hashable {
    public var done: [String]
    public var notDone: [String]
    public var inProgress: [String]
    /// Words that turn the phrase right after them into «не выполнено».
    public var negations: [String]
    /// Whole-cell marks and symbols.
    public var doneMarks: [String]
    public var notDoneMarks: [String]
    /// Words before a date that make it a deadline rather than the proof of doing («до 15.10.2024»).
    public var notProofBefore: [String]

    public init(done: [String], notDone: [String], inProgress: [String], negations: [String] = ["не", "нет", "ни"],
                doneMarks: [String] = [], notDoneMarks: [String] = [], notProofBefore: [String] = ["до", "к", "срок"]) {
        self.done = done
        self.notDone = notDone
        self.inProgress = inProgress
        self.negations = negations
        self.doneMarks = doneMarks
        self.notDoneMarks = notDoneMarks
        self.notProofBefore = notProofBefore
    }

    public static let fileName = "status-words.json"

    /// The bundled table.
    public static let builtIn: StatusWords = {
        let url = DataLocation.resourcesBesideExecutable(module: "Reports")
            ?? Bundle.module.url(forResource: "Resources", withExtension: nil)
        let json = url.flatMap { try? Data(contentsOf: $0.appendingPathComponent(fileName)) }
            .flatMap { try? JSONParser.parse(bytes: [UInt8]($0)) } ?? .object([])
        return StatusWords(json: json, fallback: nil)
    }()

    /// Reads the table from JSON; lists missing there come from `fallback`.
    public init(json: JSONValue, fallback: StatusWords?) {
        func list(_ v: JSONValue?, _ keep: [String]?) -> [String] {
            v?.arrayValue?.compactMap(\.stringValue) ?? keep ?? []
        }
        self.init(done: list(json[ItemStatus.done.rawValue], fallback?.done),
                  notDone: list(json[ItemStatus.notDone.rawValue], fallback?.notDone),
                  inProgress: list(json[ItemStatus.inProgress.rawValue], fallback?.inProgress),
                  negations: list(json["negations"], fallback?.negations ?? ["не", "нет", "ни"]),
                  doneMarks: list(json["marks"]?[ItemStatus.done.rawValue], fallback?.doneMarks),
                  notDoneMarks: list(json["marks"]?[ItemStatus.notDone.rawValue], fallback?.notDoneMarks),
                  notProofBefore: list(json["notProofBefore"], fallback?.notProofBefore ?? ["до", "к", "срок"]))
    }

    /// The bundled table, or `$KARTOGRAF_DATA_DIR/status-words.json` over it when that file exists and reads.
    public static func load(environment: [String: String] = DataLocation.overrideEnvironment) -> Checked<StatusWords> {
        guard let path = DataLocation.override(fileName, environment: environment)?.path else {
            return Checked(builtIn)
        }
        do {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            return Checked(StatusWords(json: try JSONParser.parse(bytes: bytes), fallback: builtIn))
        } catch {
            return Checked(builtIn, diagnostics: [Diagnostic(.fileUnreadable, text: path,
                message: "Не удалось прочитать словарь статусов «\(path)»: \(error). Используется встроенный.")])
        }
    }
}
