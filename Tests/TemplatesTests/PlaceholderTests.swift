import JSON
import Model
import OOXML
@testable import Templates
import XCTest

/// Placeholders: split runs, formatting, newlines, escaping, headers and footers.
final class PlaceholderTests: XCTestCase {
    func testPlaceholderSplitOneCharacterPerRunIsReplaced() throws {
        let out = try Fixture.fill(Fixture.splitPara("Срок: {{item.deadline.text}}!"),
                                   #"{"item": {"deadline": {"text": "до 1 марта"}}}"#)
        XCTAssertEqual(try Fixture.paragraphs(out), ["Срок: до 1 марта!"])
    }

    func testProofErrorAndBookmarkInsideThePlaceholderAreKept() throws {
        let body = Fixture.p(Fixture.r("Организация: {{org"), "<w:proofErr w:type=\"spellStart\"/>",
                             "<w:bookmarkStart w:id=\"0\" w:name=\"mark\"/>", Fixture.r("an"),
                             "<w:bookmarkEnd w:id=\"0\"/>", "<w:proofErr w:type=\"spellEnd\"/>", Fixture.r("ization}} — да"))
        let out = try Fixture.fill(body, #"{"organization": "МБОУ СОШ № 1"}"#)
        XCTAssertEqual(try Fixture.paragraphs(out), ["Организация: МБОУ СОШ № 1 — да"])
        let xml = try Fixture.part(out)
        XCTAssertTrue(xml.contains("w:bookmarkStart"))
        XCTAssertTrue(xml.contains("w:proofErr"))
        XCTAssertFalse(xml.contains("{{"))
    }

    func testReplacementKeepsTheFirstRunsFormatting() throws {
        let body = Fixture.p(Fixture.r("{{na", rPr: "<w:b/><w:color w:val=\"FF0000\"/>"), Fixture.r("me}}", rPr: "<w:i/>"))
        let xml = try Fixture.part(try Fixture.fill(body, #"{"name": "Иванова"}"#))
        let run = try XCTUnwrap(xml.range(of: "<w:r><w:rPr><w:b/><w:color w:val=\"FF0000\"/></w:rPr><w:t xml:space=\"preserve\">Иванова</w:t></w:r>"))
        XCTAssertFalse(run.isEmpty)
        XCTAssertFalse(xml.contains("<w:i/>"), "the second run held only placeholder text, so it goes")
    }

    func testTextAroundAPlaceholderInTheSameRunStaysInItsOwnRuns() throws {
        let body = Fixture.p(Fixture.r("Итого: {{count}} шт.", rPr: "<w:u w:val=\"single\"/>"))
        let out = try Fixture.fill(body, #"{"count": 12}"#)
        XCTAssertEqual(try Fixture.paragraphs(out), ["Итого: 12 шт."])
        XCTAssertEqual(Fixture.count("<w:u w:val=\"single\"/>", in: try Fixture.part(out)), 3)
    }

    func testNewlinesInValuesBecomeLineBreaks() throws {
        let out = try Fixture.fill(Fixture.para("{{text}}"), #"{"text": "первая\nвторая\r\nтретья"}"#)
        let xml = try Fixture.part(out)
        XCTAssertEqual(Fixture.count("<w:br/>", in: xml), 2)
        XCTAssertEqual(try Fixture.paragraphs(out), ["первая\nвторая\nтретья"])
    }

    func testValuesCannotInjectMarkup() throws {
        let attack = #"</w:t></w:r><w:r><w:t>взлом</w:t></w:r><w:p/> & <!DOCTYPE x> ]]> &amp; "кавычки""#
        let data = JSONValue.object([("x", .string(attack))])
        let template = DocxTemplate(bytes: try Fixture.docx(Fixture.para("[{{x}}]")), name: "t.docx")
        let out = try template.fill(data)
        XCTAssertEqual(try Fixture.paragraphs(out), ["[" + attack + "]"])
        let xml = try Fixture.part(out)
        XCTAssertFalse(xml.contains("<w:t>взлом</w:t>"))
        XCTAssertTrue(xml.contains("&lt;/w:t&gt;"))
        XCTAssertEqual(Fixture.count("<w:p>", in: xml) + Fixture.count("<w:p/>", in: xml), 1)
    }

    func testNumbersBooleansNullsAndArraysShowAsText() throws {
        let body = Fixture.para("{{n}}|{{f}}|{{b}}|{{z}}|{{list}}|{{obj}}")
        let out = try Fixture.fill(body, #"{"n": 3, "f": 2.5, "b": true, "z": null, "list": ["а", "б"], "obj": {"text": "т"}}"#)
        XCTAssertEqual(try Fixture.paragraphs(out), ["3|2.5|да||а, б|т"])
    }

    func testHeadersAndFootersAreFilled() throws {
        let out = try Fixture.fill(Fixture.para("Тело {{a}}"), #"{"a": "1", "b": "2", "c": "3"}"#,
                                   header: Fixture.splitPara("Шапка {{b}}"), footer: Fixture.para("Подвал {{c}}"))
        let tree = try Fixture.tree(out)
        XCTAssertEqual(tree.headers.first?.first.flatMap { if case let .paragraph(p) = $0 { return p.text }; return nil }, "Шапка 2")
        XCTAssertEqual(tree.footers.first?.first.flatMap { if case let .paragraph(p) = $0 { return p.text }; return nil }, "Подвал 3")
    }

    func testSectionsInHeadersAndFaultsNameTheirPart() throws {
        let header = Fixture.para("{{#items}}") + Fixture.para("Шапка {{n}}") + Fixture.para("{{/items}}")
        let out = try Fixture.fill(Fixture.para("тело"), #"{"items": [{"n": 1}, {"n": 2}]}"#, header: header)
        let texts = try Fixture.tree(out).headers.first?.compactMap { b -> String? in
            if case let .paragraph(p) = b { return p.text }
            return nil
        }
        XCTAssertEqual(texts, ["Шапка 1", "Шапка 2"])
        let broken = try Fixture.docx(Fixture.para("тело"), footer: Fixture.para("{{#open}} без конца"))
        let faults = DocxTemplate(bytes: broken).check().faults
        XCTAssertEqual(faults.map(\.id), ["template.unclosed-section"])
        XCTAssertEqual(faults.first?.part, "word/footer1.xml")
    }

    func testCyrillicNamesAndSpacesInsideBraces() throws {
        let out = try Fixture.fill(Fixture.para("{{ организация.название }}"), #"{"организация": {"название": "Школа"}}"#)
        XCTAssertEqual(try Fixture.paragraphs(out), ["Школа"])
    }

    func testLibreOfficeShapedTemplateWithoutRsidsAndRPrVariants() throws {
        // LibreOffice writes no rsids, puts w:rFonts/w:lang in each rPr, splits runs at language changes.
        let lo = "<w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation Serif\"/><w:lang w:val=\"ru-RU\"/>"
        let body = "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/><w:bidi w:val=\"0\"/><w:jc w:val=\"left\"/><w:rPr></w:rPr></w:pPr>"
            + Fixture.r("Ответственный: {{", rPr: lo) + Fixture.r("resp", rPr: lo + "<w:b/>")
            + Fixture.r("}}", rPr: "<w:lang w:val=\"en-US\"/>") + "<w:r><w:rPr></w:rPr><w:t>.</w:t></w:r></w:p>"
        let out = try Fixture.fill(body, #"{"resp": "Петров П. П."}"#)
        XCTAssertEqual(try Fixture.paragraphs(out), ["Ответственный: Петров П. П.."])
        let xml = try Fixture.part(out)
        XCTAssertTrue(xml.contains("<w:rPr>\(lo)</w:rPr><w:t xml:space=\"preserve\">Петров П. П.</w:t>"))
    }
}
