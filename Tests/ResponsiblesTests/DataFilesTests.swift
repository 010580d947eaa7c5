import Foundation
import JSON
import Model
import XCTest
@testable import Responsibles

final class DataFilesTests: XCTestCase {
    private func resource(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Responsibles/Resources/\(name)")
        return try Data(contentsOf: url)
    }

    /// Re-encoded with sorted keys, so that two decodings can be compared.
    private func canonical<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    private func assertSameAsJSONDecoder<T: Codable & DataFile>(_ name: String, _ type: T.Type) throws {
        let data = try resource(name)
        let expected = try JSONDecoder().decode(T.self, from: data)
        let read = try T(json: JSONParser.parse(bytes: [UInt8](data)))
        XCTAssertEqual(try canonical(read), try canonical(expected), name)
    }

    func testBundledFilesReadAsJSONDecoderReadsThem() throws {
        try assertSameAsJSONDecoder("roles.json", RoleLexicon.File.self)
        try assertSameAsJSONDecoder("bodies.json", BodyLexicon.File.self)
        try assertSameAsJSONDecoder("declension.json", Declension.Tables.self)
    }

    func testMalformedFieldsMakeTheFileUnreadable() throws {
        XCTAssertThrowsError(try RoleLexicon.File(json: JSONParser.parse(#"{"roles": [{"synonyms": []}]}"#)), "key missing")
        XCTAssertThrowsError(try BodyLexicon.File(json: JSONParser.parse(#"{"nouns": "совет"}"#)), "not a list")
        XCTAssertThrowsError(try Declension.Tables(json: JSONParser.parse(#"{"nouns": []}"#)), "required tables missing")
        let empty = try BodyLexicon.File(json: JSONParser.parse(#"{"nouns": null}"#))
        XCTAssertNil(empty.nouns)
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
