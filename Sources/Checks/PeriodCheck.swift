import Model

/// `document.period-missing`: a roadmap or report that never says which years it plans for.
public struct PeriodCheck: DocumentCheck {
    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let doc = context.document
        guard doc.kind == .roadmap || doc.kind == .report, doc.period == nil else { return [] }
        let what = doc.kind == .report ? "отчёте" : "дорожной карте"
        let title = doc.title.map { " " + quoted($0) } ?? ""
        return [Diagnostic(.documentPeriodMissing, field: .document, text: doc.title,
                           message: "В \(what)\(title) не указан период реализации (годы или учебный год): сроки без года не удастся привязать к датам.",
                           document: context.index)]
    }
}
