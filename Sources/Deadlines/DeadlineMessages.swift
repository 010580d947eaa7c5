import Foundation
import Model

/// The Russian diagnostics of the deadline stage for one cell; each names the offending text.
///
/// The cell's text is shortened for messages once, however many diagnostics the cell gives.
struct DeadlineMessages {
    let text: String
    /// The text as messages quote it: on one line, long cells cut.
    let shown: String

    init(text: String) {
        self.text = text
        shown = Self.short(text)
    }

    static func missing(_ text: String?) -> Diagnostic {
        let message = text.map { "Срок не указан: в ячейке только «\($0)»" } ?? "Срок не указан"
        return Diagnostic(.deadlineMissing, field: .deadline, text: text, message: message)
    }

    static func tooLong(_ text: String, length: Int, limit: Int) -> Diagnostic {
        Diagnostic(.deadlineTooLong, field: .deadline, text: text,
                   message: "Срок «\(short(text))» слишком длинный (\(length) знаков, разбираются не больше \(limit)): "
                       + "ячейка не разобрана, оставьте в ней только срок")
    }

    func unparsed() -> Diagnostic {
        Diagnostic(.deadlineUnparsed, field: .deadline, text: text,
                   message: "Срок «\(shown)» не распознан: нет ни даты, ни периодичности, ни события")
    }

    func placeholder() -> Diagnostic {
        Diagnostic(.deadlinePlaceholder, field: .deadline, text: text,
                   message: "Незаполненный шаблон в сроке «\(shown)»: вместо даты оставлен пропуск")
    }

    func yearMissing(fragment: String) -> Diagnostic {
        Diagnostic(.deadlineYearMissing, field: .deadline, text: text,
                   message: "Не указан год для «\(Self.short(fragment))» в сроке «\(shown)», а период документа его не определяет")
    }

    func moreYearsMissing(_ count: Int) -> Diagnostic {
        Diagnostic(.deadlineYearMissing, field: .deadline, text: text,
                   message: "Ещё в \(count) местах срока «\(shown)» не указан год")
    }

    func invalidDate(fragment: String, reason: String) -> Diagnostic {
        let first = reason.prefix(1).uppercased() + reason.dropFirst()
        return Diagnostic(.deadlineInvalidDate, field: .deadline, text: text, message: "\(first) в сроке «\(shown)»")
    }

    func moreInvalidDates(_ count: Int) -> Diagnostic {
        Diagnostic(.deadlineInvalidDate, field: .deadline, text: text,
                   message: "Ещё \(count) неверных дат в сроке «\(shown)»")
    }

    func outsidePeriod(_ occurrences: [Occurrence], period: Period) -> Diagnostic {
        let listed = occurrences.prefix(3).map(Self.describe).joined(separator: ", ")
        let more = occurrences.count > 3 ? " и ещё \(occurrences.count - 3)" : ""
        return Diagnostic(.deadlineOutsidePeriod, field: .deadline, text: text,
                          message: "Срок «\(shown)» выходит за период документа \(period.from.iso) – \(period.to.iso): \(listed)\(more)")
    }

    private static func describe(_ o: Occurrence) -> String {
        if let start = o.start { return start == o.due ? start.iso : "\(start.iso) – \(o.due.iso)" }
        return "до \(o.due.iso)"
    }

    /// Long texts are cut in messages; the full text stays in `text`.
    static func short(_ text: String) -> String {
        let head = text.prefix(121)
        let flat = head.replacingOccurrences(of: "\n", with: " ")
        return head.count > 120 ? String(flat.prefix(117)) + "…" : flat
    }
}
