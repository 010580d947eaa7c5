import XCTest
@testable import OOXML

/// The pull API over libxml2's SAX2 push parser: events, names, attributes and failures.
final class PullParserTests: XCTestCase {
    private let w = "xmlns:w=\"\(W.wNamespace)\""

    private func parser(_ xml: String, maxDepth: Int = ReadLimits.standard.maxDepth) throws -> XMLPullParser {
        try XMLPullParser(source: MemoryByteSource(Array(xml.utf8)), part: "p.xml", maxDepth: maxDepth)
    }

    /// Every node as one line: `+name`, `-name`, `"text"`; empties marked `/`.
    private func trace(_ p: XMLPullParser) throws -> [String] {
        var out: [String] = []
        while try p.next() {
            switch p.kind {
            case .start: out.append("+" + p.name + (p.isEmptyElement ? "/" : "") + "@\(p.depth)")
            case .end: out.append("-" + p.name + "@\(p.depth)")
            case .text: out.append("\"" + p.text + "\"")
            case .other: out.append("?")
            }
        }
        return out
    }

    func testEmptyElementsStartThenEndAndTextIsOneNode() throws {
        let p = try parser("<w:p \(w)><w:r/><w:t>a&amp;b<!-- note -->c<![CDATA[<d>]]></w:t><w:t></w:t></w:p>")
        XCTAssertEqual(try trace(p), ["+p@0", "+r/@1", "-r@1", "+t@1", "\"a&bc<d>\"", "-t@1", "+t/@1", "-t@1", "-p@0"])
    }

    func testUnreadContentIsReportedAsAnEmptyElement() throws {
        let xml = "<w:styles \(w)><w:style><w:name w:val=\"A\"/><w:rPr><w:b/><w:t>x</w:t></w:rPr>"
            + "<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style><m:rPr xmlns:m=\"urn:m\"><m:b/></m:rPr></w:styles>"
        let p = try XMLPullParser(source: MemoryByteSource(Array(xml.utf8)), part: "p.xml", unreadContent: [.rPr])
        XCTAssertEqual(try trace(p), ["+styles@0", "+style@1", "+name/@2", "-name@2", "+rPr/@2", "-rPr@2",
                                      "+pPr@2", "+outlineLvl/@3", "-outlineLvl@3", "-pPr@2", "-style@1",
                                      "+rPr@1", "+b/@2", "-b@2", "-rPr@1", "-styles@0"],
                       "only WordprocessingML's rPr is left unread")
    }

    func testUnreadContentStillCountsItsDepth() throws {
        let deep = String(repeating: "<w:b>", count: 8) + String(repeating: "</w:b>", count: 8)
        let p = try XMLPullParser(source: MemoryByteSource(Array("<w:rPr \(w)>\(deep)</w:rPr>".utf8)), part: "p.xml",
                                  maxDepth: 5, unreadContent: [.rPr])
        XCTAssertThrowsError(try trace(p)) { XCTAssertEqual($0 as? ReadError, .nestingTooDeep(part: "p.xml")) }
    }

    func testTextLongerThanAChunkStaysOneNode() throws {
        let long = String(repeating: "Я", count: 10_000)
        let p = try parser("<w:t \(w)>\(long)</w:t>")
        XCTAssertEqual(try trace(p), ["+t@0", "\"\(long)\"", "-t@0"])
    }

    func testTagsAndNamespaces() throws {
        let p = try parser("<w:p \(w) xmlns:m=\"urn:m\"><m:p/><w:unknown/></w:p>")
        XCTAssertTrue(try p.next())
        XCTAssertEqual(p.tag, .p)
        XCTAssertEqual(p.namespace, .w)
        XCTAssertTrue(try p.next())
        XCTAssertEqual(p.tag, .other, "a known name outside WordprocessingML is not a w tag")
        XCTAssertEqual(p.namespace, .other)
        XCTAssertTrue(try p.next())
        XCTAssertTrue(try p.next())
        XCTAssertEqual(p.name, "unknown")
        XCTAssertEqual(p.tag, .other)
    }

    func testAttributesAreDecodedAndNamespaced() throws {
        let p = try parser("<w:pStyle \(w) xmlns:x=\"urn:x\" w:val=\"a&amp;b&#38;c&lt;\" x:type=\"other\" plain=\"1\"/>")
        XCTAssertTrue(try p.next())
        XCTAssertEqual(p.attribute("val"), "a&b&c<")
        XCTAssertNil(p.attribute("type"), "an attribute in a foreign namespace is not a w attribute")
        XCTAssertEqual(p.anyAttribute("type"), "other")
        XCTAssertEqual(p.attribute("plain"), "1")
        // Namespace declarations are listed first, named by their prefix, as libxml2's reader did.
        XCTAssertEqual(p.anyAttribute("x"), "urn:x")
        XCTAssertTrue(try p.next())
        XCTAssertEqual(p.kind, .end)
        XCTAssertNil(p.attribute("val"))
    }

    func testSkipAndCollectLeaveTheParserAfterTheElement() throws {
        let p = try parser("<w:body \(w)><w:p><w:r><w:t>x</w:t></w:r></w:p><w:t>a<w:r/>b</w:t><w:br/></w:body>")
        XCTAssertTrue(try p.next())
        XCTAssertTrue(try p.next())
        try p.skipElement()
        XCTAssertEqual(p.kind, .end)
        XCTAssertEqual(p.name, "p")
        XCTAssertTrue(try p.next())
        XCTAssertEqual(try p.collectText(), "ab")
        XCTAssertTrue(try p.next())
        XCTAssertEqual(p.name, "br")
        try p.skipElement()
        XCTAssertTrue(try p.next())
        XCTAssertEqual(p.kind, .end)
        XCTAssertEqual(p.name, "body")
        XCTAssertFalse(try p.next())
    }

    func testNestingPastTheCapIsRefusedEvenBeyondLibxml2sOwnLimit() throws {
        for depth in [20, 300] {
            let p = try parser(String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth), maxDepth: 10)
            XCTAssertThrowsError(try trace(p)) { XCTAssertEqual($0 as? ReadError, .nestingTooDeep(part: "p.xml")) }
        }
    }

    func testMalformedXMLReportsLibxml2sMessageAndLine() throws {
        let p = try parser("<a>\n<b></a>")
        XCTAssertThrowsError(try trace(p)) { error in
            XCTAssertEqual(error as? ReadError,
                           .malformedXML(part: "p.xml", detail: "Opening and ending tag mismatch: b line 2 and a, строка 2"))
        }
    }

    /// libxml2 reports the declaration before it reads the internal subset, and the parser stops there:
    /// in any encoding, after a prolog longer than a chunk, with entities declared or not.
    func testDoctypeIsRefusedBeforeItsInternalSubsetIsRead() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let inUTF16 = try XMLPullParser(source: MemoryByteSource(utf16), part: "p.xml")
        XCTAssertThrowsError(try trace(inUTF16)) { XCTAssertEqual($0 as? ReadError, .doctypeForbidden(part: "p.xml")) }
        let laughs = (1...9).map { "<!ENTITY l\($0) \"" + String(repeating: "&l\($0 - 1);", count: 10) + "\">" }.joined()
        for text in ["<!--" + String(repeating: "x", count: 10_000) + "--><!DOCTYPE a><a/>",
                     "<!DOCTYPE a [<!ENTITY l0 \"ха\">" + laughs + "]><a>&l9;</a>",
                     "<!DOCTYPE a SYSTEM \"file:///etc/hostname\"><a/>"] {
            XCTAssertThrowsError(try trace(try parser(text))) {
                XCTAssertEqual($0 as? ReadError, .doctypeForbidden(part: "p.xml"))
            }
        }
    }

    func testByteSourceFailuresPassThrough() throws {
        final class Failing: XMLByteSource {
            var calls = 0
            func read(into buffer: inout [UInt8]) throws -> Int {
                calls += 1
                if calls > 1 { throw ReadError.entryTooLarge(entry: "p.xml", limit: 1) }
                let bytes = Array("<a><b>".utf8)
                buffer.replaceSubrange(0..<bytes.count, with: bytes)
                return bytes.count
            }
        }
        let p = try XMLPullParser(source: Failing(), part: "p.xml")
        XCTAssertThrowsError(try trace(p)) { XCTAssertEqual($0 as? ReadError, .entryTooLarge(entry: "p.xml", limit: 1)) }
    }
}
