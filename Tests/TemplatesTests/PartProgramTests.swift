import Foundation
import JSON
import Model
import OOXML
import XCTest
@testable import Templates

/// Parts compiled to programs write what the tree path writes; parts that table repair
/// could change keep the tree path. (`Fixture.fill` compares the two ways for every test.)
final class PartProgramTests: XCTestCase {
    let restart = "<w:vMerge w:val=\"restart\"/>"

    func testLaterCopiesDropIdsAndBookmarksAndContinueMerges() throws {
        let title = "<w:p w14:paraId=\"0A0B0C0D\" w14:textId=\"1\"><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
            + Fixture.r("{{#groups}}{{label}}") + "<w:bookmarkStart w:id=\"1\" w:name=\"b\"/><w:bookmarkEnd w:id=\"1\"/></w:p>"
        let body = Fixture.table(
            Fixture.row(Fixture.cell(Fixture.para("Пункт")), Fixture.cell(Fixture.para("Что")), Fixture.cell(Fixture.para(""))),
            Fixture.row(Fixture.cell(title, tcPr: restart),
                        Fixture.cell(Fixture.para("{{#items}}{{n}}") + "<w:p><w:bookmarkStart w:id=\"2\" w:name=\"c\"/></w:p>"),
                        Fixture.cell(Fixture.para("{{/items}}{{/groups}}"))))
        let data = #"{"groups": [{"label": "I", "items": [{"n": 1}, {"n": 2}, {"n": 3}]}, {"label": "II", "items": [{"n": 4}]}, {"label": "III", "items": []}]}"#
        let template = DocxTemplate(bytes: try Fixture.docx(body), name: "t.docx")
        XCTAssertEqual(template.prepare().programParts, ["word/document.xml"])
        let xml = try Fixture.part(try Fixture.fill(body, data))
        XCTAssertEqual(Fixture.count(restart, in: xml), 2)
        XCTAssertEqual(Fixture.count("<w:vMerge/>", in: xml), 2)
        XCTAssertEqual(Fixture.count("w14:paraId", in: xml), 1)
        XCTAssertEqual(Fixture.count("<w:bookmarkStart", in: xml), 2)
        XCTAssertEqual(Fixture.count("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:p>", in: xml), 2)
    }

    func testElementsLeftWithoutChildrenAreWrittenEmpty() throws {
        let body = Fixture.p(Fixture.r("{{#a}}"), Fixture.r("{{x}}"), Fixture.r("{{/a}}")) + Fixture.p(Fixture.r("{{y}}"))
        let expected = [
            #"{"a": false, "x": "1", "y": ""}"#: "<w:body><w:p/><w:p/>",
            #"{"a": true, "x": "", "y": "2"}"#: "<w:body><w:p/><w:p><w:r>",
            #"{"a": [{"x": "1"}], "y": ""}"#: "<w:body><w:p><w:r>",
        ]
        for (data, start) in expected {
            let xml = try Fixture.part(try Fixture.fill(body, data))
            XCTAssertTrue(xml.contains(start), data)
        }
        XCTAssertTrue(try Fixture.part(try Fixture.fill(body, #"{"a": [{"x": "1"}], "y": ""}"#)).contains("</w:r></w:p><w:p/>"))
    }

    func testTemplatesThatRepairsCouldChangeKeepTheTreePath() throws {
        let continuing = Fixture.table(
            Fixture.row(Fixture.cell(Fixture.para("{{a}}"), tcPr: restart)),
            Fixture.row(Fixture.cell(Fixture.para(""), tcPr: "<w:vMerge/>")))
        let rowsOnlyInASection = Fixture.table(Fixture.row(Fixture.cell(Fixture.para("{{#items}}{{n}}")),
                                                           Fixture.cell(Fixture.para("{{/items}}"))))
        let cellParagraphInASection = Fixture.table(Fixture.row(Fixture.cell(
            Fixture.para("{{#items}}") + Fixture.para("{{n}}") + Fixture.para("{{/items}}"))))
        let drawingInASection = Fixture.p(Fixture.r("{{#items}}{{n}}"),
            "<w:r><w:drawing><wp:inline><wp:docPr id=\"5\" name=\"Рисунок 5\"/></wp:inline></w:drawing></w:r>", Fixture.r("{{/items}}"))
        let data = #"{"a": "x", "items": [{"n": 1}, {"n": 2}]}"#
        for body in [continuing, rowsOnlyInASection, cellParagraphInASection, drawingInASection] {
            let template = DocxTemplate(bytes: try Fixture.docx(body), name: "t.docx")
            XCTAssertEqual(template.prepare().programParts, [], body)
            _ = try Fixture.fill(body, data)
            _ = try Fixture.fill(body, #"{"a": "", "items": []}"#)
        }
        XCTAssertEqual(DocxTemplate(bytes: try Fixture.docx(Fixture.para("{{a}}")), name: "t.docx").prepare().programParts,
                       ["word/document.xml"])
    }

    func testNodeLimitIsCountedLikeTheTree() throws {
        let body = Fixture.para("{{#a}}") + Fixture.table(Fixture.row(Fixture.cell(Fixture.para("h")), Fixture.cell(Fixture.para("h"))),
                                                          Fixture.row(Fixture.cell(Fixture.para("{{#b}}{{n}}"), tcPr: restart),
                                                                          Fixture.cell(Fixture.para("{{/b}}"))))
            + Fixture.para("{{/a}}")
        var template = DocxTemplate(bytes: try Fixture.docx(body), name: "t.docx")
        template.maxOutputNodes = 400
        let prepared = template.prepare()
        XCTAssertEqual(prepared.programParts, ["word/document.xml"])
        var outcomes: Set<Bool> = []
        for items in 0..<12 {
            let b = JSONValue.array(Array(repeating: .object([("n", .number(1))]), count: items))
            let data = JSONValue.object([("a", .array(Array(repeating: .object([("b", b)]), count: 3)))])
            let byProgram = try? prepared.fill(data)
            let byTree = try? prepared.fill(data, usingPrograms: false)
            XCTAssertEqual(byProgram, byTree, "\(items) items")
            outcomes.insert(byProgram == nil)
        }
        XCTAssertEqual(outcomes, [true, false])
    }
}

final class FilledPartStorageTests: XCTestCase {
    func testSmallPartsAreStoredAndLargeOnesDeflated() throws {
        let body = Fixture.para("{{#items}}") + Fixture.para("Пункт {{n}}: {{text}}") + Fixture.para("{{/items}}")
        func package(items: Int) throws -> [UInt8] {
            let list = (0..<items).map { #"{"n": \#($0), "text": "одно и то же"}"# }.joined(separator: ", ")
            return try Fixture.fill(body, #"{"items": [\#(list)]}"#)
        }
        let small = try package(items: 10)
        let text = Array("одно и то же</w:t></w:r></w:p><w:sectPr>".utf8)
        XCTAssertTrue((0...(small.count - text.count)).contains { small[$0..<($0 + text.count)].elementsEqual(text) })
        let large = try package(items: 2000)
        let xml = try Fixture.part(large)
        XCTAssertGreaterThan(xml.utf8.count, PreparedTemplate.storedBelow)
        XCTAssertLessThan(large.count, xml.utf8.count / 4)
    }
}
