import Foundation
import Model
import OOXML
import Text

/// Writes a minimal, valid SpreadsheetML workbook (.xlsx) that Excel and LibreOffice open:
/// inline strings, column widths, a frozen bold header row, dates as serial numbers
/// with a date format.
public struct XlsxWriter: Sendable {
    public var sheets: [XlsxSheet]

    public init(sheets: [XlsxSheet]) { self.sheets = sheets }

    /// Style indices of `styles.xml`'s `cellXfs`.
    enum Style: Int {
        case plain = 0, header = 1, date = 2, percent = 3, wrapped = 4
    }

    public func bytes() throws -> [UInt8] {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", text: contentTypes)
        zip.add("_rels/.rels", text: XlsxParts.rootRels)
        zip.add("xl/workbook.xml", text: workbook)
        zip.add("xl/_rels/workbook.xml.rels", text: workbookRels)
        zip.add("xl/styles.xml", text: XlsxParts.styles)
        for (i, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(i + 1).xml", text: XlsxWriter.sheetXML(sheet))
        }
        return try zip.bytes()
    }

    public func write(to path: String) throws {
        try Data(try bytes()).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    // MARK: Parts

    var contentTypes: String {
        var s = XlsxParts.declaration
        s += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        s += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        s += #"<Default Extension="xml" ContentType="application/xml"/>"#
        s += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        s += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in sheets.indices {
            s += #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return s + "</Types>"
    }

    var workbook: String {
        var s = XlsxParts.declaration
        s += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        s += #"<bookViews><workbookView/></bookViews><sheets>"#
        var used: Set<String> = []
        for (i, sheet) in sheets.enumerated() {
            let name = XlsxWriter.sheetName(sheet.name, index: i, used: &used)
            s += #"<sheet name="\#(Markup.escape(name, attribute: true))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        return s + "</sheets></workbook>"
    }

    var workbookRels: String {
        var s = XlsxParts.declaration
        s += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in sheets.indices {
            s += #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        s += #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return s + "</Relationships>"
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

    static func sheetXML(_ sheet: XlsxSheet) -> String {
        let width = max(sheet.columns.count, sheet.rows.map(\.count).max() ?? 0, 1)
        var s = XlsxParts.declaration
        s.reserveCapacity(256 + sheet.rows.count * width * 48)
        s += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        s += #"<dimension ref="A1:\#(columnName(width - 1))\#(sheet.rows.count + 1)"/>"#
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
        let letters = (0..<width).map(columnName)
        s += #"<row r="1">"#
        for (i, column) in sheet.columns.enumerated() {
            appendCell(.text(column.title), style: .header, ref: letters[i] + "1", into: &s)
        }
        s += "</row>"
        for (r, row) in sheet.rows.enumerated() {
            let number = String(r + 2)
            s += #"<row r="\#(number)">"#
            for (i, cell) in row.enumerated() where cell != .empty {
                appendCell(cell, style: nil, ref: letters[i] + number, into: &s)
            }
            s += "</row>"
        }
        s += "</sheetData>"
        s += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        return s + "</worksheet>"
    }

    static func appendCell(_ cell: XlsxCell, style: Style?, ref: String, into s: inout String) {
        func open(_ style: Style, _ type: String?) {
            s += #"<c r="\#(ref)""#
            if style != .plain { s += #" s="\#(style.rawValue)""# }
            if let type { s += #" t="\#(type)""# }
            s += ">"
        }
        switch cell {
        case .empty:
            return
        case var .text(text):
            // Excel refuses a workbook with a cell longer than 32,767 characters (UTF-16 units).
            if text.utf16.count > maxCellLength { text = truncated(text) }
            open(style ?? (text.utf8.contains(0x0A) ? .wrapped : .plain), "inlineStr")
            s += "<is><t"
            if text.first?.isWhitespace == true || text.last?.isWhitespace == true { s += #" xml:space="preserve""# }
            s += ">"
            Markup.escape(text, into: &s)
            s += "</t></is></c>"
        case let .integer(n):
            open(style ?? .plain, nil)
            s += "<v>\(n)</v></c>"
        case let .number(x):
            open(style ?? .plain, nil)
            s += "<v>\(format(x))</v></c>"
        case let .date(day):
            open(style ?? .date, nil)
            s += "<v>\(day.excelSerial)</v></c>"
        case let .percent(x):
            open(style ?? .percent, nil)
            s += "<v>\(format(x))</v></c>"
        }
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
