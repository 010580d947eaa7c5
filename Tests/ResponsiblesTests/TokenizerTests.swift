import XCTest
@testable import Responsibles

/// How a cell is cut into words and what stands between them (`Tokenizer`).
final class TokenizerTests: XCTestCase {
    private func words(_ text: String) -> [String] { Tokenizer(text).tokens.map(\.word) }

    func testSeparatorsBecomeGaps() {
        let tokens = Tokenizer("директор, завуч;\nметодист:  куратор — наставник").tokens
        XCTAssertEqual(tokens.map(\.word), ["директор", "завуч", "методист", "куратор", "наставник"])
        XCTAssertTrue(tokens[1].gap.contains(.comma))
        XCTAssertTrue(tokens[2].gap.contains(.semicolon) && tokens[2].gap.contains(.line))
        XCTAssertTrue(tokens[3].gap.contains(.colon) && tokens[3].gap.contains(.wide))
        XCTAssertTrue(tokens[4].gap.contains(.dash))
    }

    func testHyphenatedWordsAreJoined() {
        XCTAssertEqual(words("педагог- психолог"), ["педагог-психолог"])
        XCTAssertEqual(words("педагог -психолог"), ["педагог-психолог"])
        XCTAssertEqual(words("педагог - психолог"), ["педагог", "психолог"])
        XCTAssertEqual(Tokenizer("педагог- психолог").tokens.first?.folded, "педагог-психолог")
    }

    func testDotsBeforeAWordCut() {
        XCTAssertEqual(words("зам.директора"), ["зам.", "директора"])
        XCTAssertEqual(words("зам.дир.по УВР"), ["зам.", "дир.", "по", "УВР"])
        XCTAssertEqual(words("О.А.Кулешова"), ["О.А.", "Кулешова"])
        XCTAssertEqual(words("т.д."), ["т.д."])
    }

    func testInitialsTypedWithCommas() {
        XCTAssertEqual(words("Сидорову П,Р,"), ["Сидорову", "П,Р"])
        XCTAssertEqual(words("Сидорову П,Р."), ["Сидорову", "П,Р."])
        XCTAssertEqual(words("УО,РЦО"), ["УО", "РЦО"])
        XCTAssertEqual(words("А,Б,В,Г"), ["А", "Б", "В", "Г"])
    }

    func testBracketsAndText() {
        let tokenizer = Tokenizer("Алимова Н.Е.(по согласованию)")
        XCTAssertEqual(tokenizer.tokens.map(\.word), ["Алимова", "Н.Е.", "(по", "согласованию)"])
        XCTAssertEqual(tokenizer.tokens.map(\.depth), [0, 0, 0, 1])
        XCTAssertEqual(tokenizer.text(0..<2), "Алимова Н.Е.")
    }
}
