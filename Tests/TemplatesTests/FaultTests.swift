import JSON
import Model
import OOXML
import TestSupport
@testable import Templates
import XCTest

/// A template that cannot be filled is rejected with all its faults, each with a stable id.
final class FaultTests: XCTestCase {
    func faults(_ body: String, schema: String? = nil) throws -> [TemplateFault] {
        let template = DocxTemplate(bytes: try Fixture.docx(body), name: "t.docx")
        return template.check(schema: try schema.map { TemplateSchema(sample: try Fixture.json($0)) }).faults
    }

    func assertRussian(_ fault: TemplateFault, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(fault.message.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, fault.message,
                      file: file, line: line)
    }

    /// A relationships part that is not XML makes the template unreadable, said in Russian with the
    /// part's name, rather than leaving its headers and footers unfilled without a word.
    func testBrokenRelationshipsAreAFault() throws {
        let good = try ZipArchive(bytes: try Fixture.docx(Fixture.para("{{name}}"), header: Fixture.para("{{name}}")))
        var zip = ZipWriter()
        for entry in good.entryNames {
            let broken = entry == "word/_rels/document.xml.rels"
            zip.add(entry, broken ? Array("<Relationships".utf8) : try good.read(entry) ?? [])
        }
        let f = DocxTemplate(bytes: try zip.bytes(), name: "t.docx").check().faults
        XCTAssertEqual(f.map(\.id), ["template.not-docx"])
        XCTAssertTrue(f[0].message.contains("word/_rels/document.xml.rels"), f[0].message)
        assertRussian(f[0])
    }

    func testUnclosedSection() throws {
        let f = try faults(Fixture.para("Начало") + Fixture.para("{{#items}}{{name}}"))
        XCTAssertEqual(f.map(\.id), ["template.unclosed-section"])
        XCTAssertEqual(f[0].tag, "{{#items}}")
        XCTAssertEqual(f[0].context, "{{#items}}{{name}}")
        XCTAssertEqual(f[0].part, "word/document.xml")
        assertRussian(f[0])
    }

    func testUnexpectedClose() throws {
        let f = try faults(Fixture.para("текст {{/items}} конец"))
        XCTAssertEqual(f.map(\.id), ["template.unexpected-close"])
        XCTAssertEqual(f[0].context, "текст {{/items}} конец")
    }

    func testCrossedSectionsAreOneFault() throws {
        let f = try faults(Fixture.para("{{#a}}") + Fixture.para("{{#b}}") + Fixture.para("{{/a}}") + Fixture.para("{{/b}}"))
        XCTAssertEqual(f.map(\.id), ["template.crossed-sections"])
        XCTAssertEqual(f[0].tag, "{{/a}}")
        XCTAssertTrue(f[0].message.contains("«b»"))
    }

    func testSectionFromACellToOutsideTheTable() throws {
        let body = Fixture.table(Fixture.row(Fixture.cell(Fixture.para("{{#items}}")), Fixture.cell(Fixture.para("")),
                                             Fixture.cell(Fixture.para("")))) + Fixture.para("{{/items}}")
        let f = try faults(body)
        XCTAssertEqual(f.map(\.id), ["template.section-across-cells"])
        XCTAssertEqual(f[0].tag, "{{#items}}")
    }

    func testSectionFromOneTableToAnother() throws {
        let t = { (s: String) in Fixture.table(Fixture.row(Fixture.cell(Fixture.para(s)), Fixture.cell(Fixture.para("")), Fixture.cell(Fixture.para("")))) }
        XCTAssertEqual(try faults(t("{{#x}}") + Fixture.para("") + t("{{/x}}")).map(\.id), ["template.section-across-cells"])
    }

    func testMalformedAndUnclosedTags() throws {
        let f = try faults(Fixture.para("{{две части}} и {{}} и {{#}}") + Fixture.para("{{name без конца"))
        XCTAssertEqual(f.map(\.id), ["template.malformed-tag", "template.malformed-tag", "template.malformed-tag",
                                     "template.unclosed-tag"])
        XCTAssertEqual(f[0].tag, "{{две части}}")
        XCTAssertEqual(f[3].tag, "{{name без конца")
    }

    func testUnknownNameListsTheNamesAvailableThere() throws {
        let body = Fixture.para("{{org}}") + Fixture.para("{{#items}}") + Fixture.para("{{what}} {{whne}} {{org}}")
            + Fixture.para("{{/items}}") + Fixture.para("{{what}}")
        let f = try faults(body, schema: #"{"org": "x", "items": [{"what": "a", "when": "b"}, {"what": "c", "extra": 1}]}"#)
        XCTAssertEqual(f.map(\.id), ["template.unknown-name", "template.unknown-name"])
        XCTAssertEqual(f[0].tag, "{{whne}}")
        XCTAssertEqual(f[0].available, ["what", "when", "extra", "org", "items"])
        XCTAssertEqual(f[1].tag, "{{what}}")
        XCTAssertEqual(f[1].available, ["org", "items"])
        assertRussian(f[0])
    }

    func testWithoutSchemaNamesAreNotChecked() throws {
        XCTAssertEqual(try faults(Fixture.para("{{anything.at.all}}")), [])
    }

    func testAllFaultsAreReportedAtOnceAndFillIsRefused() throws {
        let body = Fixture.para("{{#open}}") + Fixture.para("{{/stray}}") + Fixture.para("{{bad tag}}")
            + Fixture.table(Fixture.row(Fixture.cell(Fixture.para("{{#cell}}")), Fixture.cell(Fixture.para("")), Fixture.cell(Fixture.para(""))))
            + Fixture.para("{{/cell}} {{unknown}}")
        let template = DocxTemplate(bytes: try Fixture.docx(body), name: "t.docx")
        XCTAssertThrowsError(try template.fill(try Fixture.json(#"{"open": true, "cell": true}"#))) { error in
            let ids = Set((error as? TemplateError)?.faults.map(\.id) ?? [])
            XCTAssertEqual(ids, ["template.unclosed-section", "template.unexpected-close", "template.malformed-tag",
                                 "template.section-across-cells", "template.unknown-name"])
            XCTAssertTrue("\(error)".contains("t.docx"))
        }
    }

    func testNotADocxAndForbiddenDoctype() throws {
        XCTAssertEqual(DocxTemplate(bytes: Array("просто текст".utf8), name: "t.docx").check().faults.map(\.id),
                       ["template.not-docx"])
        let doctype = #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"#
        let bytes = try DocxWriter.package(documentXML: doctype)
        XCTAssertEqual(DocxTemplate(bytes: bytes, name: "t.docx").check().faults.map(\.id), ["template.invalid-xml"])
    }

    func testNestedLoopsCannotBlowTheOutputUp() throws {
        let body = Fixture.para("{{#a}}{{#a}}{{#a}}{{#a}}x{{/a}}{{/a}}{{/a}}{{/a}}")
        var template = DocxTemplate(bytes: try Fixture.docx(body), name: "t.docx")
        template.maxOutputNodes = 10_000
        let data = JSONValue.object([("a", .array(Array(repeating: .number(1), count: 30)))])
        XCTAssertThrowsError(try template.fill(data)) {
            XCTAssertEqual(($0 as? TemplateError)?.faults.map(\.id), ["template.output-too-large"])
        }
        XCTAssertNoThrow(try template.fill(.object([("a", .array([.number(1), .number(2)]))])))
    }

    func testFaultIdsAreStable() {
        XCTAssertEqual(TemplateFault.Kind.allCases.map(\.rawValue), [
            "template.not-docx", "template.invalid-xml", "template.malformed-tag", "template.unclosed-tag",
            "template.unclosed-section", "template.unexpected-close", "template.crossed-sections",
            "template.section-across-cells", "template.unknown-name", "template.output-too-large",
        ])
    }

    func testInventoryListsTagsAndSections() throws {
        let body = Fixture.para("{{org}} {{org}}") + Fixture.table(Fixture.row(
            Fixture.cell(Fixture.para("{{#items}}{{what}}")), Fixture.cell(Fixture.para("{{^what}}нет{{/what}}")),
            Fixture.cell(Fixture.para("{{/items}}"))))
        let report = DocxTemplate(bytes: try Fixture.docx(body)).check()
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(report.tags.map(\.tag), ["{{org}}", "{{#items}}", "{{what}}", "{{^what}}", "{{/what}}", "{{/items}}"])
        XCTAssertEqual(report.tags.first?.count, 2)
        XCTAssertEqual(report.sections.map { "\($0.name):\($0.inverted):\($0.placement)" },
                       ["items:false:строка таблицы", "what:true:в абзаце"])
    }
}
