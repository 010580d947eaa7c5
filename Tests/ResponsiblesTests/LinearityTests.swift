import Foundation
import Model
import TestSupport
import XCTest
@testable import Responsibles

/// Every cell is read in time linear in its length (issue 19): with the per-cell limit lifted,
/// a 100,000-character cell of any pattern takes about ten times what a 10,000-character one
/// of the same pattern takes, never a hundred; random cells come from a seeded generator.
/// The limit itself turns a long cell into `responsible.too-long`.
final class LinearityTests: XCTestCase {
    private let unlimited = ResponsiblesParser(limit: 200_000)

    private let patterns = [
        "педагог- ", "и ", "Иванова И.И. ", "директор (по согласованию) ", "(", "«", "МБОУ ", "зам. ", "УО РЦО ",
        "П,Р,", "педагогпсихолог ", "руководитель ШМО учителей начальных классов, ", "по УВР, ВР, ",
    ]

    private func assertLinear(_ make: (Int) -> String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        Linearity.assertLinear(name, make, read: { _ = self.unlimited.parse($0) }, file: file, line: line)
    }

    private func text(_ piece: String, length: Int) -> String { Linearity.repeated(piece, length: length) }

    func testRepeatedPatternsGrowLinearly() {
        for piece in patterns {
            assertLinear({ self.text(piece, length: $0) }, piece)
        }
    }

    func testRandomCellsGrowLinearly() {
        let alphabet = Array("абвгдеАБВГДЕ.,;:-–() «»\n\tИОПРзамдиректорпедагог№1".unicodeScalars)
        for seed in [5, 6] as [UInt64] {
            assertLinear({ Linearity.random(alphabet, seed: seed, length: $0) }, "random \(seed)")
        }
    }

    func testRandomMixOfPiecesGrowsLinearly() {
        assertLinear({ Linearity.mix(self.patterns, seed: 2025, length: $0) }, "mix")
    }

    func testRandomCellsAreSane() {
        var g = SeededGenerator(state: 11)
        for _ in 0..<300 {
            var s = ""
            for _ in 0..<(1 + g.int(6)) { s += patterns[g.int(patterns.count)] }
            let result = ResponsiblesParser().parse(s)
            for entry in result.value {
                XCTAssertFalse(entry.text.isEmpty, s)
                XCTAssertNotNil(entry.kind, s)
            }
            if result.value.isEmpty { XCTAssertFalse(result.diagnostics.isEmpty, s) }
        }
    }

    func testLongCellIsReportedNotRead() {
        let long = text("Иванова И.И., ", length: 100_000)
        let result = ResponsiblesParser().parse(long)
        XCTAssertEqual(result.value.count, 0)
        XCTAssertEqual(result.diagnostics.map(\.code), [.responsibleTooLong])
        XCTAssertEqual(result.diagnostics.first?.severity, .warning)
        XCTAssertTrue(result.diagnostics.first?.message.contains("слишком длинная") ?? false)
        let atLimit = text("Иванова И.И., ", length: ResponsiblesParser.defaultLimit - 2)
        XCTAssertGreaterThan(ResponsiblesParser().parse(atLimit).value.count, 200)
    }
}
