import Foundation
import JSON
import Model
import OOXML
import TestSupport
import XCTest
@testable import Templates

/// Builds small template packages from raw WordprocessingML, and reads results back.
enum Fixture {
    /// A run; `rPr` is the inner XML of `w:rPr`.
    static func r(_ text: String, rPr: String = "") -> String {
        (rPr.isEmpty ? "<w:r>" : "<w:r><w:rPr>\(rPr)</w:rPr>") + "<w:t xml:space=\"preserve\">\(DocxWriter.escape(text))</w:t></w:r>"
    }

    /// A paragraph of runs (or of any inline XML).
    static func p(_ inline: String...) -> String { "<w:p>" + inline.joined() + "</w:p>" }

    /// A paragraph with one run of text.
    static func para(_ text: String) -> String { p(r(text)) }

    /// A paragraph whose text is split into one run per character.
    static func splitPara(_ text: String, rPr: String = "") -> String {
        p(text.map { r(String($0), rPr: rPr) }.joined())
    }

    static func cell(_ content: String, tcPr: String = "") -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/>\(tcPr)</w:tcPr>\(content)</w:tc>"
    }

    static func row(_ cells: String...) -> String { "<w:tr>" + cells.joined() + "</w:tr>" }

    static func table(_ rows: String...) -> String {
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>"
            + rows.joined() + "</w:tbl>"
    }

    static let sectPr = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>"

    static func docx(_ body: String, header: String? = nil, footer: String? = nil) throws -> [UInt8] {
        var body = body
        var refs = ""
        if header != nil { refs += "<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>" }
        if footer != nil { refs += "<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>" }
        body += "<w:sectPr>\(refs)<w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>"
        return try DocxWriter.package(
            documentXML: DocxWriter.documentXML(body: body),
            headerXMLs: header.map { [DocxWriter.partXML("w:hdr", $0)] } ?? [],
            footerXMLs: footer.map { [DocxWriter.partXML("w:ftr", $0)] } ?? [])
    }

    static func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    /// Fills a body template and returns the result package; checks on the way that the
    /// parts' programs write what the trees do.
    static func fill(_ body: String, _ data: String, header: String? = nil, footer: String? = nil) throws -> [UInt8] {
        let values = try json(data)
        let prepared = DocxTemplate(bytes: try docx(body, header: header, footer: footer), name: "test.docx")
            .prepare(schema: TemplateSchema(sample: values))
        let filled = try prepared.fill(values)
        let byTrees = try prepared.fill(values, usingPrograms: false)
        XCTAssertEqual(try part(filled), try part(byTrees), "programs and trees write different documents")
        XCTAssertTrue(filled == byTrees, "programs and trees write different packages")
        return filled
    }

    /// A part's XML text.
    static func part(_ package: [UInt8], _ name: String = "word/document.xml") throws -> String {
        let archive = try ZipArchive(bytes: package)
        return String(decoding: try archive.read(name) ?? [], as: UTF8.self)
    }

    /// The document re-read by the project's reader.
    static func tree(_ package: [UInt8]) throws -> DocumentTree {
        try DocxReader().read(bytes: package, fileName: "out.docx")
    }

    /// The texts of the body paragraphs (outside tables).
    /// The texts of the body's non-empty paragraphs (a section removed from a paragraph leaves it empty).
    static func paragraphs(_ package: [UInt8]) throws -> [String] {
        try tree(package).body.compactMap { if case let .paragraph(p) = $0, !p.text.isEmpty { return p.text }; return nil }
    }

    /// The text of each cell of the first table, row by row.
    static func cells(_ package: [UInt8]) throws -> [[String]] {
        guard let table = try tree(package).tables.first else { return [] }
        return table.rows.map { $0.cells.map(\.text) }
    }

    /// Occurrences of `needle` in `haystack`.
    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}
