import Foundation
import JSON
import Model
import Responsibles
import TestSupport
import XCTest

/// Every vector of `../shared/vectors/responsibles.json` is a case.
final class VectorTests: XCTestCase {
    func testEveryVector() throws {
        let vectors = try XCTUnwrap(Shared.json("vectors/responsibles.json").arrayValue)
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
