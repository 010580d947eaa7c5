import Foundation
import JSON
import Model
import Text
import XCTest
@testable import Deadlines

/// The word tables are data: bundled, and overridable from `KARTOGRAF_DATA_DIR`.
final class LexiconTests: XCTestCase {
    /// Each meaning has a bit of its own, and its phrases are read from `phrases.json` under its case's name.
    func testPhraseMeaningsHaveTheirBitsAndTheirPhrases() {
        let lexicon = Lexicon.shared
        for (i, meaning) in Lexicon.PhraseMeaning.allCases.enumerated() {
            XCTAssertEqual(meaning.bit, UInt32(1) << UInt32(i))
            let read = lexicon.firstWordMeanings.values.contains { $0 & meaning.bit != 0 }
                || lexicon.firstPrefixMeanings.contains { $0.meanings & meaning.bit != 0 }
            XCTAssertTrue(read, "no phrase of «\(meaning)» was read")
        }
    }

    /// The tables' and tokens' fold is `RussianFold`'s rule for each character: lower case, «ё» as «е»;
    /// a letter whose lower case is two characters («İ») stays as written.
    func testFoldIsTheRussianFoldRule() {
        for word in ["Май", "ЁЛКА", "ёж", "Quarter", "ÄÖÜ", "ǅ", "ΣΑΣ", ""] {
            XCTAssertEqual(Lexicon.fold(word), RussianFold.fold(word), word)
        }
        XCTAssertEqual(Lexicon.fold("İstanbul"), "İstanbul")
    }

    func testBundledTablesAreLoaded() {
        let lexicon = Lexicon.shared
        XCTAssertEqual(lexicon.months["сентября"], 9)
        XCTAssertEqual(lexicon.months["мае"], 5)
        XCTAssertEqual(lexicon.ordinals["iii"], 3)
        XCTAssertTrue(lexicon.isUnit("кварталы", .quarter))
        XCTAssertTrue(lexicon.placeholderWords.contains("х"))
        for meaning in Lexicon.PhraseMeaning.allCases {
            XCTAssertNotNil(lexicon.phrases[meaning], "\(meaning) phrases")
        }
    }

    func testPhraseTableLongestMatchAndPrefixes() {
        let table = PhraseTable(["по мере*", "по мере необходимости сейчас", "в течение всего*"])
        let tokens = Tokenizer.tokenize("по мере поступления", lexicon: Lexicon.shared)
        XCTAssertEqual(table.longestMatch(in: tokens, at: 0), 2)
        XCTAssertNil(table.longestMatch(in: tokens, at: 1))
    }

    func testOverrideDirectoryAddsAPhrase() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kartograf-lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundled = try XCTUnwrap(Lexicon.bundledResources)
        var phrases = try String(contentsOf: bundled.appendingPathComponent("phrases.json"), encoding: .utf8)
        phrases = phrases.replacingOccurrences(of: "\"постоянно\",", with: "\"постоянно\", \"своевременно\",")
        try phrases.write(to: dir.appendingPathComponent("phrases.json"), atomically: true, encoding: .utf8)

        setenv("KARTOGRAF_DATA_DIR", dir.path, 1)
        defer { unsetenv("KARTOGRAF_DATA_DIR") }
        let lexicon = Lexicon.load()
        XCTAssertEqual(lexicon.months["мая"], 5, "tables without an override stay bundled")
        let result = DeadlineParser(lexicon: lexicon).parse("своевременно", period: Period(cli: calendar3))
        XCTAssertEqual(result.value.kinds, [.continuous])
        XCTAssertEqual(DeadlineParser().parse("своевременно", period: nil).value.kinds, [])
    }

    func testOverrideNotInUTF8IsAProblem() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kartograf-lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // `{"5": ["мая"]}` with the month in Windows-1251.
        let bytes: [UInt8] = Array(#"{"5": [""#.utf8) + [0xEC, 0xE0, 0xFF] + Array(#""]}"#.utf8)
        try Data(bytes).write(to: dir.appendingPathComponent("months.json"))
        try Data("{".utf8).write(to: dir.appendingPathComponent("units.json"))
        setenv("KARTOGRAF_DATA_DIR", dir.path, 1)
        defer { unsetenv("KARTOGRAF_DATA_DIR") }
        let lexicon = Lexicon.load()
        XCTAssertEqual(lexicon.problems.count, 2)
        XCTAssertTrue(lexicon.problems.contains { $0.message.contains("months.json") && $0.message.contains("UTF-8") })
        XCTAssertTrue(lexicon.problems.contains { $0.message.contains("units.json") && $0.message.contains("JSON") })
        XCTAssertEqual(lexicon.months["мая"], 5, "a broken override gives way to the bundled table")
        XCTAssertEqual(Lexicon.load().problems.count, 2)
        unsetenv("KARTOGRAF_DATA_DIR")
        XCTAssertEqual(Lexicon.load().problems, [])
    }
}
