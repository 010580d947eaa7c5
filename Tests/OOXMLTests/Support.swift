import Model
import TestSupport
import XCTest
@testable import OOXML

typealias W = WordPackage

/// Reads a package built from body XML.
func readBody(_ body: String, numbering: String? = nil, styles: String? = nil, footer: String? = nil,
              file: StaticString = #filePath, line: UInt = #line) throws -> DocumentTree {
    let bytes = try W.make(body: body, numbering: numbering, styles: styles, footer: footer)
    return try DocxReader().read(bytes: bytes, fileName: "test.docx")
}

extension DocumentTree {
    var paragraphs: [Paragraph] {
        body.compactMap { if case let .paragraph(p) = $0 { return p } else { return nil } }
    }
}

/// Asserts that reading throws this `ReadError`.
func assertReadError(_ expected: ReadError, _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        XCTAssertEqual(error as? ReadError, expected, file: file, line: line)
    }
}
