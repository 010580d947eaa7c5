import Model

/// Turns a deadline cell's Russian text into kinds and occurrences (`deadlines.md`).
public struct DeadlineParser: Sendable {
    public init() {}

    /// Parses `text` within `period`. Diagnostics carry no location: the caller places them.
    public func parse(_ text: String?, period: Period?) -> Checked<Deadline> {
        let normalized = TextNormalizer.normalize(text)
        return Checked(Deadline(text: normalized))
    }
}
