import Model

/// One spreadsheet cell's value.
public enum XlsxCell: Hashable, Sendable {
    case empty
    case text(String)
    case integer(Int)
    case number(Double)
    /// A real date: the Excel serial number with the `dd.mm.yyyy` format.
    case date(Day)
    /// A fraction shown as a percentage (0.5 → 50%).
    case percent(Double)

    /// `.text` for a value, `.empty` for nil or empty text.
    public static func optional(_ text: String?) -> XlsxCell {
        guard let text, !text.isEmpty else { return .empty }
        return .text(text)
    }

    /// `.date` for a value, `.empty` for nil.
    public static func optional(_ day: Day?) -> XlsxCell { day.map(XlsxCell.date) ?? .empty }
}

extension Day {
    /// Days since 1899-12-30, Excel's (and LibreOffice's) date serial number.
    public var excelSerial: Int { ordinal + 25569 }
}

/// A column: its header and width in characters.
public struct XlsxColumn: Hashable, Sendable {
    public var title: String
    public var width: Double

    public init(_ title: String, width: Double) {
        self.title = title
        self.width = width
    }
}

/// A worksheet: a bold, frozen header row of column titles, then data rows.
public struct XlsxSheet: Hashable, Sendable {
    public var name: String
    public var columns: [XlsxColumn]
    public var rows: [[XlsxCell]]

    public init(name: String, columns: [XlsxColumn], rows: [[XlsxCell]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}
