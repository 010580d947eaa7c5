import Model
import Responsibles
import XCTest

/// The common school abbreviations of posts are roles, from `roles.json` (issue 14): never
/// bodies, and their keys end with no dot.
final class PostAbbreviationTests: XCTestCase {
    func testDeputyDirectorInEveryContraction() {
        for text in ["зам. дир. по УВР", "зам.дир.по УВР", "зам.директора по УВР", "зам. директора по УВР",
                     "замдиректора по УВР", "замдир. по УВР", "ЗДУВР", "ЗД по УВР", "ЗД УВР", "заместитель директора по УВР."] {
            XCTAssertEqual(entries(text), ["role:заместитель директора по УВР"], text)
        }
        XCTAssertEqual(entries("ЗДВР"), ["role:заместитель директора по ВР"])
        XCTAssertEqual(entries("ЗВР"), ["role:заместитель директора по ВР"])
        XCTAssertEqual(entries("ЗД"), ["role:заместитель директора"])
    }

    func testTheDocumentsGlossaryWins() {
        var glossary = Glossary()
        glossary.define("ЗДВР", "заместитель директора по воспитательной работе")
        XCTAssertEqual(entries("ЗДВР", glossary: glossary), ["role:заместитель директора по воспитательной работе"])
    }

    func testOtherContractedPosts() {
        let cases: [(String, String)] = [
            ("кл. рук.", "классный руководитель"), ("кл.руководители", "классный руководитель"),
            ("кл. руководитель", "классный руководитель"), ("соц. педагог", "социальный педагог"),
            ("ст. вожатый", "старший вожатый"), ("педагог-орг.", "педагог-организатор"),
            ("пед.-орг.", "педагог-организатор"), ("учит.-предметники", "учитель-предметник"),
            ("пед.-психолог", "педагог-психолог"), ("педагог-псих.", "педагог-психолог"),
        ]
        for (text, key) in cases {
            XCTAssertEqual(entries(text), ["role:\(key)"], text)
        }
    }

    func testKeysNeverEndWithADot() {
        for text in ["директор.", "зам. директора по УВР.", "ШМО.", "кл. рук.", "учитель физ.-мат.", "руководитель МО."] {
            for entry in ResponsiblesParser().parse(text).value where entry.kind != .person {
                XCTAssertFalse(entry.key?.hasSuffix(".") ?? false, "\(text): \(entry.key ?? "")")
            }
        }
    }
}
