import Model
import XCTest
@testable import Deadlines

final class TokenizerTests: XCTestCase {
    private func kinds(_ text: String) -> [Token.Kind] {
        Tokenizer.tokenize(text, lexicon: Lexicon.shared).map(\.kind)
    }

    func testNumbersWordsDashesAndDots() {
        XCTAssertEqual(kinds("13.05.2023 г."), [.number, .dot, .number, .dot, .number, .word, .dot])
        XCTAssertEqual(kinds("ноябрь –декабрь"), [.word, .dash, .word])
        XCTAssertEqual(kinds("a—b−c-d"), [.word, .dash, .word, .dash, .word, .dash, .word])
    }

    func testBlanks() {
        XCTAssertEqual(kinds("май Х года"), [.word, .placeholder, .word])
        XCTAssertEqual(kinds("20__"), [.number, .placeholder])
        XCTAssertEqual(kinds("«__»"), [.quote, .placeholder, .quote])
    }

    func testKeysAreFolded() {
        let tokens = Tokenizer.tokenize("Отчётным ЁЛКА", lexicon: Lexicon.shared)
        XCTAssertEqual(tokens.map(\.key), ["отчетным", "елка"])
        XCTAssertEqual(tokens.map(\.text), ["Отчётным", "ЁЛКА"])
    }

    func testSpaceBefore() {
        let tokens = Tokenizer.tokenize("15.09. 2024", lexicon: Lexicon.shared)
        XCTAssertEqual(tokens.map(\.spaceBefore), [false, false, false, false, true])
    }

    func testHugeNumberIsCapped() {
        let tokens = Tokenizer.tokenize(String(repeating: "9", count: 500), lexicon: Lexicon.shared)
        XCTAssertEqual(tokens.count, 1)
        XCTAssertEqual(tokens[0].digits, 500)
        XCTAssertLessThan(tokens[0].value, 100_000_000)
    }
}
