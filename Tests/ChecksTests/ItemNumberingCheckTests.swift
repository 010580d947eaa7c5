import Model
import Recognition
import XCTest
@testable import Checks

final class ItemNumberingCheckTests: XCTestCase {
    func diagnostics(_ sections: [(String?, [String])]) -> [String] {
        let doc = Document(kind: .roadmap, sections: sections.map { s in
            Section(number: s.0, title: "t", items: s.1.map { Item(number: $0, activity: "a") })
        })
        return ItemNumberingCheck().check(CheckContext(index: 0, recognized: RecognizedDocument(document: doc)))
            .map { "\($0.code.rawValue) \($0.item ?? "-")" }
    }

    func testGapsAndDuplicates() {
        XCTAssertEqual(diagnostics([(nil, ["1", "2", "3"])]), [])
        XCTAssertEqual(diagnostics([(nil, ["1", "2", "4", "5"])]), ["item.numbering-gap 4"])
        XCTAssertEqual(diagnostics([(nil, ["1", "2", "3", "2"])]), ["item.duplicate-number 2"])
        XCTAssertEqual(diagnostics([(nil, ["3", "4"])]), ["item.numbering-gap 3"], "starts late")
        XCTAssertEqual(diagnostics([("1", ["1.2", "1.3"]), ("2", ["2.1"])]), ["item.numbering-gap 1.2"])
        XCTAssertEqual(diagnostics([("1", ["1.1", "1.2"]), ("2", ["2.1", "2.2"]), ("6.1", ["6.1.1"])]), [])
    }

    func testNumberingThatRestartsInEverySectionIsNoDuplicate() {
        XCTAssertEqual(diagnostics([("1", ["1", "2"]), ("2", ["1", "2", "2"])]), ["item.duplicate-number 2"])
        XCTAssertEqual(diagnostics([("I", ["1", "2"]), ("II", ["3", "4"])]), [])
    }
}
