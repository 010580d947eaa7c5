import Foundation
import Model

/// The Russian diagnostics of the deadline stage; each names the offending text.
enum DeadlineMessages {
    static func missing(_ text: String?) -> Diagnostic {
        let message = text.map { "Срок не указан: в ячейке только «\($0)»" } ?? "Срок не указан"
        return Diagnostic(.deadlineMissing, field: .deadline, text: text, message: message)
    }

    static func unparsed(_ text: String) -> Diagnostic {
        Diagnostic(.deadlineUnparsed, field: .deadline, text: text,
                   message: "Срок «\(short(text))» не распознан: нет ни даты, ни периодичности, ни события")
    }

    static func placeholder(_ text: String) -> Diagnostic {
        Diagnostic(.deadlinePlaceholder, field: .deadline, text: text,
                   message: "Незаполненный шаблон в сроке «\(short(text))»: вместо даты оставлен пропуск")
    }

    static func yearMissing(fragment: String, text: String) -> Diagnostic {
        Diagnostic(.deadlineYearMissing, field: .deadline, text: text,
                   message: "Не указан год для «\(short(fragment))» в сроке «\(short(text))», а период документа его не определяет")
    }

    static func invalidDate(fragment: String, reason: String, text: String) -> Diagnostic {
        let first = reason.prefix(1).uppercased() + reason.dropFirst()
        return Diagnostic(.deadlineInvalidDate, field: .deadline, text: text,
                          message: "\(first) в сроке «\(short(text))»")
    }

    static func outsidePeriod(_ occurrences: [Occurrence], period: Period, text: String) -> Diagnostic {
        let shown = occurrences.prefix(3).map(describe).joined(separator: ", ")
        let more = occurrences.count > 3 ? " и ещё \(occurrences.count - 3)" : ""
        return Diagnostic(.deadlineOutsidePeriod, field: .deadline, text: text,
                          message: "Срок «\(short(text))» выходит за период документа \(period.from.iso) – \(period.to.iso): \(shown)\(more)")
    }

    private static func describe(_ o: Occurrence) -> String {
        if let start = o.start { return start == o.due ? start.iso : "\(start.iso) – \(o.due.iso)" }
        return "до \(o.due.iso)"
    }

    /// Long cells are cut in messages; the full text stays in `text`.
    private static func short(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 120 ? String(flat.prefix(117)) + "…" : flat
    }
}
