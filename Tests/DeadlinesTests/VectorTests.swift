import Foundation
import JSON
import Model
import TestSupport
import XCTest
@testable import Deadlines

/// Every vector of `shared/vectors/deadlines.json` is a test case.
final class VectorTests: XCTestCase {
    func testAllVectors() throws {
        let vectors = try XCTUnwrap(Shared.json("vectors/deadlines.json").arrayValue)
        XCTAssertFalse(vectors.isEmpty)
        for v in vectors {
            let id = v["id"]?.stringValue ?? "?"
            let input = v["text"]?.stringValue
            var period: Period?
            if let p = v["period"], !p.isNull,
               let from = p["from"]?.stringValue.flatMap(Day.init(iso:)), let to = p["to"]?.stringValue.flatMap(Day.init(iso:)) {
                period = Period(from: from, to: to)
            }
            let result = DeadlineParser().parse(input, period: period)
            let kinds = Set((v["kinds"]?.arrayValue ?? []).compactMap(\.stringValue))
            XCTAssertEqual(Set(result.value.kinds.map(\.rawValue)), kinds, "\(id) kinds")
            let expected = (v["occurrences"]?.arrayValue ?? []).map { o in
                Occurrence(start: o["start"]?.stringValue.flatMap(Day.init(iso:)),
                           due: o["due"]?.stringValue.flatMap(Day.init(iso:)) ?? Day(year: 1, month: 1, day: 1)!)
            }
            XCTAssertEqual(result.value.occurrences, expected, "\(id) occurrences")
            let codes = Set((v["diagnostics"]?.arrayValue ?? []).compactMap(\.stringValue))
            XCTAssertEqual(TestSupport.codes(result), codes, "\(id) diagnostics")
        }
    }
}
