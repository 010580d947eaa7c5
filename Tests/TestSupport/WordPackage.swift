import Model
import OOXML
import Text
/// Builds a minimal WordprocessingML package from part XML: what tests and samples
/// need to make a .docx with exactly the markup they want to exercise.
public enum WordPackage {
    public static let wNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    public static let rNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `body` is the inside of `w:body`; `numbering` and `styles` the inside of their roots.
    public static func make(body: String, numbering: String? = nil, styles: String? = nil,
                            footer: String? = nil, extraParts: [(String, String)] = []) throws -> [UInt8] {
        var zip = ZipWriter()
        var overrides = [
            #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
        ]
        var rels: [String] = []
        if numbering != nil {
            overrides.append(#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#)
            rels.append(#"<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#)
        }
        if styles != nil {
            overrides.append(#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#)
            rels.append(#"<Relationship Id="rIdSty" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#)
        }
        if footer != nil {
            overrides.append(#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#)
            rels.append(#"<Relationship Id="rIdFtr" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#)
        }
        zip.add("[Content_Types].xml", text: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\(overrides.joined())</Types>
            """)
        zip.add("_rels/.rels", text: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """)
        zip.add("word/_rels/document.xml.rels", text: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels.joined())</Relationships>
            """)
        zip.add("word/document.xml", text: """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(wNamespace)" xmlns:r="\(rNamespace)"><w:body>\(body)</w:body></w:document>
            """)
        if let numbering {
            zip.add("word/numbering.xml", text: #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="\#(wNamespace)">\#(numbering)</w:numbering>"#)
        }
        if let styles {
            zip.add("word/styles.xml", text: #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="\#(wNamespace)">\#(styles)</w:styles>"#)
        }
        if let footer {
            zip.add("word/footer1.xml", text: #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="\#(wNamespace)">\#(footer)</w:ftr>"#)
        }
        for (name, xml) in extraParts { zip.add(name, text: xml) }
        return try zip.bytes()
    }

    /// Escapes text for XML character data.
    public static func escape(_ s: String) -> String { Markup.escape(s) }

    /// A paragraph with one run of text; `props` goes into `w:pPr`.
    public static func p(_ text: String, props: String = "", bold: Bool = false) -> String {
        let rPr = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>\(props.isEmpty ? "" : "<w:pPr>\(props)</w:pPr>")<w:r>\(rPr)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    /// A table cell; `props` goes into `w:tcPr`. Lines become paragraphs.
    public static func tc(_ text: String, props: String = "") -> String {
        let paragraphs = text.isEmpty ? "<w:p/>" : text.split(separator: "\n", omittingEmptySubsequences: false).map { p(String($0)) }.joined()
        return "<w:tc>\(props.isEmpty ? "" : "<w:tcPr>\(props)</w:tcPr>")\(paragraphs)</w:tc>"
    }

    /// A table row of plain cells.
    public static func tr(_ cells: [String], header: Bool = false) -> String {
        "<w:tr>\(header ? "<w:trPr><w:tblHeader/></w:trPr>" : "")\(cells.map { tc($0) }.joined())</w:tr>"
    }

    /// A table with a grid of `columns` and the given rows' XML.
    public static func table(columns: Int, rows: [String]) -> String {
        let grid = String(repeating: "<w:gridCol w:w=\"2000\"/>", count: columns)
        return "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>\(grid)</w:tblGrid>\(rows.joined())</w:tbl>"
    }
}
