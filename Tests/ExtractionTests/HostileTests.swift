import Extraction
import Foundation
import JSON
import Model
import TestSupport
import XCTest

/// Every file of `../shared/corpus/hostile` gets its expected outcome, its hash, and no leak.
final class HostileTests: XCTestCase {
    func testEveryHostileFileGetsItsExpectedDiagnostic() throws {
        let expected = try Shared.json("corpus/hostile/expected.json").arrayValue ?? []
        XCTAssertFalse(expected.isEmpty)
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        for e in expected {
            let file = try XCTUnwrap(e["file"]?.stringValue)
            let export = Extractor().extract(path: Shared.path("corpus/hostile/" + file))
            XCTAssertEqual(export.file, file)
            XCTAssertEqual(export.sha256, e["sha256"]?.stringValue, file)
            let codes = Set(export.diagnostics.map(\.code.rawValue))
            let allowed = Set((e["codes"]?.arrayValue ?? []).compactMap(\.stringValue))
            let extracts = e["also_ok"]?.stringValue == "extracts" && !export.isUnreadable
            XCTAssertTrue(extracts || !codes.intersection(allowed).isEmpty, "\(file): \(codes)")
            let text = JSONWriter().string(export.json)
            if let h = hostname, h.count >= 3 { XCTAssertFalse(text.contains(h), "\(file) leaks the host name") }
            for d in export.diagnostics where d.code.rawValue.hasPrefix("file.") {
                XCTAssertTrue(d.message.contains(file), "\(file): the message names the file")
            }
        }
    }
}
