import XCTest
import Foundation
import Model
@testable import Reports

final class ZZScratchTiming: XCTestCase {
    func testTiming() throws {
        let q = Quarter("2024-Q4")!
        let inputs = try SyntheticSource(count: 2000).inputs(for: q, organization: nil).value
        let subs = QuarterlyReport(quarter: q, today: Day(iso: "2025-01-09")!).submissions(from: inputs)
        var t0 = Date()
        let w = SummaryWorkbook.make(subs)
        print("XLSX-TIMING make \(Date().timeIntervalSince(t0))")
        t0 = Date()
        let names = w.sheetNames
        let x = XlsxWriter.sheetXML(w.sheets[0], name: names[0])
        print("XLSX-TIMING items xml \(Date().timeIntervalSince(t0)) \(x.utf8.count)")
        t0 = Date()
        var n = 0
        for row in w.sheets[0].rows { for c in row { if case let .text(t) = c { n += XlsxWriter.wrappedLines(t, width: 20) } } }
        print("XLSX-TIMING wrapped \(Date().timeIntervalSince(t0)) \(n)")
        t0 = Date()
        let bytes = try w.bytes()
        print("XLSX-TIMING bytes \(Date().timeIntervalSince(t0)) s, \(bytes.count) bytes")
    }
}
