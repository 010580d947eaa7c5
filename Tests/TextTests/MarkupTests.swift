import Text
import XCTest

final class MarkupTests: XCTestCase {
    func testTextAttributeAndHTMLEscaping() {
        XCTAssertEqual(Markup.escape("a & <b> \"q\"\u{0}\u{FFFF}"), "a &amp; &lt;b&gt; \"q\"")
        XCTAssertEqual(Markup.escape("x\"'\n\t", attribute: true), "x&quot;&#39;&#10;&#9;")
        XCTAssertEqual(Markup.html("<i>\nдва\r\n"), "&lt;i&gt;<br>два<br>")
    }
}
