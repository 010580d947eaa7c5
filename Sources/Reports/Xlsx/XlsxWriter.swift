import Foundation
import Model
import OOXML
import Text

/// Writes a SpreadsheetML workbook (.xlsx) that Excel and LibreOffice open: inline strings,
/// column widths, a frozen bold header row, dates as serial numbers with a date format,
/// formulas computed on opening, autofilters, conditional highlighting, print setup
/// (landscape, one page wide, header row repeated) and bar charts. Styles: `XlsxStyle`.
public struct XlsxWriter: Sendable {
    public var sheets: [XlsxSheet]
    /// Formulas carry kartograf's result (`XlsxFormula.expected`) as their cached value, which
    /// viewers that do not calculate show (Excel's protected view, previews); the spreadsheet
    /// still recalculates everything on opening. Off in tests that check the spreadsheet's own results.
    public var cachesFormulaResults = true

    public func bytes() throws -> [UInt8] {
        let names = sheetNames
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", text: contentTypes)
        zip.add("_rels/.rels", text: XlsxParts.rootRels)
        zip.add("xl/workbook.xml", text: workbook(names))
        zip.add("xl/_rels/workbook.xml.rels", text: workbookRels)
        zip.add("xl/styles.xml", text: XlsxStyle.stylesXML)
        for (i, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(i + 1).xml", text: XlsxWriter.sheetXML(sheet, name: names[i], cachedResults: cachesFormulaResults))
        }
        for (n, i) in chartSheets.enumerated() {
            let sheet = sheets[i], chart = sheet.chart!
            zip.add("xl/worksheets/_rels/sheet\(i + 1).xml.rels",
                    text: XlsxParts.relationships([("drawing", "../drawings/drawing\(n + 1).xml")]))
            zip.add("xl/drawings/drawing\(n + 1).xml",
                    text: XlsxChart.drawingXML(row: XlsxWriter.lastRow(sheet) + 1,
                                               size: XlsxChart.size(columnWidths: sheet.columns.map(\.width), bars: chart.labels.count)))
            zip.add("xl/drawings/_rels/drawing\(n + 1).xml.rels",
                    text: XlsxParts.relationships([("chart", "../charts/chart\(n + 1).xml")]))
            zip.add("xl/charts/chart\(n + 1).xml", text: XlsxChart.chartXML(
                chart, categories: XlsxChart.reference(chart.categories, sheetName: resolved(chart.categories.sheet, names)),
                values: XlsxChart.reference(chart.values, sheetName: resolved(chart.values.sheet, names))))
        }
        return try zip.bytes()
    }

    public func write(to path: String) throws {
        try Data(try bytes()).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    // MARK: Parts

    /// Indices of the sheets that carry a chart; the n-th of them gets drawing and chart n + 1.
    var chartSheets: [Int] { sheets.indices.filter { sheets[$0].chart != nil } }

    /// The names written into the workbook, in sheet order.
    var sheetNames: [String] {
        var used: Set<String> = []
        return sheets.enumerated().map { XlsxWriter.sheetName($1.name, index: $0, used: &used) }
    }

    /// The written name of the sheet a chart range names (as given to `XlsxSheet`).
    private func resolved(_ raw: String, _ names: [String]) -> String {
        sheets.firstIndex { $0.name == raw }.map { names[$0] } ?? raw
    }

    var contentTypes: String {
        var s = XlsxParts.declaration
        s += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        s += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        s += #"<Default Extension="xml" ContentType="application/xml"/>"#
        s += #"<Override PartName="/xl/workbook.xml" ContentType="\#(XlsxParts.contentType.workbook)"/>"#
        s += #"<Override PartName="/xl/styles.xml" ContentType="\#(XlsxParts.contentType.styles)"/>"#
        for i in sheets.indices {
            s += #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="\#(XlsxParts.contentType.worksheet)"/>"#
        }
        for n in chartSheets.indices {
            s += #"<Override PartName="/xl/drawings/drawing\#(n + 1).xml" ContentType="\#(XlsxParts.contentType.drawing)"/>"#
            s += #"<Override PartName="/xl/charts/chart\#(n + 1).xml" ContentType="\#(XlsxParts.contentType.chart)"/>"#
        }
        return s + "</Types>"
    }

    func workbook(_ names: [String]) -> String {
        var s = XlsxParts.declaration
        s += #"<workbook xmlns="\#(XlsxParts.mainNS)" xmlns:r="\#(XlsxParts.officeRelNS)">"#
        s += #"<bookViews><workbookView/></bookViews><sheets>"#
        for (i, name) in names.enumerated() {
            s += #"<sheet name="\#(Markup.escape(name, attribute: true))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        s += "</sheets><definedNames>"
        for (i, sheet) in sheets.enumerated() {
            let quoted = Markup.escape(XlsxWriter.quotedSheet(names[i]))
            if sheet.autoFilter {
                s += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(i)" hidden="1">\#(quoted)!$A$1:$\#(XlsxWriter.columnName(XlsxWriter.width(sheet) - 1))$\#(sheet.rows.count + 1)</definedName>"#
            }
            s += #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(i)">\#(quoted)!$1:$1</definedName>"#
        }
        // Whatever a formula's cached value, the spreadsheet computes them all on opening.
        return s + #"</definedNames><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>"#
    }

    var workbookRels: String {
        XlsxParts.relationships(sheets.indices.map { ("worksheet", "worksheets/sheet\($0 + 1).xml") } + [("styles", "styles.xml")])
    }

    /// Sheet names: at most 31 characters, none of `[]:*?/\`, unique (case-insensitively), not empty.
    static func sheetName(_ raw: String, index: Int, used: inout Set<String>) -> String {
        var name = String(raw.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        if name.trimmingCharacters(in: .whitespaces).isEmpty { name = "Лист\(index + 1)" }
        var candidate = name
        var n = 2
        while used.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = String(name.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    /// Columns written: the titled ones, or more where a row is longer.
    static func width(_ sheet: XlsxSheet) -> Int {
        max(sheet.columns.count, (sheet.rows + sheet.totals).map(\.count).max() ?? 0, 1)
    }

    /// The last row with cells: the header, the data, the totals.
    static func lastRow(_ sheet: XlsxSheet) -> Int { sheet.rows.count + sheet.totals.count + 1 }

    static func sheetXML(_ sheet: XlsxSheet, name: String, cachedResults: Bool = true) -> String {
        let width = width(sheet)
        let letters = (0..<width).map(columnName)
        let lastRow = lastRow(sheet)
        let lastData = sheet.rows.count + 1
        var s = XlsxParts.declaration
        s.reserveCapacity(1024 + (sheet.rows.count + sheet.totals.count) * width * 48)
        s += #"<worksheet xmlns="\#(XlsxParts.mainNS)" xmlns:r="\#(XlsxParts.officeRelNS)">"#
        s += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        s += #"<dimension ref="A1:\#(letters[width - 1])\#(lastRow)"/>"#
        s += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        s += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !sheet.columns.isEmpty {
            s += "<cols>"
            for (i, column) in sheet.columns.enumerated() {
                s += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(format(column.width))" customWidth="1"/>"#
            }
            s += "</cols>"
        }
        s += "<sheetData>"
        s += #"<row r="1" ht="\#(format(headerHeight(sheet.columns)))" customHeight="1">"#
        for (i, column) in sheet.columns.enumerated() {
            appendCell(.text(column.title), style: .header, ref: letters[i] + "1", into: &s)
        }
        s += "</row>"
        let widths = (0..<width).map { $0 < sheet.columns.count ? sheet.columns[$0].width : defaultColumnWidth }
        for (r, row) in sheet.rows.enumerated() {
            appendRow(row, number: r + 2, role: .data, letters: letters, widths: widths,
                      cachedResults: cachedResults, into: &s)
        }
        for (r, row) in sheet.totals.enumerated() {
            appendRow(row, number: lastData + 1 + r, role: .total, letters: letters, widths: widths,
                      cachedResults: cachedResults, into: &s)
        }
        s += "</sheetData>"
        if sheet.autoFilter {
            s += #"<autoFilter ref="A1:\#(letters[width - 1])\#(lastData)"/>"#
        }
        if !sheet.rows.isEmpty {
            for (priority, highlight) in sheet.highlights.enumerated() {
                // A rule over the data rows, written for the first one; `$` keeps the column fixed.
                s += #"<conditionalFormatting sqref="A2:\#(letters[width - 1])\#(lastData)">"#
                s += #"<cfRule type="expression" dxfId="\#(XlsxStyle.Highlight.attention.rawValue)" priority="\#(priority + 1)"><formula>"#
                Markup.escape("$\(columnName(highlight.column))2=\(quotedString(highlight.equals))", into: &s)
                s += "</formula></cfRule></conditionalFormatting>"
            }
        }
        s += #"<pageMargins left="0.4" right="0.4" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        s += #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
        s += "<headerFooter>"
        if let title = sheet.printTitle {
            s += "<oddHeader>"
            Markup.escape("&C&\"-,Bold\"" + title.replacingOccurrences(of: "&", with: "&&"), into: &s)
            s += "</oddHeader>"
        }
        s += "<oddFooter>&amp;CСтраница &amp;P из &amp;N</oddFooter></headerFooter>"
        if sheet.chart != nil {
            // The chart, below the rows, starts a page of its own.
            s += #"<rowBreaks count="1" manualBreakCount="1"><brk id="\#(lastRow)" max="16383" man="1"/></rowBreaks>"#
            s += #"<drawing r:id="rId1"/>"#
        }
        return s + "</worksheet>"
    }

    static let defaultColumnWidth = 8.43
    static let lineHeight = 15.0

    /// A row; one whose text wraps onto more lines gets the height of its longest cell, since
    /// neither Excel nor LibreOffice fits row heights to wrapped text when it opens a workbook.
    static func appendRow(_ row: [XlsxCell], number: Int, role: XlsxStyle.Role, letters: [String], widths: [Double],
                          cachedResults: Bool, into s: inout String) {
        let n = String(number)
        var lines = 1
        for (i, cell) in row.enumerated() where i < widths.count {
            if case let .text(text) = cell { lines = max(lines, wrappedLines(text, width: max(1, Int(widths[i]) - 1))) }
        }
        s += #"<row r="\#(n)""#
        if lines > 1 { s += #" ht="\#(format(Double(lines) * lineHeight))" customHeight="1""# }
        s += ">"
        // Every cell of a data row is written, empty ones too, so the borders draw a whole grid;
        // a totals row is as wide as its cells (an empty one leaves a gap).
        for (i, letter) in letters.prefix(role == .total ? row.count : letters.count).enumerated() {
            let cell = i < row.count ? row[i] : .empty
            appendCell(cell, style: XlsxStyle.of(cell, role: role), ref: letter + n, cachedResult: cachedResults, into: &s)
        }
        s += "</row>"
    }

    /// A header row tall enough for its longest title wrapped in its column (bold, about a character less).
    static func headerHeight(_ columns: [XlsxColumn]) -> Double {
        let lines = columns.map { wrappedLines($0.title, width: max(1, Int($0.width) - 1)) }.max() ?? 1
        return Double(max(1, lines)) * lineHeight + 3
    }

    /// Lines `text` takes when its paragraphs are wrapped at spaces into `width` characters
    /// (counted as Unicode scalars, which the texts here are made of).
    static func wrappedLines(_ text: String, width: Int) -> Int {
        if text.utf8.count <= width, !text.utf8.contains(0x0A) { return 1 }
        var lines = 1, used = 0, word = 0
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" {
                place(&word, &used, &lines, width)
                if scalar == "\n" { lines += 1; used = 0 }
            } else {
                word += 1
            }
        }
        place(&word, &used, &lines, width)
        return lines
    }

    /// Puts a word of `word` characters on the current line or the next; a word longer than a line breaks.
    private static func place(_ word: inout Int, _ used: inout Int, _ lines: inout Int, _ width: Int) {
        guard word > 0 else { return }
        if used == 0 {
            used = word
        } else if used + 1 + word <= width {
            used += 1 + word
        } else {
            lines += 1
            used = word
        }
        while used > width { lines += 1; used -= width }
        word = 0
    }

    static func appendCell(_ cell: XlsxCell, style: XlsxStyle, ref: String, cachedResult: Bool = true, into s: inout String) {
        func open(_ type: String?) {
            s += #"<c r="\#(ref)""#
            if style != .plain { s += #" s="\#(style.rawValue)""# }
            if let type { s += #" t="\#(type)""# }
            s += ">"
        }
        switch cell {
        case .empty:
            if style != .plain { s += #"<c r="\#(ref)" s="\#(style.rawValue)"/>"# }
        case var .text(text):
            // Excel refuses a workbook with a cell longer than 32,767 characters (UTF-16 units).
            if text.utf16.count > maxCellLength { text = truncated(text) }
            open("inlineStr")
            s += "<is><t"
            if text.first?.isWhitespace == true || text.last?.isWhitespace == true { s += #" xml:space="preserve""# }
            s += ">"
            Markup.escape(text, into: &s)
            s += "</t></is></c>"
        case let .integer(n):
            open(nil)
            s += "<v>\(n)</v></c>"
        case let .number(x), let .percent(x):
            open(nil)
            s += "<v>\(format(x))</v></c>"
        case let .date(day):
            open(nil)
            s += "<v>\(day.excelSerial)</v></c>"
        case let .formula(f):
            // A share of nothing is empty text (`t="str"`), a count a number.
            open(cachedResult && f.expected == nil ? "str" : nil)
            s += "<f>"
            Markup.escape(f.expression, into: &s)
            s += "</f>"
            if cachedResult { s += "<v>" + (f.expected.map(format) ?? "") + "</v>" }
            s += "</c>"
        }
    }

    /// `'Sheet name'` for a reference, with `'` doubled.
    static func quotedSheet(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `"text"` for a formula, with `"` doubled.
    public static func quotedString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let maxCellLength = 32_767

    /// The text cut to fit a cell, ending with «…».
    static func truncated(_ text: String) -> String {
        var out = ""
        var units = 0
        for c in text {
            let n = c.utf16.count
            if units + n > maxCellLength - 1 { break }
            out.append(c)
            units += n
        }
        return out + "…"
    }

    /// `A`, `B`, … `Z`, `AA`, … for a zero-based column index.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}
