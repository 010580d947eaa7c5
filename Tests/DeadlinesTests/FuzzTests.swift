import Model
import TestSupport
import XCTest
@testable import Deadlines

/// Random and mutated inputs up to 100,000 characters: the parser returns, and its answer is sane.
final class FuzzTests: XCTestCase {
    private let seeds = [
        "ноябрь –декабрь 2021 г., далее - ежегодно сентябрь", "До 13.05.2023 года", "с 1 по 15 сентября 2022г.",
        "ежеквартально до 10 числа месяца, следующего за отчётным", "май Х года", "Декабрь 20201",
        "первая декада сентября 2022", "С февраля 2022 г. на регулярной основе", "III-IV кварталы 2023 г.",
        "с 16 по 30 сентября ежегодно (в период с 2022 по 2024 г.г.)", "до 15.09. 2024", "«__» ________ 2023 г.",
        "Август 2021 г., далее – ежегодно до 1 февраля 2024 года", "II полугодие 2023/2024 уч. года",
    ]
    private let alphabet = Array("0123456789.,-–— ()«»_/ХxXгмаяюсентябрьдекабряквартал\n\tI")
    private let periods = [nil, Period(cli: "2023-01-01..2025-12-31"), Period(cli: "2021-09-01..2022-08-31"),
                           Period(cli: "2024-01-01..2024-12-31"), Period(cli: "0001-01-01..9999-12-31")]

    private func assertSane(_ text: String, period: Period?, file: StaticString = #filePath, line: UInt = #line) {
        let result = DeadlineParser().parse(text, period: period)
        let occurrences = result.value.occurrences
        XCTAssertEqual(occurrences, occurrences.sorted(), "sorted: \(text.prefix(80))", file: file, line: line)
        XCTAssertEqual(Set(occurrences).count, occurrences.count, "unique: \(text.prefix(80))", file: file, line: line)
        for o in occurrences {
            if let start = o.start { XCTAssertLessThanOrEqual(start, o.due, "start <= due: \(text.prefix(80))", file: file, line: line) }
        }
        XCTAssertEqual(result.value.kinds, result.value.kinds.sorted(), file: file, line: line)
        if result.value.kinds.isEmpty, result.value.text != nil {
            XCTAssertFalse(result.diagnostics.isEmpty, "an empty reading is reported: \(text.prefix(80))", file: file, line: line)
        }
        for d in result.diagnostics {
            XCTAssertEqual(d.field, .deadline, file: file, line: line)
            XCTAssertNil(d.item, file: file, line: line)
            XCTAssertFalse(d.message.isEmpty, file: file, line: line)
        }
    }

    func testRandomTexts() {
        var g = SeededGenerator(state: 42)
        for _ in 0..<400 {
            let length = g.int(60)
            let text = String((0..<length).map { _ in alphabet[g.int(alphabet.count)] })
            assertSane(text, period: periods[g.int(periods.count)])
        }
    }

    func testMutatedSeeds() {
        var g = SeededGenerator(state: 7)
        for _ in 0..<600 {
            var chars = Array(seeds[g.int(seeds.count)])
            for _ in 0..<(1 + g.int(4)) {
                let at = g.int(chars.count)
                switch g.int(3) {
                case 0: chars.remove(at: at)
                case 1: chars.insert(alphabet[g.int(alphabet.count)], at: at)
                default: chars[at] = alphabet[g.int(alphabet.count)]
                }
                if chars.isEmpty { break }
            }
            assertSane(String(chars), period: periods[g.int(periods.count - 1)])
        }
    }

    func testHundredThousandCharacters() {
        var g = SeededGenerator(state: 99)
        var text = ""
        var length = 0
        while length < 100_000 {
            let piece = seeds[g.int(seeds.count)] + (g.int(2) == 0 ? ", далее " : " ")
            text += piece
            length += piece.count
        }
        assertSane(String(text.prefix(100_000)), period: periods[1])
        assertSane(String(repeating: "1-", count: 50_000), period: periods[1])
        assertSane(String(repeating: "с ", count: 50_000), period: periods[1])
        assertSane(String(repeating: "9", count: 100_000), period: periods[1])
        assertSane(String(repeating: "ежегодно ", count: 11_000), period: periods[4])
    }

    func testHugePeriodIsBounded() {
        let result = DeadlineParser().parse("ежемесячно", period: periods[4])
        XCTAssertFalse(result.value.occurrences.isEmpty)
        XCTAssertLessThanOrEqual(result.value.occurrences.count, 20_000)
        for text in ["ежеквартально до 10 числа месяца, следующего за отчётным", "декабрь 9999, далее регулярно",
                     "до 01.01.0001", "31.12.9999, далее ежемесячно", "с 9999 г. ежегодно"] {
            assertSane(text, period: periods[4])
        }
    }
}
