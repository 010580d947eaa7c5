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
