import JSON
import Model
import XCTest
@testable import Templates

/// Text (HTML) templates in the tag language of the .docx templates.
final class TextTemplateTests: XCTestCase {
    func render(_ source: String, _ data: String) throws -> String {
        String(decoding: try TextTemplate(source, name: "t.html").render(try JSONParser.parse(data)), as: UTF8.self)
    }

    func testValuesAreEscapedAndSectionsRepeatWithInnerScopes() throws {
        let out = try render("<h1>{{title}}</h1>{{#items}}<li class=\"{{kind}}\">{{name}} ({{title}})</li>{{/items}}",
                             #"{"title": "A & <B>", "items": [{"name": "x\ny", "kind": "a\"b"}, {"name": 2}]}"#)
        XCTAssertEqual(out, "<h1>A &amp; &lt;B&gt;</h1><li class=\"a&quot;b\">x<br>y (A &amp; &lt;B&gt;)</li>"
                       + "<li class=\"\">2 (A &amp; &lt;B&gt;)</li>")
    }

    func testInvertedSectionsDottedNamesAndTheCurrentValue() throws {
        XCTAssertEqual(try render("{{^list}}пусто{{/list}}|{{#fix}}[{{.}}]{{/fix}}|{{a.b}}", #"{"list": [], "fix": "f", "a": {"b": 1}}"#),
                       "пусто|[f]|1")
        XCTAssertEqual(try render("{{^list}}пусто{{/list}}{{#none}}x{{/none}}", #"{"list": [1]}"#), "")
    }

    func testALineHoldingOnlyASectionTagGoesWhole() throws {
        let source = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n{{^items}}\nнет\n{{/items}}\n"
        XCTAssertEqual(try render(source, #"{"items": [1, 2]}"#), "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n")
        XCTAssertEqual(try render(source, #"{"items": []}"#), "<ul>\n</ul>\nнет\n")
        // A tag sharing its line with text keeps the line.
        XCTAssertEqual(try render("a {{#x}}b{{/x}}\nc", #"{"x": true}"#), "a b\nc")
    }

    func testFaultsAreAllReported() {
        XCTAssertThrowsError(try TextTemplate("{{#a}}{{/b}}{{bad name}}{{#c}}{{x", name: "t.html")) { error in
            let kinds = Set((error as? TemplateError)?.faults.map(\.kind) ?? [])
            XCTAssertEqual(kinds, [.unexpectedClose, .malformedTag, .unclosedTag, .unclosedSection])
        }
    }
}
