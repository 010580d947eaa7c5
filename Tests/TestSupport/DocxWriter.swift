import Foundation
import Model
import OOXML
import Text

/// Builds a small, valid .docx package from paragraphs and tables, for test documents and
/// template fixtures (the product reads Word files; it writes them only by filling templates).
public struct DocxWriter: Sendable {
    /// A run of text with simple formatting.
    public struct Run: Sendable, Hashable {
        public var text: String
        public var bold: Bool
        public var italic: Bool
        /// Size in points; `nil` keeps the default.
        public var size: Double?

        public init(_ text: String, bold: Bool = false, italic: Bool = false, size: Double? = nil) {
            self.text = text
            self.bold = bold
            self.italic = italic
            self.size = size
        }
    }

    public enum Alignment: String, Sendable { case left, center, right, both }

    public struct Paragraph: Sendable, Hashable {
        public var runs: [Run]
        public var alignment: Alignment?
        /// Space after the paragraph in points.
        public var spacingAfter: Double?

        public init(_ runs: [Run], alignment: Alignment? = nil, spacingAfter: Double? = nil) {
            self.runs = runs
            self.alignment = alignment
            self.spacingAfter = spacingAfter
        }

        public init(_ text: String, bold: Bool = false, size: Double? = nil, alignment: Alignment? = nil) {
            self.init([Run(text, bold: bold, size: size)], alignment: alignment)
        }
    }

    public enum VerticalMerge: String, Sendable { case restart, `continue` }

    public struct Cell: Sendable, Hashable {
        public var paragraphs: [Paragraph]
        public var verticalMerge: VerticalMerge?
        public var columnSpan: Int
        /// Background colour, `RRGGBB`.
        public var shading: String?

        public init(_ paragraphs: [Paragraph], verticalMerge: VerticalMerge? = nil, columnSpan: Int = 1,
                    shading: String? = nil) {
            self.paragraphs = paragraphs
            self.verticalMerge = verticalMerge
            self.columnSpan = columnSpan
            self.shading = shading
        }

        public init(_ text: String, bold: Bool = false, verticalMerge: VerticalMerge? = nil) {
            self.init([Paragraph(text, bold: bold)], verticalMerge: verticalMerge)
        }
    }

    public struct Row: Sendable, Hashable {
        public var cells: [Cell]
        /// Repeated at the top of each page.
        public var isHeader: Bool

        public init(_ cells: [Cell], isHeader: Bool = false) {
            self.cells = cells
            self.isHeader = isHeader
        }
    }

    public struct Table: Sendable, Hashable {
        /// Column widths in twentieths of a point.
        public var widths: [Int]
        public var rows: [Row]

        public init(widths: [Int], rows: [Row]) {
            self.widths = widths
            self.rows = rows
        }
    }

    public enum Block: Sendable, Hashable {
        case paragraph(Paragraph)
        case table(Table)
    }

    public var body: [Block]
    public var header: [Block]?
    public var footer: [Block]?
    /// Landscape A4 instead of portrait.
    public var landscape: Bool
    public var title: String?

    public init(body: [Block], header: [Block]? = nil, footer: [Block]? = nil, landscape: Bool = false,
                title: String? = nil) {
        self.body = body
        self.header = header
        self.footer = footer
        self.landscape = landscape
        self.title = title
    }

    // MARK: - Package

    /// The package's bytes.
    public func bytes() throws -> [UInt8] {
        let width = landscape ? 16838 : 11906, height = landscape ? 11906 : 16838
        var sectPr = ""
        if header != nil { sectPr += #"<w:headerReference w:type="default" r:id="rIdHeader1"/>"# }
        if footer != nil { sectPr += #"<w:footerReference w:type="default" r:id="rIdFooter1"/>"# }
        sectPr += #"<w:pgSz w:w="\#(width)" w:h="\#(height)"\#(landscape ? #" w:orient="landscape""# : "")/>"#
        sectPr += #"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/>"#
        let document = DocxWriter.documentXML(body: DocxWriter.xml(body) + "<w:sectPr>\(sectPr)</w:sectPr>")
        return try DocxWriter.package(
            documentXML: document,
            headerXMLs: header.map { [DocxWriter.partXML("w:hdr", DocxWriter.xml($0))] } ?? [],
            footerXMLs: footer.map { [DocxWriter.partXML("w:ftr", DocxWriter.xml($0))] } ?? [],
            title: title)
    }

    static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// A `word/document.xml` around body content (which should end with `w:sectPr`).
    public static func documentXML(body: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + "<w:document \(namespaces)><w:body>\(body)</w:body></w:document>"
    }

    /// A header (`w:hdr`) or footer (`w:ftr`) part around content.
    public static func partXML(_ root: String, _ content: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n" + "<\(root) \(namespaces)>\(content)</\(root)>"
    }

    /// A package around ready-made parts: content types, relationships, styles, settings, core properties.
    /// Headers and footers are named `word/headerN.xml`, `word/footerN.xml`, with ids `rIdHeaderN`, `rIdFooterN`.
    public static func package(documentXML: String, headerXMLs: [String] = [], footerXMLs: [String] = [],
                               stylesXML: String? = nil, title: String? = nil) throws -> [UInt8] {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var types = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/word/document.xml" ContentType="\#(main).document.main+xml"/>"#
            + #"<Override PartName="/word/styles.xml" ContentType="\#(main).styles+xml"/>"#
            + #"<Override PartName="/word/settings.xml" ContentType="\#(main).settings+xml"/>"#
            + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        var docRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + #"<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#
        for (i, _) in headerXMLs.enumerated() {
            types += #"<Override PartName="/word/header\#(i + 1).xml" ContentType="\#(main).header+xml"/>"#
            docRels += #"<Relationship Id="rIdHeader\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header\#(i + 1).xml"/>"#
        }
        for (i, _) in footerXMLs.enumerated() {
            types += #"<Override PartName="/word/footer\#(i + 1).xml" ContentType="\#(main).footer+xml"/>"#
            docRels += #"<Relationship Id="rIdFooter\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer\#(i + 1).xml"/>"#
        }
        types += "</Types>"
        docRels += "</Relationships>"
        let rootRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
            + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
            + "</Relationships>"
        let settings = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + "<w:settings \(namespaces)><w:defaultTabStop w:val=\"708\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"
        let core = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">"#
            + (title.map { "<dc:title>\(escape($0))</dc:title>" } ?? "")
            + "<dc:creator>kartograf</dc:creator></cp:coreProperties>"

        var zip = ZipWriter()
        zip.add("[Content_Types].xml", text: types)
        zip.add("_rels/.rels", text: rootRels)
        zip.add("word/document.xml", text: documentXML)
        zip.add("word/_rels/document.xml.rels", text: docRels)
        zip.add("word/styles.xml", text: stylesXML ?? defaultStyles)
        zip.add("word/settings.xml", text: settings)
        for (i, h) in headerXMLs.enumerated() { zip.add("word/header\(i + 1).xml", text: h) }
        for (i, f) in footerXMLs.enumerated() { zip.add("word/footer\(i + 1).xml", text: f) }
        zip.add("docProps/core.xml", text: core)
        return try zip.bytes()
    }

    /// Times New Roman 12, Russian; a bordered table style.
    public static let defaultStyles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + "<w:styles \(namespaces)>"
        + #"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#
        + #"<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
        + #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        + #"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>"#
        + "</w:styles>"

    // MARK: - Markup

    /// Escapes text for element content and attribute values; drops characters XML cannot carry.
    public static func escape(_ s: String) -> String { Markup.escape(s) }

    public static func xml(_ blocks: [Block]) -> String {
        blocks.map { block in
            switch block {
            case let .paragraph(p): return xml(p)
            case let .table(t): return xml(t)
            }
        }.joined()
    }

    public static func xml(_ p: Paragraph) -> String {
        var pPr = ""
        if let after = p.spacingAfter { pPr += "<w:spacing w:after=\"\(Int(after * 20))\"/>" }
        if let a = p.alignment { pPr += "<w:jc w:val=\"\(a.rawValue)\"/>" }
        return "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + p.runs.map(xml).joined() + "</w:p>"
    }

    public static func xml(_ r: Run) -> String {
        var rPr = ""
        if r.bold { rPr += "<w:b/><w:bCs/>" }
        if r.italic { rPr += "<w:i/><w:iCs/>" }
        if let size = r.size { rPr += "<w:sz w:val=\"\(Int(size * 2))\"/><w:szCs w:val=\"\(Int(size * 2))\"/>" }
        var content = ""
        var line = ""
        func flush() {
            if !line.isEmpty { content += "<w:t xml:space=\"preserve\">\(escape(line))</w:t>" }
            line = ""
        }
        for ch in r.text {
            switch ch {
            case "\n", "\r\n": flush(); content += "<w:br/>"
            case "\t": flush(); content += "<w:tab/>"
            default: line.append(ch)
            }
        }
        flush()
        return "<w:r>" + (rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>") + content + "</w:r>"
    }

    public static func xml(_ t: Table) -> String {
        var s = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        for w in t.widths { s += "<w:gridCol w:w=\"\(w)\"/>" }
        s += "</w:tblGrid>"
        for row in t.rows {
            s += "<w:tr>"
            if row.isHeader { s += "<w:trPr><w:tblHeader/></w:trPr>" }
            var column = 0
            for cell in row.cells {
                let width = t.widths[min(column, max(t.widths.count - 1, 0))..<min(column + cell.columnSpan, t.widths.count)].reduce(0, +)
                var tcPr = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
                if cell.columnSpan > 1 { tcPr += "<w:gridSpan w:val=\"\(cell.columnSpan)\"/>" }
                switch cell.verticalMerge {
                case .restart?: tcPr += "<w:vMerge w:val=\"restart\"/>"
                case .continue?: tcPr += "<w:vMerge/>"
                case nil: break
                }
                if let fill = cell.shading { tcPr += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>" }
                s += "<w:tc><w:tcPr>\(tcPr)</w:tcPr>"
                s += cell.paragraphs.isEmpty ? "<w:p/>" : cell.paragraphs.map(xml).joined()
                s += "</w:tc>"
                column += cell.columnSpan
            }
            s += "</w:tr>"
        }
        return s + "</w:tbl>"
    }
}
