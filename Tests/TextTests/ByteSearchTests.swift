import TestSupport
import Text
import XCTest

final class ByteSearchTests: XCTestCase {
    func testByteSearchFindsUTF8Substrings() {
        let text = "Приказ № 5 (далее – ЦМН); сокращения"
        XCTAssertTrue(text.containsBytes("(далее"))
        XCTAssertTrue(text.containsBytes("ЦМН"))
        XCTAssertTrue(text.containsBytes("сокращения"))
        XCTAssertTrue(text.containsBytes("Приказ"))
        XCTAssertFalse(text.containsBytes("приказ"), "no case folding")
        XCTAssertFalse(text.containsBytes(""))
        XCTAssertFalse("ab".containsBytes("abc"))
        XCTAssertTrue("aab".containsBytes("ab"))
        XCTAssertTrue("ab".containsBytes("ab"))
        XCTAssertFalse("аб".containsBytes("б\u{0301}"), "no Unicode equivalence beyond bytes")
    }

    func testByteSearchMatchesFoundationOnSeededTexts() {
        var random = SeededGenerator(state: 2024)
        let alphabet = Array("аабв ab(")
        for _ in 0..<300 {
            let hay = String((0..<random.int(12)).map { _ in alphabet[random.int(alphabet.count)] })
            let needle = String((0..<1 + random.int(3)).map { _ in alphabet[random.int(alphabet.count)] })
            XCTAssertEqual(hay.containsBytes(needle), hay.contains(needle), "«\(hay)» / «\(needle)»")
        }
    }
}
