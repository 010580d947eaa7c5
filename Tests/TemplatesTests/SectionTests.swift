import JSON
import Model
import OOXML
@testable import Templates
import XCTest

/// Sections: row loops, block loops, nesting, inverted sections, conditions.
final class SectionTests: XCTestCase {
    let items = #"{"title": "План", "items": [{"n": "1", "what": "Совещание", "when": "январь"}, {"n": "2", "what": "Семинар", "when": "март"}, {"n": "3", "what": "Отчёт", "when": "май"}]}"#

    func testSectionInsideOneRowRepeatsTheRow() throws {
        let body = Fixture.table(
            Fixture.row(Fixture.cell(Fixture.para("№")), Fixture.cell(Fixture.para("Мероприятие")), Fixture.cell(Fixture.para("Срок"))),
            Fixture.row(Fixture.cell(Fixture.splitPara("{{#items}}{{n}}")), Fixture.cell(Fixture.para("{{what}}")),
                        Fixture.cell(Fixture.para("{{when}}{{/items}}"))))
        let out = try Fixture.fill(body, items)
        XCTAssertEqual(try Fixture.cells(out), [["№", "Мероприятие", "Срок"], ["1", "Совещание", "январь"],
                                                 ["2", "Семинар", "март"], ["3", "Отчёт", "май"]])
    }

    func testEmptyListRemovesTheRow() throws {
        let body = Fixture.table(
            Fixture.row(Fixture.cell(Fixture.para("шапка")), Fixture.cell(Fixture.para("")), Fixture.cell(Fixture.para(""))),
            Fixture.row(Fixture.cell(Fixture.para("{{#items}}{{n}}")), Fixture.cell(Fixture.para("{{what}}")),
                        Fixture.cell(Fixture.para("{{/items}}"))))
        let out = try Fixture.fill(body, #"{"items": []}"#)
        XCTAssertEqual(try Fixture.cells(out).count, 1)
    }

    func testSectionOverSeveralParagraphsRepeatsTheBlockAndDropsTagParagraphs() throws {
        let body = Fixture.para("До") + Fixture.para("{{#items}}") + Fixture.para("{{n}}. {{what}}")
            + Fixture.para("Срок: {{when}}") + Fixture.splitPara("{{/items}}") + Fixture.para("После")
        let out = try Fixture.fill(body, items)
        XCTAssertEqual(try Fixture.paragraphs(out), ["До", "1. Совещание", "Срок: январь", "2. Семинар", "Срок: март",
                                                      "3. Отчёт", "Срок: май", "После"])
    }

    func testSectionOverSeveralRowsRepeatsThoseRows() throws {
        let body = Fixture.table(
            Fixture.row(Fixture.cell(Fixture.para("{{#items}}Пункт {{n}}")), Fixture.cell(Fixture.para("{{what}}")), Fixture.cell(Fixture.para(""))),
            Fixture.row(Fixture.cell(Fixture.para("срок")), Fixture.cell(Fixture.para("{{when}}")), Fixture.cell(Fixture.para("{{/items}}"))))
        let out = try Fixture.fill(body, items)
        XCTAssertEqual(try Fixture.cells(out).map { $0[0] + "/" + $0[1] },
                       ["Пункт 1/Совещание", "срок/январь", "Пункт 2/Семинар", "срок/март", "Пункт 3/Отчёт", "срок/май"])
    }

    func testInlineSectionRepeatsRunsWithinAParagraph() throws {
        let out = try Fixture.fill(Fixture.splitPara("Сроки: {{#items}}{{when}}; {{/items}}конец"), items)
        XCTAssertEqual(try Fixture.paragraphs(out), ["Сроки: январь; март; май; конец"])
    }

    func testNestedSectionsResolveInnerNamesFirstThenOuterScopes() throws {
        let data = #"{"org": "Школа", "sections": [{"title": "I", "items": [{"what": "а"}, {"what": "б", "org": "Своя"}]}, {"title": "II", "items": [{"what": "в"}]}]}"#
        let body = Fixture.para("{{#sections}}") + Fixture.para("Раздел {{title}}") + Fixture.para("{{#items}}")
            + Fixture.para("{{title}}: {{what}} ({{org}})") + Fixture.para("{{/items}}") + Fixture.para("{{/sections}}")
        let out = try Fixture.fill(body, data)
        XCTAssertEqual(try Fixture.paragraphs(out), ["Раздел I", "I: а (Школа)", "I: б (Своя)", "Раздел II", "II: в (Школа)"])
    }

    func testInvertedSectionShowsOnlyWhenEmptyFalseOrNull() throws {
        let body = Fixture.para("{{^items}}Пусто{{/items}}") + Fixture.para("{{^flag}}нет флага{{/flag}}")
            + Fixture.para("{{^none}}ничего{{/none}}")
        let empty = try Fixture.fill(body, #"{"items": [], "flag": false, "none": null}"#)
        XCTAssertEqual(try Fixture.paragraphs(empty), ["Пусто", "нет флага", "ничего"])
        let full = try Fixture.fill(body, #"{"items": [1], "flag": true, "none": "x"}"#)
        // The paragraphs are left, empty.
        XCTAssertEqual(try Fixture.paragraphs(full), [])
        XCTAssertFalse(try Fixture.part(full).contains("ничего"))
    }

    func testConditionShowsWhenTruthyWithTheValueAsContext() throws {
        let body = Fixture.para("{{#outcome}}Итог: {{.}}{{/outcome}}") + Fixture.para("{{#person}}{{name}}, {{role}}{{/person}}")
            + Fixture.para("{{#count}}Всего {{.}}{{/count}}")
        let out = try Fixture.fill(body, #"{"outcome": "выполнено", "person": {"name": "Иванова", "role": "куратор"}, "count": 0}"#)
        XCTAssertEqual(try Fixture.paragraphs(out), ["Итог: выполнено", "Иванова, куратор"])
        let none = try Fixture.fill(body, #"{"outcome": "", "person": null, "count": 2}"#)
        XCTAssertEqual(try Fixture.paragraphs(none), ["Всего 2"])
    }

    func testNestedRowLoopsInOneRow() throws {
        let data = #"{"sections": [{"title": "I", "items": [{"what": "а"}, {"what": "б"}]}, {"title": "II", "items": [{"what": "в"}]}]}"#
        let body = Fixture.table(Fixture.row(
            Fixture.cell(Fixture.para("{{#sections}}{{title}}")), Fixture.cell(Fixture.para("{{#items}}{{what}}")),
            Fixture.cell(Fixture.para("{{/items}}{{/sections}}"))))
        let out = try Fixture.fill(body, data)
        XCTAssertEqual(try Fixture.cells(out).map { $0[0] + $0[1] }, ["Iа", "Iб", "IIв"])
    }

    func testSectionsInsideACellRepeatParagraphsOfThatCell() throws {
        let body = Fixture.table(Fixture.row(
            Fixture.cell(Fixture.para("Список") + Fixture.para("{{#items}}") + Fixture.para("– {{what}}") + Fixture.para("{{/items}}")),
            Fixture.cell(Fixture.para("x")), Fixture.cell(Fixture.para("y"))))
        let out = try Fixture.fill(body, items)
        XCTAssertEqual(try Fixture.cells(out).first?.first, "Список\n– Совещание\n– Семинар\n– Отчёт")
    }

    func testACellEmptiedByASectionKeepsAParagraph() throws {
        let body = Fixture.table(Fixture.row(
            Fixture.cell(Fixture.para("{{#items}}") + Fixture.para("{{what}}") + Fixture.para("{{/items}}")),
            Fixture.cell(Fixture.para("x")), Fixture.cell(Fixture.para("y"))))
        let xml = try Fixture.part(try Fixture.fill(body, #"{"items": []}"#))
        XCTAssertTrue(xml.contains("</w:tcPr><w:p/></w:tc>"), xml)
    }
}

/// What Word needs from a filled package.
final class PackageValidityTests: XCTestCase {
    func testATableLeftWithoutRowsIsRemoved() throws {
        let body = Fixture.para("до") + Fixture.table(Fixture.row(
            Fixture.cell(Fixture.para("{{#items}}{{n}}")), Fixture.cell(Fixture.para("")), Fixture.cell(Fixture.para("{{/items}}"))))
            + Fixture.para("после")
        let out = try Fixture.fill(body, #"{"items": []}"#)
        XCTAssertFalse(try Fixture.part(out).contains("<w:tbl>"))
        XCTAssertEqual(try Fixture.paragraphs(out), ["до", "после"])
    }

    func testBookmarksAreNotDuplicatedByLoops() throws {
        let body = Fixture.p(Fixture.r("{{#items}}"), "<w:bookmarkStart w:id=\"1\" w:name=\"b\"/>", Fixture.r("{{n}}"),
                             "<w:bookmarkEnd w:id=\"1\"/>", Fixture.r(";{{/items}}"))
        let xml = try Fixture.part(try Fixture.fill(body, #"{"items": [{"n": 1}, {"n": 2}, {"n": 3}]}"#))
        XCTAssertEqual(Fixture.count("<w:bookmarkStart", in: xml), 1)
        XCTAssertEqual(Fixture.count("<w:bookmarkEnd", in: xml), 1)
    }

    func testOutputRoundTripsAndKeepsEveryOtherPart() throws {
        let template = try Fixture.docx(Fixture.para("{{a}}"), footer: Fixture.para("стр."))
        let out = try DocxTemplate(bytes: template).fill(try Fixture.json(#"{"a": "б"}"#))
        let before = try ZipArchive(bytes: template), after = try ZipArchive(bytes: out)
        XCTAssertEqual(before.entryNames, after.entryNames)
        for name in before.entryNames where name != "word/document.xml" {
            XCTAssertEqual(try before.read(name), try after.read(name), name)
        }
        XCTAssertEqual(try Fixture.paragraphs(out), ["б"])
    }
}

final class StandaloneTagTests: XCTestCase {
    func testRowsHoldingOnlyTagsGoAway() throws {
        let body = Fixture.table(
            Fixture.row(Fixture.cell(Fixture.para("шапка")), Fixture.cell(Fixture.para("")), Fixture.cell(Fixture.para(""))),
            Fixture.row(Fixture.cell(Fixture.para("{{#items}}")), Fixture.cell(Fixture.para("")), Fixture.cell(Fixture.para(""))),
            Fixture.row(Fixture.cell(Fixture.para("{{n}}")), Fixture.cell(Fixture.para("a")), Fixture.cell(Fixture.para(""))),
            Fixture.row(Fixture.cell(Fixture.para("{{n}}")), Fixture.cell(Fixture.para("b")), Fixture.cell(Fixture.para(""))),
            Fixture.row(Fixture.cell(Fixture.para("")), Fixture.cell(Fixture.para("")), Fixture.cell(Fixture.para("{{/items}}"))))
        let out = try Fixture.fill(body, #"{"items": [{"n": "1"}, {"n": "2"}]}"#)
        XCTAssertEqual(try Fixture.cells(out).map { $0[0] + $0[1] }, ["шапка", "1a", "1b", "2a", "2b"])
    }

    func testEmptySectionBetweenTwoTagOnlyParagraphs() throws {
        let body = Fixture.para("до") + Fixture.para("{{#items}}") + Fixture.para("{{/items}}") + Fixture.para("после")
        XCTAssertEqual(try Fixture.paragraphs(try Fixture.fill(body, #"{"items": [1, 2]}"#)), ["до", "после"])
        let rows = Fixture.table(
            Fixture.row(Fixture.cell(Fixture.para("{{#items}}")), Fixture.cell(Fixture.para("")), Fixture.cell(Fixture.para(""))),
            Fixture.row(Fixture.cell(Fixture.para("{{/items}}")), Fixture.cell(Fixture.para("")), Fixture.cell(Fixture.para(""))),
            Fixture.row(Fixture.cell(Fixture.para("итог")), Fixture.cell(Fixture.para("")), Fixture.cell(Fixture.para(""))))
        XCTAssertEqual(try Fixture.cells(try Fixture.fill(rows, #"{"items": [1, 2]}"#)).map { $0[0] }, ["итог"])
    }

    func testSectionTagInsideAHyperlinkKeepsTheLink() throws {
        let body = Fixture.p(Fixture.r("Ссылки: "), "<w:hyperlink r:id=\"rId9\">" + Fixture.r("сайт{{#items}}") + "</w:hyperlink>",
                             Fixture.r(" {{n}}{{/items}}"))
        let out = try Fixture.fill(body, #"{"items": [{"n": 1}, {"n": 2}]}"#)
        let xml = try Fixture.part(out)
        XCTAssertEqual(Fixture.count("<w:hyperlink", in: xml), 2)
        XCTAssertFalse(xml.contains("{{"))
    }
}

final class CopyIdentityTests: XCTestCase {
    func testRepeatedParagraphsDropParagraphIdsAndRenumberDrawings() throws {
        let body = "<w:p w14:paraId=\"1A2B3C4D\" w14:textId=\"77777777\">" + Fixture.r("{{#items}}{{n}}")
            + "<w:r><w:drawing><wp:inline><wp:docPr id=\"5\" name=\"Рисунок 5\"/></wp:inline></w:drawing></w:r>"
            + Fixture.r("{{/items}}") + "</w:p>"
        let xml = try Fixture.part(try Fixture.fill(body, #"{"items": [{"n": 1}, {"n": 2}, {"n": 3}]}"#))
        XCTAssertEqual(Fixture.count("w14:paraId=\"1A2B3C4D\"", in: xml), 1)
        XCTAssertEqual(Fixture.count("<wp:docPr id=\"5\"", in: xml), 1)
        XCTAssertEqual(Fixture.count("<wp:docPr id=", in: xml), 3)
        let block = Fixture.para("{{#items}}") + "<w:p w14:paraId=\"1A2B3C4D\">" + Fixture.r("{{n}}") + "</w:p>" + Fixture.para("{{/items}}")
        let blockXML = try Fixture.part(try Fixture.fill(block, #"{"items": [{"n": 1}, {"n": 2}, {"n": 3}]}"#))
        XCTAssertEqual(Fixture.count("w14:paraId=", in: blockXML), 1)
        XCTAssertEqual(Fixture.count("<w:p>", in: blockXML), 2)
    }
}
