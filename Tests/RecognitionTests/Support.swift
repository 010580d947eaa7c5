import Model
import OOXML
import Recognition
import TestSupport
import XCTest

typealias W = WordPackage

/// Recognises a package built from body XML.
func recognize(_ body: String, numbering: String? = nil) throws -> [RecognizedDocument] {
    let bytes = try W.make(body: body, numbering: numbering)
    let tree = try DocxReader().read(bytes: bytes, fileName: "test.docx")
    return Recognizer().recognize(tree)
}

/// A roadmap table: a header row and data rows of plain cells.
func roadmapTable(header: [String], rows: [[String]]) -> String {
    W.table(columns: header.count, rows: [W.tr(header, header: true)] + rows.map { W.tr($0) })
}

/// A row whose second cell spans the rest of the table (a section row).
func sectionRow(_ label: String, _ title: String, columns: Int) -> String {
    "<w:tr>" + W.tc(label) + W.tc(title, props: "<w:gridSpan w:val=\"\(columns - 1)\"/>") + "</w:tr>"
}

extension Array where Element == RecognizedDocument {
    var kinds: [DocumentKind] { map(\.document.kind) }
}
