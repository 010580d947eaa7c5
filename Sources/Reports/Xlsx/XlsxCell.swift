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
    /// A formula the spreadsheet computes when it opens the workbook.
    case formula(XlsxFormula)

    /// `.text` for a value, `.empty` for nil or empty text.
    public static func optional(_ text: String?) -> XlsxCell {
        guard let text, !text.isEmpty else { return .empty }
        return .text(text)
    }

    /// `.date` for a value, `.empty` for nil.
    public static func optional(_ day: Day?) -> XlsxCell { day.map(XlsxCell.date) ?? .empty }
}

/// A formula such as `SUM(C2:C9)` (written without the leading `=`).
///
/// `expected` is what kartograf computed from the same data: the formula's cached value in the
/// workbook (see `XlsxWriter.cachesFormulaResults`), the cache of a chart that plots the cell, and
/// what the tests compare the spreadsheet's own result with. Excel and LibreOffice recalculate
/// every formula on opening (`fullCalcOnLoad`).
public struct XlsxFormula: Hashable, Sendable {
    public var expression: String
    /// `nil` when the formula yields empty text (a share of nothing).
    public var expected: Double?
    /// Shown as a percentage.
    public var isPercent: Bool

    public init(_ expression: String, expected: Double?, percent: Bool = false) {
        self.expression = expression
        self.expected = expected
        self.isPercent = percent
    }
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

/// Data rows highlighted (conditional formatting) where one column holds a given text.
public struct XlsxHighlight: Hashable, Sendable {
    /// Zero-based column index.
    public var column: Int
    public var equals: String
}

/// A column of data rows on a sheet, addressed by the sheet's name as given to `XlsxSheet`.
public struct XlsxColumnRange: Hashable, Sendable {
    public var sheet: String
    /// Zero-based column index.
    public var column: Int
    /// One-based first and last rows.
    public var rows: ClosedRange<Int>
}

/// A horizontal bar chart of one series: a bar per category, values as percentages from 0 to 100 %.
public struct XlsxBarChart: Hashable, Sendable {
    public var title: String
    public var categories: XlsxColumnRange
    public var values: XlsxColumnRange
    /// The series' name (a header cell's text).
    public var seriesName: String
    /// Cached labels and values, one per row, shown until the spreadsheet recomputes them; `nil` is no bar.
    public var labels: [String]
    public var cachedValues: [Double?]
}

/// A worksheet: a bold, wrapped, frozen header row of column titles, the data rows, then
/// optional totals rows. Every sheet prints landscape, one page wide, the header row repeated
/// on every page, with `printTitle` at the top and page numbers at the bottom.
public struct XlsxSheet: Hashable, Sendable {
    public var name: String
    public var columns: [XlsxColumn]
    public var rows: [[XlsxCell]] = []
    /// Rows after the data (bold, outside the filter), e.g. `SUM` formulas over the data rows.
    public var totals: [[XlsxCell]] = []
    /// An autofilter over the header and data rows.
    public var autoFilter = false
    public var highlights: [XlsxHighlight] = []
    /// The page header when printed.
    public var printTitle: String?
    /// A chart below the rows, printed on a page of its own.
    public var chart: XlsxBarChart?

    /// One-based rows of the data (after the header row); `nil` when there is none.
    public var dataRows: ClosedRange<Int>? { rows.isEmpty ? nil : 2...(rows.count + 1) }

    /// The row number of totals row `index`.
    public func totalsRow(_ index: Int) -> Int { rows.count + 2 + index }

    /// `C2:C9`: a column over the data rows; `nil` when there is none.
    public func dataRange(_ column: Int) -> String? {
        guard let rows = dataRows else { return nil }
        let letter = XlsxWriter.columnName(column)
        return "\(letter)\(rows.lowerBound):\(letter)\(rows.upperBound)"
    }
}
