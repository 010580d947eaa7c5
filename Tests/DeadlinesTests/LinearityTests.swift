import Foundation
import Model
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

    private struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    private func text(_ piece: String, length: Int) -> String {
        let scalars = Array(piece.unicodeScalars)
        var view = String.UnicodeScalarView()
        for k in 0..<length { view.append(scalars[k % scalars.count]) }
        return String(view)
    }

    /// The fastest of `runs` readings, in seconds.
    private func time(_ text: String, period: Period?, runs: Int) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = unlimited.parse(text, period: period)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    private func assertLinear(_ make: (Int) -> String, period: Period?, _ name: String) {
        // The small time is the best of three, as timer noise weighs most on it. Linear growth is
        // 10×, quadratic 100×; this shared machine's speed moves fourfold within a minute, so 60×
        // is allowed, and a failing pair is timed again before it counts. Small times are floored.
        let small = make(10_000), large = make(100_000)
        var smallTime = time(small, period: period, runs: 3)
        var largeTime = time(large, period: period, runs: 1)
        if largeTime >= 60 * max(smallTime, 0.002) {
            largeTime = min(largeTime, time(large, period: period, runs: 1))
            smallTime = min(smallTime, time(small, period: period, runs: 3))
        }
        XCTAssertLessThan(largeTime, 60 * max(smallTime, 0.002), "«\(name)»: 10k \(smallTime) s, 100k \(largeTime) s")
    }

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
            func make(_ length: Int) -> String {
                var g = Generator(state: seed)
                var view = String.UnicodeScalarView()
                for _ in 0..<length { view.append(alphabet[g.int(alphabet.count)]) }
                return String(view)
            }
            assertLinear(make, period: period, "random \(seed)")
        }
    }

    func testRandomMixOfPiecesGrowsLinearly() {
        func make(_ length: Int) -> String {
            var g = Generator(state: 2024)
            var s = ""
            while s.unicodeScalars.count < length { s += patterns[g.int(patterns.count)] }
            return String(String.UnicodeScalarView(s.unicodeScalars.prefix(length)))
        }
        assertLinear(make, period: period, "mix")
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
