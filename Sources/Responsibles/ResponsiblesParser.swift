import Model

/// Splits a responsibles cell into roles, people and bodies (`responsibles.md`).
public struct ResponsiblesParser: Sendable {
    public init() {}

    /// Parses one cell; `glossary` is the document's own abbreviations.
    /// Diagnostics carry no location: the caller places them.
    public func parse(_ text: String?, glossary: Glossary = Glossary()) -> Checked<[Responsible]> {
        guard let t = TextNormalizer.normalize(text) else { return Checked([]) }
        return Checked(t.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == ";" })
            .compactMap { TextNormalizer.singleLine(String($0)) }
            .map { Responsible(text: $0) })
    }
}
