import Foundation
import Model
import XCTest
@testable import Deadlines

/// `aliases` of `phrases.json`: phrases read as another wording the grammar knows; the cell keeps its text.
final class AliasTests: XCTestCase {
    func testSchoolYearAndHolidayPhrases() {
        assertDeadline("в конце учебного года", period: academic, kinds: [.date], [TestSupport.occ("2024-05-01", "2024-05-31")])
        assertDeadline("в начале учебного года", period: academic, kinds: [.date], [TestSupport.occ("2023-09-01", "2023-09-30")])
        assertDeadline("в конце года", period: year2024, kinds: [.date], [TestSupport.occ("2024-12-01", "2024-12-31")])
        assertDeadline("в дни осенних каникул", period: academic, kinds: [.date], [TestSupport.occ("2023-10-21", "2023-11-10")])
        assertDeadline("на весенних каникулах", period: academic, kinds: [.date], [TestSupport.occ("2024-03-21", "2024-03-31")])
        assertDeadline("в летний период", period: academic, kinds: [.date], [TestSupport.occ("2024-06-01", "2024-08-31")])
        XCTAssertEqual(TestSupport.parse("В конце учебного года", academic).value.text, "В конце учебного года", "the text as written")
    }

    /// Phrases the grammar reads itself are not rewritten: «до конца учебного года» is the year's last day.
    func testUntilTheEndIsNotAnAlias() {
        assertDeadline("до конца учебного года", period: academic, kinds: [.date], [TestSupport.occ(nil, "2024-08-31")])
        assertDeadline("к концу учебного года", period: academic, kinds: [.date], [TestSupport.occ(nil, "2024-08-31")])
        assertDeadline("в конце 2024 года", period: calendar3, kinds: [.date], [TestSupport.occ("2024-01-01", "2024-12-31")])
    }

    /// A methodist adds an alias in a copy of `phrases.json`.
    func testAnAliasFromTheDataDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kartograf-alias-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundled = try XCTUnwrap(Lexicon.bundledResources)
        var phrases = try String(contentsOf: bundled.appendingPathComponent("phrases.json"), encoding: .utf8)
        phrases = phrases.replacingOccurrences(of: "\"aliases\": {", with: "\"aliases\": {\n    \"день знаний\": \"1 сентября\",")
        try phrases.write(to: dir.appendingPathComponent("phrases.json"), atomically: true, encoding: .utf8)
        // The bundled tables know no such phrase (read before the override is set: `shared` is loaded once).
        XCTAssertEqual(DeadlineParser().parse("в День знаний", period: Period(cli: academic)).value.occurrences, [])
        setenv("KARTOGRAF_DATA_DIR", dir.path, 1)
        defer { unsetenv("KARTOGRAF_DATA_DIR") }
        let lexicon = Lexicon.load()
        XCTAssertEqual(lexicon.problems.count, 0)
        let result = DeadlineParser(lexicon: lexicon).parse("в День знаний", period: Period(cli: academic))
        XCTAssertEqual(result.value.occurrences, [TestSupport.occ("2023-09-01", "2023-09-01")])
    }
}
