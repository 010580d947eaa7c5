import Extraction
import Model
import OOXML
import TestSupport
import XCTest

/// `document.no-items` from a Word file, through the whole extraction.
final class NoItemsExtractionTests: XCTestCase {
    /// From a Word file: a plan whose only table names none of a roadmap's columns.
    func testAWordFileWhoseTableIsNotRead() throws {
        let body = WordPackage.p("План мероприятий на 2024 год", bold: true)
            + WordPackage.table(columns: 2, rows: [WordPackage.tr(["Ф.И.О.", "Подпись"]), WordPackage.tr(["Иванова А.А.", ""])])
        let bytes = try WordPackage.make(body: body)
        let export = Extractor().extract(bytes: bytes, fileName: "план.docx")
        let codes = export.diagnostics.map(\.code)
        XCTAssertTrue(codes.contains(.documentNoItems), "\(codes)")
        XCTAssertTrue(export.diagnostics.first { $0.code == .documentNoItems }!.message.contains("таблица № 1"))
    }
}
