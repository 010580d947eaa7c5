import Foundation
import JSON
import XCTest

/// `kartograf deadline` and `kartograf responsibles` on the command line: texts that begin with
/// a dash, data files that are not UTF-8, cells too long to read.
final class TermCommandTests: XCTestCase {
    func testTextsBeginningWithADashNeedNoDoubleDash() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let responsibles = try harness.kartograf(["responsibles", "-5 педагогов"])
        XCTAssertEqual(responsibles.status, 0, responsibles.stderr)
        XCTAssertEqual(responsibles.json?["responsibles"]?.arrayValue?.first?["text"]?.stringValue, "-5 педагогов")
        let withGlossary = try harness.kartograf(["responsibles", "- УО", "--glossary", "УО=Управление образования"])
        XCTAssertEqual(withGlossary.status, 0, withGlossary.stderr)
        XCTAssertEqual(withGlossary.json?["responsibles"]?.arrayValue?.first?["expansion"]?.stringValue, "Управление образования")
        let deadline = try harness.kartograf(["deadline", "- ежегодно", "--period", "2024-01-01..2024-12-31"])
        XCTAssertEqual(deadline.status, 0, deadline.stderr)
        XCTAssertEqual(deadline.json?["deadline"]?["kinds"]?.arrayValue?.compactMap(\.stringValue), ["recurring"])
        XCTAssertEqual(try harness.kartograf(["responsibles", "--unknown-option", "x"]).status, 2)
    }

    func testDataFileNotInUTF8IsAnError() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let data = harness.root + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        // `{"5": ["мая"]}` and `{"nouns": ["совет"]}` saved in Windows-1251.
        try harness.put("months.json", Array(#"{"5": [""#.utf8) + [0xEC, 0xE0, 0xFF] + Array(#""]}"#.utf8), in: data)
        try harness.put("bodies.json", Array(#"{"nouns": [""#.utf8) + [0xF1, 0xEE, 0xE2, 0xE5, 0xF2] + Array(#""]}"#.utf8),
                        in: data)
        var environment = ProcessInfo.processInfo.environment
        environment["KARTOGRAF_DATA_DIR"] = data
        let deadline = try harness.kartograf(["deadline", "май 2024"], environment: environment)
        XCTAssertEqual(deadline.status, 1)
        XCTAssertTrue(deadline.stderr.contains("months.json") && deadline.stderr.contains("не в кодировке UTF-8"), deadline.stderr)
        let responsibles = try harness.kartograf(["responsibles", "директор"], environment: environment)
        XCTAssertEqual(responsibles.status, 1)
        XCTAssertTrue(responsibles.stderr.contains("bodies.json") && responsibles.stderr.contains("UTF-8"), responsibles.stderr)
    }

    func testCellTooLongIsReported() throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try harness.kartograf(["deadline", String(repeating: "31.02.2023 ", count: 9_000)])
        XCTAssertEqual(result.status, 0, result.stderr)
        let codes = result.json?["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue }
        XCTAssertEqual(codes, ["deadline.too-long"])
    }
}
