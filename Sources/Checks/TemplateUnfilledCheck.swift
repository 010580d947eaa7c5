import Model

/// `document.template-unfilled`: blanks left in a form anywhere in the document
/// (title, text, order points, item cells). Reported once per document with the first blank.
public struct TemplateUnfilledCheck: DocumentCheck {
    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let doc = context.document
        guard let blank = TemplateUnfilledCheck.firstBlank(context) else { return [] }
        return [Diagnostic(.documentTemplateUnfilled, field: .document, text: blank,
                           message: "Документ «\(doc.kind.russian)» — незаполненный шаблон: осталась пустая графа \(quoted(blank)). Заполните все поля формы.",
                           document: context.index)]
    }

    /// The first blank of the document's texts, in reading order: title, date, text, order
    /// points, then each section's title and item cells, then the indicators.
    static func firstBlank(_ context: CheckContext) -> String? {
        let doc = context.document
        if let b = Blanks.first(in: doc.title) ?? Blanks.first(in: context.recognized.dateText) { return b }
        for t in context.recognized.text { if let b = Blanks.first(in: t) { return b } }
        for p in doc.points { if let b = Blanks.first(in: p.text) { return b } }
        for s in doc.sections {
            if let b = Blanks.first(in: s.title) { return b }
            for k in s.items.indices {
                if let b = Blanks.first(in: s.items[k].activity) ?? Blanks.first(in: s.items[k].deadline.text)
                    ?? Blanks.first(in: s.items[k].result) ?? Blanks.first(in: s.items[k].outcome) { return b }
                for r in s.items[k].responsibles { if let b = Blanks.first(in: r.text) { return b } }
            }
        }
        for ind in doc.indicators {
            if let b = Blanks.first(in: ind.name) { return b }
            for t in ind.targets { if let b = Blanks.first(in: t.value) { return b } }
        }
        return nil
    }
}
