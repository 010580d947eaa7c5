import Foundation
import Model
import XCTest
@testable import Templates

/// Generated templates and data: paragraphs, inline and paragraph sections, inverted sections,
/// tables whose rows repeat beside merged cells, nested sections, bookmarks and paragraph ids.
/// Each is filled by the parts' programs and by trees (`Fixture.fill` compares the packages).
final class GeneratedTemplateTests: XCTestCase {
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }

        mutating func pick<T>(_ options: [T]) -> T { options[next(options.count)] }

        mutating func variable() -> String { "{{\(pick(["x", "y", "z", "v"]))}}" }

        mutating func paragraph() -> String {
            let id = next(3) == 0 ? " w14:paraId=\"0A0B0C\(next(90) + 10)\" w14:textId=\"1\"" : ""
            let mark = next(4) == 0 ? "<w:bookmarkStart w:id=\"\(next(99))\" w:name=\"b\(next(99))\"/><w:bookmarkEnd w:id=\"1\"/>" : ""
            return "<w:p\(id)>" + Fixture.r("текст \(variable()) & <знаки>") + mark + "</w:p>"
        }

        mutating func blocks(depth: Int) -> String {
            (0..<(1 + next(3))).map { _ in block(depth: depth) }.joined()
        }

        mutating func block(depth: Int) -> String {
            let list = pick(["a", "b", "c"])
            switch depth > 2 ? 0 : next(5) {
            case 1:
                let open = next(4) == 0 ? "^" : "#"
                return Fixture.para("{{\(open)\(list)}}") + blocks(depth: depth + 1) + Fixture.para("{{/\(list)}}")
            case 2:
                return Fixture.p(Fixture.r("до {{#\(list)}}[\(variable())]{{/\(list)}} после"))
            case 3:
                // The protocol's shape: a merged title cell, a nested section repeating rows.
                let inner = list == "a" ? "b" : "a"
                let cells = Fixture.cell(Fixture.para("{{#\(list)}}\(variable())"), tcPr: "<w:vMerge w:val=\"restart\"/>")
                    + Fixture.cell(Fixture.para("{{#\(inner)}}\(variable())"))
                    + Fixture.cell(Fixture.para(variable() + "{{/\(inner)}}{{/\(list)}}"))
                return Fixture.table(Fixture.row(Fixture.cell(paragraph()), Fixture.cell(paragraph()), Fixture.cell(paragraph())),
                                     Fixture.row(cells))
            case 4:
                return Fixture.table(Fixture.row(Fixture.cell(Fixture.para("{{#\(list)}}"))),
                                     Fixture.row(Fixture.cell(paragraph()), Fixture.cell(Fixture.para(variable()))),
                                     Fixture.row(Fixture.cell(Fixture.para("{{/\(list)}}"))))
            default:
                return paragraph()
            }
        }

        mutating func value() -> String {
            pick(["\"\"", "\"текст\"", "\"a & b <c>\\nвторая строка\\tтаб\"", "0", "7", "true", "false", "null"])
        }

        mutating func object(depth: Int) -> String {
            var pairs = ["x", "y", "z", "v"].map { "\"\($0)\": \(value())" }
            for list in ["a", "b", "c"] {
                if depth == 0 || next(3) == 0 { pairs.append("\"\(list)\": \(array(depth: depth + 1))") }
            }
            return "{" + pairs.joined(separator: ", ") + "}"
        }

        mutating func array(depth: Int) -> String {
            guard depth < 3 else { return "[]" }
            if next(6) == 0 { return pick(["true", "false", "null", "\"да\""]) }
            return "[" + (0..<next(4)).map { _ in object(depth: depth) }.joined(separator: ", ") + "]"
        }
    }

    func testProgramsWriteWhatTreesWrite() throws {
        var generator = Generator(state: 20_241)
        var programs = 0
        for _ in 0..<150 {
            let body = generator.blocks(depth: 0)
            let template = DocxTemplate(bytes: try Fixture.docx(body), name: "t.docx")
            if template.prepare().programParts == ["word/document.xml"] { programs += 1 }
            for _ in 0..<3 { _ = try Fixture.fill(body, generator.object(depth: 0)) }
        }
        XCTAssertGreaterThan(programs, 50, "most generated parts are filled by programs")
    }
}
