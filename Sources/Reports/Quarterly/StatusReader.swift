import Model

/// Reads a status out of a report's «отметка о выполнении» with the status word table.
public struct StatusReader: Sendable {
    private let done: [[Substring]]
    private let notDone: [[Substring]]
    private let inProgress: [[Substring]]

    public init(words: StatusWords = .builtIn) {
        func phrases(_ list: [String]) -> [[Substring]] { list.map { ItemWords.of($0) }.filter { !$0.isEmpty } }
        done = phrases(words.done)
        notDone = phrases(words.notDone)
        inProgress = phrases(words.inProgress)
    }

    /// `nil` when the text says nothing the table knows.
    public func status(of outcome: String?) -> ItemStatus? {
        let words = ItemWords.of(outcome)
        if words.isEmpty { return nil }
        func any(_ list: [[Substring]]) -> Bool { list.contains { ItemWords.contains(words, phrase: $0) } }
        if any(notDone) { return .notDone }
        if any(inProgress) { return .inProgress }
        if any(done) { return .done }
        return nil
    }
}
