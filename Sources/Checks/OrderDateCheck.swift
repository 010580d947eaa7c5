import Model

/// `order.placeholder-date`: an order whose date, or a point's term, is a blank.
public struct OrderDateCheck: DocumentCheck {
    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let doc = context.document
        guard doc.kind == .order else { return [] }
        var out: [Diagnostic] = []
        if doc.date == nil, let text = context.recognized.dateText, let blank = Blanks.first(in: text) {
            out.append(Diagnostic(.orderPlaceholderDate, field: .document, text: blank,
                                  message: "Дата приказа не заполнена: \(quoted(blank)).", document: context.index))
        }
        for p in doc.points {
            guard let blank = Blanks.first(in: p.text), blank.contains("0") || blank.contains("_") else { continue }
            let lower = p.text.lowercased()
            guard lower.contains("срок") || lower.contains(" до ") || lower.contains("от ") || blank.contains("00.00") else { continue }
            out.append(Diagnostic(.orderPlaceholderDate, field: .deadline, text: blank,
                                  message: "в пункте приказа срок не заполнен: \(quoted(blank))")
                .located(document: context.index, section: nil, item: p.number))
        }
        return out
    }
}
