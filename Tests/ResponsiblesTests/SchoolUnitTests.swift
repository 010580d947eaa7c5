import Model
import Responsibles
import XCTest

/// School units are bodies, from the nouns of `bodies.json` (issue 14).
final class SchoolUnitTests: XCTestCase {
    func testUnitsAreBodies() {
        for text in ["школьный музей", "Школьный музей боевой славы", "методическое объединение учителей начальных классов",
                     "служба медиации", "Школьная служба примирения", "ШМО", "школьный спортивный клуб",
                     "совет обучающихся", "Совет старшеклассников", "пресс-центр школы", "школьная библиотека",
                     "кружок «Юный эколог»", "Школьный театр «Маска»", "Родительское собрание"] {
            let result = ResponsiblesParser().parse(text).value
            XCTAssertEqual(result.map(\.kind), [.body], text)
            XCTAssertEqual(result.first?.text, text)
        }
    }

    func testQuantifierBeforeABody() {
        XCTAssertEqual(entries("Весь педагогический коллектив"), ["body:Весь педагогический коллектив"])
        XCTAssertEqual(entries("весь коллектив школы, профком"), ["body:весь коллектив школы", "body:профком"])
    }

    func testUnitsInAList() {
        XCTAssertEqual(entries("Совет обучающихся, ШСК, школьный музей"),
                       ["body:Совет обучающихся", "body:ШСК", "body:школьный музей"])
    }

    func testPostsOfAUnitStayPosts() {
        XCTAssertEqual(entries("руководитель школьного музея"), ["role:руководитель школьного музея"])
        XCTAssertEqual(entries("заведующий библиотекой"), ["role:заведующий библиотекой"])
        XCTAssertEqual(entries("руководитель ШМО"), ["role:руководитель ШМО"])
    }
}
