import XCTest
@testable import Templates

final class XMLTreeTests: XCTestCase {
    func testRoundTripKeepsNamesAttributesAndDeclaration() throws {
        let xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<w:document xmlns:w="urn:w" xmlns:mc="urn:mc" mc:Ignorable="w14"><w:body><w:p w:rsidR="00AB"><!-- c --><w:r><w:t xml:space="preserve"> a &amp; b &lt;c&gt; &#1044;&#x416; "q" </w:t></w:r></w:p></w:body></w:document>"#
        let doc = try XMLTreeParser.parse(Array(xml.utf8))
        let out = String(decoding: XMLTreeWriter.write(doc), as: UTF8.self)
        XCTAssertTrue(out.hasPrefix(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#))
        XCTAssertTrue(out.contains(#"<w:document xmlns:w="urn:w" xmlns:mc="urn:mc" mc:Ignorable="w14">"#))
        XCTAssertTrue(out.contains(#"<w:p w:rsidR="00AB"><!-- c -->"#))
        XCTAssertTrue(out.contains(#"> a &amp; b &lt;c&gt; ДЖ "q" </w:t>"#))
        XCTAssertEqual(try XMLTreeParser.parse(Array(out.utf8)).root.children.count, 1)
    }

    func testRefusesDoctypeUnknownEntitiesAndBrokenNesting() {
        for bad in [#"<!DOCTYPE a><a/>"#, "<a>&nbsp;</a>", "<a>&e</a>", "<a><b></a></b>", "<a>", "<a/><b/>", #"<a x="1" x="2"/>"#,
                    "<a>&#0;</a>"] {
            XCTAssertThrowsError(try XMLTreeParser.parse(Array(bad.utf8)), bad)
        }
    }

    /// A document type declaration stops libxml2 before its internal subset is read, in any encoding.
    func testDoctypeIsRefusedBeforeItsEntitiesAreDeclared() {
        let laughs = (1...9).map { "<!ENTITY l\($0) \"" + String(repeating: "&l\($0 - 1);", count: 10) + "\">" }.joined()
        let utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>"
        var utf16Bytes: [UInt8] = [0xFF, 0xFE]
        for unit in utf16.utf16 { utf16Bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        for bytes in [Array(("<!DOCTYPE a [<!ENTITY l0 \"ха\">" + laughs + "]><a>&l9;</a>").utf8),
                      Array("<!--x--><!DOCTYPE a SYSTEM \"file:///etc/hostname\"><a/>".utf8), utf16Bytes] {
            XCTAssertThrowsError(try XMLTreeParser.parse(bytes)) {
                XCTAssertEqual(($0 as? XMLSyntaxError)?.reason, "DOCTYPE и объявления сущностей не допускаются")
            }
        }
    }

    func testDepthIsLimited() {
        let deep = String(repeating: "<a>", count: 5_000) + String(repeating: "</a>", count: 5_000)
        XCTAssertThrowsError(try XMLTreeParser.parse(Array(deep.utf8)))
    }
}
