/// How much a finding matters to the methodist.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case error, warning, info

    public var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// «ошибка», «предупреждение», «замечание».
    public var russian: String {
        switch self {
        case .error: return "ошибка"
        case .warning: return "предупреждение"
        case .info: return "замечание"
        }
    }
}

/// The stable diagnostic codes of `diagnostics.md`, each with its severity.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Codable {
    case fileUnreadable = "file.unreadable"
    case fileUnsupportedFormat = "file.unsupported-format"
    case documentNotRecognized = "document.not-recognized"
    case documentTemplateUnfilled = "document.template-unfilled"
    case documentPeriodMissing = "document.period-missing"
    case deadlineMissing = "deadline.missing"
    case deadlineUnparsed = "deadline.unparsed"
    case deadlinePlaceholder = "deadline.placeholder"
    case deadlineYearMissing = "deadline.year-missing"
    case deadlineInvalidDate = "deadline.invalid-date"
    case deadlineOutsidePeriod = "deadline.outside-period"
    case responsibleMissing = "responsible.missing"
    case responsibleUnknown = "responsible.unknown"
    case responsibleNotInRoster = "responsible.not-in-roster"
    case activityMissing = "activity.missing"
    case resultMissing = "result.missing"
    case itemDuplicateNumber = "item.duplicate-number"
    case itemNumberingGap = "item.numbering-gap"
    case orderPlaceholderDate = "order.placeholder-date"
    /// Not in diagnostics.md: part of the file (a text box, an embedded object, an
    /// `altChunk`) could not be read, so nothing is dropped silently.
    case documentContentSkipped = "document.content-skipped"
    /// Not in diagnostics.md: a deadline or responsibles cell too long to be a real one
    /// (a hostile or broken file); it is kept as written but not read.
    case deadlineTooLong = "deadline.too-long"
    case responsibleTooLong = "responsible.too-long"
    /// Not in diagnostics.md: a roadmap, report or indicators table was recognised but no item
    /// (or indicator) was read from it, so that an empty result is never taken for a clean one.
    case documentNoItems = "document.no-items"
    /// Not in diagnostics.md: a document's organisation matches no line of the municipality's roster.
    case organisationNotInRoster = "organisation.not-in-roster"
    /// Not in diagnostics.md: a report's «отметка о выполнении» says nothing the status words know.
    case reportStatusUnknown = "report.status-unknown"

    public var severity: Severity {
        switch self {
        case .fileUnreadable, .fileUnsupportedFormat, .documentTemplateUnfilled, .deadlineMissing,
             .deadlinePlaceholder, .deadlineInvalidDate, .responsibleMissing, .activityMissing,
             .orderPlaceholderDate:
            return .error
        case .documentNotRecognized, .documentPeriodMissing, .deadlineUnparsed, .deadlineYearMissing,
             .deadlineOutsidePeriod, .responsibleUnknown, .responsibleNotInRoster, .itemDuplicateNumber,
             .deadlineTooLong, .responsibleTooLong, .documentNoItems,
             .organisationNotInRoster:
            return .warning
        case .resultMissing, .itemNumberingGap, .documentContentSkipped, .reportStatusUnknown:
            return .info
        }
    }
}

/// The item field a diagnostic is about.
public enum DiagnosticField: String, Sendable, Hashable, Codable {
    case deadline, responsibles, activity, result, number, document
}

/// One finding, in the shape of `export-format.md` "Diagnostic".
///
/// Stages that see only a cell's text (deadlines, responsibles) create diagnostics
/// without a location and a message about the text; the stage that knows the item
/// calls `located(document:section:item:)` to place it.
public struct Diagnostic: Hashable, Sendable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var document: Int?
    public var section: Int?
    public var item: String?
    public var field: DiagnosticField?
    public var text: String?
    public var message: String

    public init(_ code: DiagnosticCode, field: DiagnosticField? = nil, text: String? = nil, message: String,
                document: Int? = nil, section: Int? = nil, item: String? = nil) {
        self.code = code
        self.severity = code.severity
        self.document = document
        self.section = section
        self.item = item
        self.field = field
        self.text = text
        self.message = message
    }

    /// The same finding placed at an item: the message gains «Пункт N: » in front.
    public func located(document: Int?, section: Int?, item: String?) -> Diagnostic {
        var d = self
        d.document = document
        d.section = section
        d.item = item
        if let item, !message.hasPrefix("Пункт ") {
            let label = item.hasPrefix("#") ? "Строка \(item.dropFirst())" : "Пункт \(item)"
            d.message = "\(label): \(message)"
        }
        return d
    }
}

extension Diagnostic: Codable {
    private enum CodingKeys: String, CodingKey { case code, severity, document, section, item, field, text, message }

    /// Reads a diagnostic back as exports write it; a missing severity is the code's own, a
    /// missing message empty (gold files and older exports leave them out).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(DiagnosticCode.self, forKey: .code),
                  field: try c.decodeIfPresent(DiagnosticField.self, forKey: .field),
                  text: try c.decodeIfPresent(String.self, forKey: .text),
                  message: try c.decodeIfPresent(String.self, forKey: .message) ?? "",
                  document: try c.decodeIfPresent(Int.self, forKey: .document),
                  section: try c.decodeIfPresent(Int.self, forKey: .section),
                  item: try c.decodeIfPresent(String.self, forKey: .item))
        severity = try c.decodeIfPresent(Severity.self, forKey: .severity) ?? code.severity
    }
}

/// A value together with the findings made while producing it (mammoth's `Result(value, messages)`).
public struct Checked<Value> {
    public var value: Value
    public var diagnostics: [Diagnostic]

    public init(_ value: Value, diagnostics: [Diagnostic] = []) {
        self.value = value
        self.diagnostics = diagnostics
    }
}

extension Checked: Sendable where Value: Sendable {}
