import Foundation
import JSON
import Model
import Responsibles
import XCTest

/// Every vector of `../shared/vectors/responsibles.json` is a case.
final class VectorTests: XCTestCase {
    static var vectorsURL: URL {
        // Tests/ResponsiblesTests/VectorTests.swift → package root → ../shared/vectors
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/vectors/responsibles.json")
    }

    func testEveryVector() throws {
        guard let data = try? Data(contentsOf: Self.vectorsURL) else {
            throw XCTSkip("no vectors at \(Self.vectorsURL.path)")
        }
        let vectors = try XCTUnwrap(try JSONParser.parse(String(decoding: data, as: UTF8.self)).arrayValue)
        XCTAssertGreaterThan(vectors.count, 0)
        for vector in vectors {
            let id = vector["id"]?.stringValue ?? "?"
            var glossary = Glossary()
            for (abbreviation, expansion) in vector["glossary"]?.objectValue ?? [] {
                glossary.define(abbreviation, expansion.stringValue ?? "")
            }
            let result = ResponsiblesParser().parse(vector["text"]?.stringValue, glossary: glossary)
            let expected = try (vector["responsibles"]?.arrayValue ?? []).map { try $0.decode(Responsible.self) }
            XCTAssertEqual(result.value, expected, id)
            let codes = Set(result.diagnostics.map(\.code.rawValue)).sorted()
            let expectedCodes = (vector["diagnostics"]?.arrayValue ?? []).compactMap(\.stringValue)
            XCTAssertEqual(codes, expectedCodes, id)
        }
    }
}
