import JSON
import Model
import Text
import XCTest
@testable import Templates

/// The fast paths of filling: byte-level escaping, frozen template subtrees, value breaks.
final class FastPathTests: XCTestCase {
    func testByteEscapingMatchesTheRules() {
        var bytes: [UInt8] = []
        Markup.escape("a&b<c>\"'\t\n\r\u{1}\u{FFFE}\u{FFFF}\u{FEFF}й", into: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "a&amp;b&lt;c&gt;\"'\t\n\r\u{FEFF}й")
        bytes = []
        Markup.escape("x\"'\t\n\r", into: &bytes, attribute: true)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "x&quot;&#39;&#9;&#10;&#13;")
        XCTAssertEqual(Markup.escape("Дорожная карта № 5"), "Дорожная карта № 5")
        XCTAssertEqual(Markup.html("a\r\nb\rc<\u{FFFF}"), "a<br>bc&lt;")
        // Every other printable ASCII character is kept, in every form.
        for b in UInt8(0x20)..<0x7F where !Array("\"&'<>".utf8).contains(b) {
            let text = String(UnicodeScalar(b))
            XCTAssertEqual(Markup.escape(text, attribute: true), text)
            XCTAssertEqual(Markup.html(text), text)
        }
        // HTML appended as bytes: what the string form gives, after what was there.
        for text in ["a\r\nb\rc<\u{FFFF}", "Школа № 5", "\"x\" & 'y'\t\u{1}\u{FEFF}", ""] {
            var html: [UInt8] = Array("<p>".utf8)
            Markup.html(text, into: &html)
            XCTAssertEqual(html, Array(("<p>" + Markup.html(text)).utf8), text)
        }
    }

    func testFrozenTextIsWrittenLikeTheTree() throws {
        // Static paragraphs with escaped text and attributes, a static table, and a tag.
        let body = Fixture.p("<w:pPr><w:jc w:val=\"center\"/></w:pPr>", Fixture.r("A & B <c> \"d\"", rPr: "<w:b/>"))
            + Fixture.table(Fixture.row(Fixture.cell(Fixture.para("статично")), Fixture.cell(Fixture.para("{{x}}"))))
        let template = DocxTemplate(bytes: try Fixture.docx(body), name: "t.docx")
        let prepared = template.prepare()
        let first = try Fixture.part(try prepared.fill(try Fixture.json(#"{"x": "1"}"#)))
        let second = try Fixture.part(try prepared.fill(try Fixture.json(#"{"x": "2 & 3"}"#)))
        XCTAssertTrue(first.contains("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">A &amp; B &lt;c&gt; \"d\"</w:t></w:r></w:p>"))
        XCTAssertTrue(first.contains(">статично<"))
        XCTAssertTrue(second.contains(">2 &amp; 3<"))
        XCTAssertEqual(first.replacingOccurrences(of: ">1<", with: ">2 &amp; 3<"), second)
    }

    func testTabsAndLoneCarriageReturnsInValues() throws {
        let out = try Fixture.fill(Fixture.para("{{text}}"), #"{"text": "a\tb\rc\r\rd"}"#)
        let xml = try Fixture.part(out)
        XCTAssertEqual(Fixture.count("<w:tab/>", in: xml), 1)
        XCTAssertEqual(Fixture.count("<w:br/>", in: xml), 3)
        XCTAssertEqual(Fixture.count("<w:t xml:space=\"preserve\">", in: xml), 4)
    }
}
