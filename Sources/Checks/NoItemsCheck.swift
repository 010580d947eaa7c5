import Model
import Recognition

/// `document.no-items`: a roadmap, report or indicators document was recognised but nothing
/// was read from it. Without this, an empty document would pass with no remarks, and the
/// methodist would trust a check that never looked at a single event.
public struct NoItemsCheck: DocumentCheck {
    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let doc = context.document
        let what: String
        switch doc.kind {
        case .roadmap, .report:
            guard doc.sections.allSatisfy(\.items.isEmpty) else { return [] }
            what = doc.kind == .report ? "В отчёте" : "В дорожной карте"
        case .indicators:
            guard doc.indicators.isEmpty else { return [] }
            what = "В таблице показателей"
        case .order, .program, .other:
            return []
        }
        let title = doc.title.map { " " + quoted($0) } ?? ""
        let units = doc.kind == .indicators ? "показателя" : "мероприятия"
        let recognized = context.recognized
        let reason: String
        if let table = recognized.unreadTables.first {
            let firstRow = table.firstRow.map { " (первая строка: \(quoted($0)))" } ?? ""
            reason = "таблица № \(table.number) в файле\(firstRow) не распознана: в ней не найдена строка заголовков с графами «Мероприятие», «Срок», «Ответственный»."
        } else if recognized.tablesRead > 0 {
            reason = "таблица найдена, но ни одна её строка не прочитана как пункт (строки пустые или объединены в одну ячейку)."
        } else {
            reason = "под заголовком нет таблицы: мероприятия, записанные абзацами или рисунком, не читаются."
        }
        let message = "\(what)\(title) не прочитано ни одного \(units): \(reason) Проверьте документ вручную — отсутствие других замечаний по нему ничего не значит — и попросите прислать его с таблицей, у которой подписаны графы."
        return [Diagnostic(.documentNoItems, field: .document, text: doc.title, message: message, document: context.index)]
    }
}
