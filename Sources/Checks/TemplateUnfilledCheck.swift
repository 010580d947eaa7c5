import Model

/// `document.template-unfilled`: blanks left in a form anywhere in the document
/// (title, text, order points, item cells). Reported once per document with the first blank.
public struct TemplateUnfilledCheck: DocumentCheck {
    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let doc = context.document
        var texts: [String?] = [doc.title, context.recognized.dateText]
        texts += context.recognized.text
        texts += doc.points.map(\.text)
        for s in doc.sections {
            texts.append(s.title)
            for i in s.items {
                texts += [i.activity, i.deadline.text, i.result, i.outcome]
                texts += i.responsibles.map(\.text)
            }
        }
        for ind in doc.indicators { texts.append(ind.name); texts += ind.targets.map(\.value) }
        // `Blanks.first` rejects a text holding no blank-like character in one byte scan.
        guard let blank = texts.lazy.compactMap({ Blanks.first(in: $0) }).first else { return [] }
        return [Diagnostic(.documentTemplateUnfilled, field: .document, text: blank,
                           message: "Документ «\(doc.kind.russian)» — незаполненный шаблон: осталась пустая графа \(quoted(blank)). Заполните все поля формы.",
                           document: context.index)]
    }
}
