import JSON
import XCTest

final class JSONRoundTripTests: XCTestCase {
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
}
