// libFuzzer harness for the deadline and responsibles parsers (built by `scripts/fuzz-terms`,
// never by `swift build`). Each input is read with the per-cell limit lifted to 100,000
// characters, so the grammars themselves are fuzzed, and an input whose reading takes longer
// than a linear budget is reported as a crash.
import Foundation
import Model
@testable import Deadlines
@testable import Responsibles

private let deadlines = DeadlineParser(limit: 100_000)
private let responsibles = ResponsiblesParser(limit: 100_000)
private let periods: [Period?] = [nil, Period(cli: "2023-01-01..2025-12-31"), Period(cli: "2021-09-01..2022-08-31"),
                                  Period(cli: "2024-01-01..2024-12-31"), Period(cli: "0001-01-01..9999-12-31")]

/// Seconds an input of `length` bytes may take: generous (the machine is shared, the build
/// sanitized), and linear in the length; a quadratic reading of 100,000 bytes takes minutes.
private func budget(_ length: Int) -> Double { 1 + Double(length) * 50e-6 }

/// Loads the word tables before the first timed input.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    _ = deadlines.parse("до 1 сентября 2024 г.", period: periods[1])
    _ = responsibles.parse("заместитель директора по УВР Петрова А.С.")
    return 0
}

private func seconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let period = periods[Int(bytes[0]) % periods.count]
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let started = seconds()
    let deadline = deadlines.parse(text, period: period)
    let middle = seconds()
    let entries = responsibles.parse(text)
    let finished = seconds()
    for o in deadline.value.occurrences {
        if let start = o.start, start > o.due { fatalError("start after due in «\(text.prefix(200))»") }
    }
    if deadline.value.kinds.isEmpty, deadline.value.text != nil, deadline.diagnostics.isEmpty {
        fatalError("an empty reading without a diagnostic: «\(text.prefix(200))»")
    }
    if entries.value.contains(where: { $0.text.isEmpty }) { fatalError("an empty entry: «\(text.prefix(200))»") }
    if middle - started > budget(size) || finished - middle > budget(size) {
        fatalError("slower than linear: \(size) bytes took \(middle - started) s (deadline), \(finished - middle) s (responsibles)")
    }
    return 0
}
