import Model

/// `activity.missing` for a numbered row with no activity, and `result.missing` where the
/// table has a result column and the item leaves it empty. (Empty deadline and
/// responsibles cells are reported by their parsers.)
public struct RequiredFieldsCheck: DocumentCheck {
    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let doc = context.document
        guard doc.kind == .roadmap || doc.kind == .report else { return [] }
        var out: [Diagnostic] = []
        for (si, section) in doc.sections.enumerated() {
            for (ii, item) in section.items.enumerated() {
                let label = context.label(section: si, item: ii)
                if item.activity == nil {
                    out.append(Diagnostic(.activityMissing, field: .activity,
                                          message: "не указано мероприятие: заполните графу «Мероприятие»")
                        .located(document: context.index, section: si, item: label))
                }
                if context.recognized.hasResultColumn, item.result == nil {
                    out.append(Diagnostic(.resultMissing, field: .result,
                                          message: "не указан ожидаемый результат или вид документа")
                        .located(document: context.index, section: si, item: label))
                }
            }
        }
        return out
    }
}
