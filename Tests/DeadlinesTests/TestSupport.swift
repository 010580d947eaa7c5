import Model
import XCTest
@testable import Deadlines

/// Shared helpers: parse with a period written as in the CLI, build expected occurrences.
enum TestSupport {
    static let parser = DeadlineParser()

    static func parse(_ text: String?, _ period: String? = nil) -> Checked<Deadline> {
        parser.parse(text, period: period.flatMap(Period.init(cli:)))
    }

    static func day(_ iso: String) -> Day {
        guard let d = Day(iso: iso) else { fatalError("bad test date \(iso)") }
        return d
    }

    static func occ(_ start: String?, _ due: String) -> Occurrence {
        Occurrence(start: start.map(day), due: day(due))
    }

    static func codes(_ result: Checked<Deadline>) -> Set<String> {
        Set(result.diagnostics.map(\.code.rawValue))
    }
}

extension XCTestCase {
    /// Asserts kinds, occurrences and diagnostic codes of one text.
    func assertDeadline(_ text: String, period: String? = nil, kinds: [DeadlineKind], _ occurrences: [Occurrence],
                        codes: Set<String> = [], file: StaticString = #filePath, line: UInt = #line) {
        let result = TestSupport.parse(text, period)
        XCTAssertEqual(result.value.kinds, kinds, "kinds of «\(text)»", file: file, line: line)
        XCTAssertEqual(result.value.occurrences, occurrences, "occurrences of «\(text)»", file: file, line: line)
        XCTAssertEqual(TestSupport.codes(result), codes, "diagnostics of «\(text)»", file: file, line: line)
    }
}

let calendar3 = "2023-01-01..2025-12-31"
let academic = "2023-09-01..2024-08-31"
let year2024 = "2024-01-01..2024-12-31"
