// ============================================================================
// DATA: the words a report's «отметка о выполнении» uses for each status.
// Methodists may change this list; an override can be put in
// $KARTOGRAF_DATA_DIR/status-words.json as
//   {"выполнено": ["…"], "не выполнено": ["…"], "в работе": ["…"]}
// Each entry is a phrase of words; a word of four letters or more also
// matches itself with a participle ending («разработан» matches «разработана»,
// «разработанные», not «разработка»), shorter words («не», «в») match exactly. Letters are compared
// lower-cased with «ё» read as «е».
// When several lists match, «не выполнено» wins over «в работе», which wins
// over «выполнено» («частично выполнено» is in progress).
// ============================================================================
import Foundation
import JSON
import Model

public struct StatusWords: Sendable, Hashable {
    public var done: [String]
    public var notDone: [String]
    public var inProgress: [String]

    public init(done: [String], notDone: [String], inProgress: [String]) {
        self.done = done
        self.notDone = notDone
        self.inProgress = inProgress
    }

    public static let builtIn = StatusWords(
        done: [
            "выполнено", "выполнен", "исполнено", "проведено", "проведен", "проведена", "разработан",
            "утвержден", "размещен", "организован", "подготовлен", "составлен", "сформирован",
            "создан", "заключен", "назначен", "издан", "принят", "обновлен", "внесен", "реализовано",
            "осуществлено", "завершено", "состоялось", "состоялся", "опубликован", "направлен",
        ],
        notDone: [
            "не выполнено", "не выполнен", "не проведено", "не проведен", "не реализовано",
            "не организован", "не разработан", "не утвержден", "не состоялось", "перенесено",
            "перенесен", "отменено", "отменен",
        ],
        inProgress: [
            "в работе", "в процессе", "частично", "продолжается", "выполняется", "проводится",
            "ведется", "не в полном объеме", "на стадии", "в стадии",
        ])

    /// The built-in table, or `$KARTOGRAF_DATA_DIR/status-words.json` when that file exists and reads.
    /// A list missing from the file keeps its built-in words.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> Checked<StatusWords> {
        guard let path = DataLocation.override("status-words.json", environment: environment)?.path else {
            return Checked(builtIn)
        }
        do {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let json = try JSONParser.parse(bytes: bytes)
            func list(_ key: String, _ fallback: [String]) -> [String] {
                json[key]?.arrayValue?.compactMap(\.stringValue) ?? fallback
            }
            return Checked(StatusWords(done: list(ItemStatus.done.rawValue, builtIn.done),
                                       notDone: list(ItemStatus.notDone.rawValue, builtIn.notDone),
                                       inProgress: list(ItemStatus.inProgress.rawValue, builtIn.inProgress)))
        } catch {
            return Checked(builtIn, diagnostics: [Diagnostic(.fileUnreadable, text: path,
                message: "Не удалось прочитать словарь статусов «\(path)»: \(error). Используется встроенный.")])
        }
    }
}
