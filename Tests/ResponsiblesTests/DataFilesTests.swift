import Foundation
import Model
import XCTest
@testable import Responsibles

/// The data files are decoded by `JSONDecoder` through their `Codable` types; a file of the wrong
/// shape is refused whole, with a Russian message that names the field.
final class DataFilesTests: XCTestCase {
    private func decoded<T: Decodable>(_ json: String, as type: T.Type) throws -> Result<T, DataFileProblem> {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kartograf-data-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return DataLocation.decoded(T.self, from: url)
    }

    private func message<T: Decodable>(_ json: String, as type: T.Type) throws -> String {
        guard case let .failure(problem) = try decoded(json, as: type) else { return "(прочитан)" }
        return problem.message
    }

    func testMalformedFieldsMakeTheFileUnreadableAndAreNamed() throws {
        XCTAssertTrue(try message(#"{"roles": [{"synonyms": []}]}"#, as: RoleLexicon.File.self)
            .contains("нет поля «roles[0].key»"))
        XCTAssertTrue(try message(#"{"nouns": "совет"}"#, as: BodyLexicon.File.self).contains("поле «nouns» не того вида"))
        XCTAssertTrue(try message(#"{"nouns": []}"#, as: Declension.Tables.self).contains("нет поля «adjectives»"))
        XCTAssertTrue(try message(#"{"nouns": ["#, as: BodyLexicon.File.self).contains("ошибка в записи JSON"))
        XCTAssertTrue(try message("[]", as: BodyLexicon.File.self).contains("исправьте его по образцу встроенного"))
    }

    func testAbsentAndNullOptionalFieldsAreEmpty() throws {
        let file = try decoded("\u{FEFF}" + #"{"nouns": null}"#, as: BodyLexicon.File.self).get()
        XCTAssertNil(file.nouns)
        XCTAssertNil(file.heads)
    }

    func testBundledFilesAreRead() {
        XCTAssertNotNil(DataFiles.bundled("roles.json", as: RoleLexicon.File.self))
        XCTAssertNotNil(DataFiles.bundled("bodies.json", as: BodyLexicon.File.self))
        XCTAssertNotNil(DataFiles.bundled("declension.json", as: Declension.Tables.self))
    }
}

/// A data file that is not UTF-8 is an error with a Russian message, not a quiet gap.
final class DataFileEncodingTests: XCTestCase {
    func testWindows1251FileIsReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kartograf-utf8-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // `{"nouns": ["совет"]}` with the noun in Windows-1251.
        let bytes: [UInt8] = Array(#"{"nouns": [""#.utf8) + [0xF1, 0xEE, 0xE2, 0xE5, 0xF2] + Array(#""]}"#.utf8)
        try Data(bytes).write(to: dir.appendingPathComponent("bodies.json"))
        setenv("KARTOGRAF_DATA_DIR", dir.path, 1)
        defer { unsetenv("KARTOGRAF_DATA_DIR") }
        let problems = ResponsiblesParser.dataFileProblems
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems.first?.message.contains("не в кодировке UTF-8") ?? false)
        XCTAssertTrue(problems.first?.message.contains("bodies.json") ?? false)
        XCTAssertNil(DataFiles.override("bodies.json", as: BodyLexicon.File.self))
    }

    func testBundledFilesHaveNoProblems() {
        unsetenv("KARTOGRAF_DATA_DIR")
        XCTAssertEqual(ResponsiblesParser.dataFileProblems, [])
    }

    func testFirstInvalidByte() {
        XCTAssertNil(DataLocation.firstInvalidUTF8(Array("Директор".utf8)))
        XCTAssertEqual(DataLocation.firstInvalidUTF8([0x41, 0xD0]), 1)
        XCTAssertEqual(DataLocation.firstInvalidUTF8([0x41, 0x42, 0xFF, 0x41]), 2)
    }
}
