import Foundation
import Model
import TestSupport
import XCTest
@testable import Deadlines

/// Every text is read in time linear in its length (issue 19): with the per-cell limit lifted,
/// a 100,000-character text of any pattern takes about ten times what a 10,000-character one
/// of the same pattern takes, never a hundred. The limit itself turns a long cell into
/// `deadline.too-long`. Patterns are fixed and random ones come from a seeded generator.
final class LinearityTests: XCTestCase {
    private let unlimited = DeadlineParser(limit: 200_000)
    private let period = Period(cli: "2023-01-01..2025-12-31")
    private let wide = Period(cli: "0001-01-01..9999-12-31")

    /// Pieces repeated to length: each stresses one part of the grammar.
    private let patterns = [
        "31.02.2023 ", "1-", "с ", "ежегодно ", "далее ежемесячно, ", "2023-2024 г г ", "00.00.0000 ", "(",
        "ноябрь –декабрь 2021 г., далее - ежегодно сентябрь ", "01.09.2023 по 30.09.2023 ", "не реже 2 раз в ",
    ]

    private func assertLinear(_ make: (Int) -> String, period: Period?, _ name: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        Linearity.assertLinear(name, make, read: { _ = self.unlimited.parse($0, period: period) }, file: file, line: line)
    }

    private func text(_ piece: String, length: Int) -> String { Linearity.repeated(piece, length: length) }

    func testRepeatedPatternsGrowLinearly() {
        for piece in patterns {
            assertLinear({ self.text(piece, length: $0) }, period: period, piece)
        }
        assertLinear({ self.text("далее ежегодно январь, ", length: $0) }, period: wide, "далее ежегодно январь (wide)")
        assertLinear({ self.text("ежемесячно, далее ", length: $0) }, period: wide, "ежемесячно, далее (wide)")
    }

    func testRandomTextsGrowLinearly() {
        let alphabet = Array("0123456789.,-–— ()«»_/ХxXгмаяюсентябрьдекабряквартал\n\tI".unicodeScalars)
        for seed in [1, 2] as [UInt64] {
            assertLinear({ Linearity.random(alphabet, seed: seed, length: $0) }, period: period, "random \(seed)")
        }
    }

    func testRandomMixOfPiecesGrowsLinearly() {
        assertLinear({ Linearity.mix(self.patterns, seed: 2024, length: $0) }, period: period, "mix")
    }

    func testLongCellIsReportedNotRead() {
        let long = text("31.02.2023 ", length: 9_000 * 11)
        let result = DeadlineParser().parse(long, period: period)
        XCTAssertEqual(result.value.text, long.trimmingCharacters(in: .whitespaces))
        XCTAssertEqual(result.value.kinds, [])
        XCTAssertEqual(result.diagnostics.map(\.code), [.deadlineTooLong])
        XCTAssertEqual(result.diagnostics.first?.severity, .warning)
        XCTAssertTrue(result.diagnostics.first?.message.contains("слишком длинный") ?? false)
        // At the limit a cell is still read.
        let atLimit = text("сентябрь 2023, ", length: DeadlineParser.defaultLimit)
        XCTAssertEqual(DeadlineParser().parse(atLimit, period: period).value.kinds, [.date])
    }

    func testRepeatedProblemsAreReportedOnce() {
        let result = unlimited.parse(text("31.02.2023 ", length: 11 * 500), period: period)
        XCTAssertEqual(result.diagnostics.map(\.code), [.deadlineInvalidDate])
        let distinct = unlimited.parse((1...40).map { "31.02.20\($0 + 10)" }.joined(separator: ", "), period: period)
        XCTAssertEqual(distinct.diagnostics.count, DeadlineParser.shownProblems + 1)
        XCTAssertTrue(distinct.diagnostics.last?.message.hasPrefix("Ещё 35") ?? false)
    }

    func testOccurrencesAreCappedPerCell() {
        let result = unlimited.parse(text("ежемесячно, далее ", length: 20_000), period: wide)
        XCTAssertLessThanOrEqual(result.value.occurrences.count, 20_000)
        XCTAssertFalse(result.value.occurrences.isEmpty)
    }
}
