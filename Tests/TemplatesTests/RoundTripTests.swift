import Model
import OOXML
@testable import Templates
import TestSupport
import XCTest

/// Real Word files pass through the template engine unchanged: the XML tree writes back what it read.
final class RoundTripTests: XCTestCase {
    func testCorpusDocumentsWithoutTagsReadTheSameAfterFilling() throws {
        let dir = try Shared.require("corpus/dev")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".docx") }.sorted()
        XCTAssertFalse(files.isEmpty, "no corpus files in \(dir)")
        var compared = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + file)))
            let template = DocxTemplate(bytes: bytes, name: file)
            let report = template.check()
            guard report.tags.isEmpty, report.isClean else { continue }
            let out = try template.fill(.object([]))
            let before = try DocxReader().read(bytes: bytes, fileName: file)
            let after = try DocxReader().read(bytes: out, fileName: file)
            XCTAssertEqual(before.body, after.body, file)
            XCTAssertEqual(before.headers, after.headers, file)
            XCTAssertEqual(before.footers, after.footers, file)
            compared += 1
        }
        XCTAssertEqual(compared, files.count, "every corpus file is tag-free and clean")
    }
}
