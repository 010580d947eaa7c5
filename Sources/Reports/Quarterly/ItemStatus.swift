/// What became of a planned item, as the quarterly submission states it.
public enum ItemStatus: String, Sendable, Hashable, CaseIterable {
    case done = "выполнено"
    case notDone = "не выполнено"
    case inProgress = "в работе"
    case noData = "нет данных"
    /// Due in an earlier quarter and not reported done.
    case overdue = "просрочено"

    /// The Russian word written in documents.
    public var russian: String { rawValue }
}

/// Why an item is in a quarter's submission.
public enum InclusionReason: String, Sendable, Hashable {
    /// One of its occurrences falls due in the quarter.
    case due
    /// A continuous or recurring item whose window overlaps the quarter without falling due in it.
    case active
    /// Fell due before the quarter and was not reported done.
    case overdue

    public var russian: String {
        switch self {
        case .due: return "срок в квартале"
        case .active: return "выполняется в квартале"
        case .overdue: return "срок истёк ранее"
        }
    }
}
