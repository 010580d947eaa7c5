import Text
import XCTest

final class ByteSearchTests: XCTestCase {
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
}
