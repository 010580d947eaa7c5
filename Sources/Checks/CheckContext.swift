import Model
import Recognition
import Text

/// What a check looks at: one recognised document and its place in the file.
public struct CheckContext: Sendable {
    public let index: Int
    public let recognized: RecognizedDocument
    public var document: Document { recognized.document }

    public init(index: Int, recognized: RecognizedDocument) {
        self.index = index
        self.recognized = recognized
    }

    /// An item's label for diagnostics: its number, else `#N` by position (1-based).
    public func label(section: Int, item: Int) -> String {
        CheckContext.label(in: document, section: section, item: item)
    }

    public static func label(in document: Document, section: Int, item: Int) -> String {
        if let n = document.sections[section].items[item].number { return n }
        var position = 0
        for s in 0..<section { position += document.sections[s].items.count }
        return "#\(position + item + 1)"
    }
}

/// One of the methodist's checks over a document (one rule per file, as linters do).
public protocol DocumentCheck: Sendable {
    func check(_ context: CheckContext) -> [Diagnostic]
}

/// Quotes a text for a message, shortened.
func quoted(_ text: String, limit: Int = 80) -> String {
    let single = TextNormalizer.singleLine(text) ?? ""
    return "«" + (single.count > limit ? String(single.prefix(limit)) + "…" : single) + "»"
}
