import XCTest
@testable import Model

final class ModelTests: XCTestCase {
    func testNormalizationFoldsSpacesTrimsLinesAndDropsSoftHyphens() {
        XCTAssertEqual(TextNormalizer.normalize("  Директор\tшколы,\u{00A0}\u{00A0}за\u{00AD}м.  \n\n  кураторы "),
                       "Директор школы, зам.\nкураторы")
        XCTAssertNil(TextNormalizer.normalize(" \n\t\u{00A0} "))
        XCTAssertNil(TextNormalizer.normalize(nil))
    }

    func testDayRejectsImpossibleDatesAndHandlesLeapYears() {
        XCTAssertNil(Day(year: 2023, month: 2, day: 29))
        XCTAssertNotNil(Day(year: 2024, month: 2, day: 29))
        XCTAssertNil(Day(year: 2023, month: 13, day: 1))
        XCTAssertEqual(Day(iso: "2023-12-31")?.next.iso, "2024-01-01")
        let d = Day(year: 2024, month: 3, day: 1)!
        XCTAssertEqual(Day(ordinal: d.ordinal), d)
        XCTAssertEqual(Day(year: 1970, month: 1, day: 1)!.ordinal, 0)
    }

    func testJSONRoundTripKeepsKeyOrderAndUnicode() throws {
        let value = JSONValue.object([("b", .string("Директор \"школы\"\n")), ("a", .array([.null, .number(3), .bool(true)]))])
        let text = JSONWriter().string(value)
        XCTAssertTrue(text.contains("Директор"))
        XCTAssertLessThan(text.range(of: "\"b\"")!.lowerBound, text.range(of: "\"a\"")!.lowerBound)
        XCTAssertEqual(try JSONParser.parse(text), value)
        XCTAssertThrowsError(try JSONParser.parse("{\"a\": [1, 2"))
        XCTAssertThrowsError(try JSONParser.parse(String(repeating: "[", count: 10_000)))
    }

    func testJSONEscapesQuotesControlsAndLineSeparatorsOnly() {
        var out: [UInt8] = []
        JSONWriter.escape("a\"b\\c\n\t\u{1}«ё»\u{2028}\u{2029}\u{2026}", into: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), #""a\"b\\c\n\t\u0001«ё»\u2028\u2029…""#)
        XCTAssertEqual(JSONWriter(indent: 0).string(.array([.string(""), .object([])])), #"["",{}]"#)
    }

    func testByteSearchFindsUTF8SubstringsInStringsAndSubstrings() {
        let text = "Приказ № 5 (далее – ЦМН); сокращения"
        let range = text.firstByteRange(of: "(далее")
        XCTAssertEqual(range.map { String(text[$0]) }, "(далее")
        XCTAssertEqual(text[range!.upperBound...].prefix(3), " – ")
        let tail = text.dropFirst(9)
        XCTAssertEqual(tail.firstByteRange(of: "ЦМН").map { String(tail[$0]) }, "ЦМН")
        XCTAssertTrue(tail.containsBytes("сокращения"))
        XCTAssertFalse(tail.containsBytes("Приказ"))
        XCTAssertFalse(text.containsBytes(""))
        XCTAssertFalse("ab".containsBytes("abc"))
        XCTAssertTrue("aab".containsBytes("ab"))
    }

    func testSHA256MatchesKnownDigests() {
        XCTAssertEqual(SHA256.hexDigest([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hexDigest(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // FIPS 180-4's two-block message, and a million a's (15,625 blocks).
        XCTAssertEqual(SHA256.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hexDigest([UInt8](repeating: 0x61, count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        let long = [UInt8](repeating: 0x61, count: 1_000)
        var streamed = SHA256()
        streamed.update(long[0..<333])
        long[333...].withUnsafeBytes { streamed.update($0) }
        XCTAssertEqual(SHA256.hex(streamed.finalize()), SHA256.hexDigest(long))
    }

    func testDiagnosticLocationPrefixesMessage() {
        let d = Diagnostic(.deadlineInvalidDate, field: .deadline, text: "Декабрь 20201", message: "неверный год «20201»")
            .located(document: 0, section: 2, item: "16")
        XCTAssertEqual(d.severity, .error)
        XCTAssertEqual(d.message, "Пункт 16: неверный год «20201»")
        XCTAssertEqual(d.json["item"], .string("16"))
    }
}

final class MarkupTests: XCTestCase {
    func testTextAttributeAndHTMLEscaping() {
        XCTAssertEqual(Markup.escape("a & <b> \"q\"\u{0}\u{FFFF}"), "a &amp; &lt;b&gt; \"q\"")
        XCTAssertEqual(Markup.escape("x\"'\n\t", attribute: true), "x&quot;&#39;&#10;&#9;")
        XCTAssertEqual(Markup.html("<i>\nдва\r\n"), "&lt;i&gt;<br>два<br>")
    }
}

final class TextNormalizerTests: XCTestCase {
    func testEverySpaceBreakAndInvisibleCharacter() {
        let raw = "\u{FEFF}  a\u{2003}b\u{202F}c\u{3000}d\u{200B}e\u{2060}f\u{0001}g\r\n\u{0085}\u{2028}  h\u{2029}i\u{000B}\u{000C}j\u{00AD}k  "
        XCTAssertEqual(TextNormalizer.normalize(raw), "a b c defg\nh\ni\njk")
        XCTAssertEqual(TextNormalizer.singleLine(raw), "a b c defg h i jk")
        XCTAssertEqual(TextNormalizer.normalize("ё 😀\t\tщ"), "ё 😀 щ")
        XCTAssertNil(TextNormalizer.singleLine("\u{00A0}\u{2009}\n\u{00AD}"))
    }
}
