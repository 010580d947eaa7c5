import Model

/// One «исправлено методистом» line of a check protocol: where, what the methodist set, who and when.
public struct ProtocolCorrection: Hashable, Sendable {
    /// «Пункт 5», «Документ 2, пункт 5», «Файл».
    public var label: String
    public var text: String
    /// «Иванова И. И., 05.12.2026».
    public var byline: String
    public var note: String?

    public static let mark = "исправлено методистом"

    public init(label: String, text: String, byline: String, note: String? = nil) {
        self.label = label
        self.text = text
        self.byline = byline
        self.note = note
    }

    /// The line as the protocol prints it.
    public var message: String {
        var line = "\(text) — \(Self.mark) (\(byline))"
        if let note, !note.isEmpty { line += ": \(note)" }
        return line
    }

    /// The place of a finding as the protocol labels it.
    public static func label(of d: Diagnostic, in export: Export) -> String { ProtocolData.label(for: d, in: export) }

    /// The place of an item as the protocol labels it.
    public static func label(document: Int, item: String, in export: Export) -> String {
        ProtocolData.label(for: Diagnostic(.resultMissing, message: "", document: document, item: item), in: export)
    }
}
