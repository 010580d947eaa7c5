// libFuzzer harness for the deadline and responsibles parsers (built by `scripts/fuzz-terms`,
// never by `swift build`). Each input is read with the per-cell limit lifted to 100,000
// characters, so the grammars themselves are fuzzed; each input is also read repeated (its first
// byte says how often), and one whose reading takes longer than a linear budget is a crash.
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
private func budget(_ length: Int) -> Double { 1 + Double(length) * 150e-6 }

/// Seconds to read `text` with both parsers.
private func timed(_ text: String, period: Period?) -> (deadline: Double, responsibles: Double) {
    let started = seconds()
    _ = deadlines.parse(text, period: period)
    let middle = seconds()
    _ = responsibles.parse(text)
    return (middle - started, seconds() - middle)
}

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
    // The first byte picks the period and how often the rest is repeated (up to 100,000 bytes),
    // so that short inputs found by the fuzzer are also read at lengths where superlinear work shows.
    let period = periods[Int(bytes[0] & 7) % periods.count]
    let repeats = [1, 1, 1, 1, 10, 10, 100, 1000][Int(bytes[0] >> 5)]
    let piece = Array(bytes.dropFirst())
    var expanded: [UInt8] = []
    for _ in 0..<repeats where expanded.count + piece.count <= 100_000 { expanded += piece }
    let text = String(decoding: expanded, as: UTF8.self)
    let length = max(expanded.count, 1)
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
    let large = (deadline: middle - started, responsibles: finished - middle)
    if large.deadline > budget(length) || large.responsibles > budget(length) {
        fatalError("slower than linear: \(length) bytes took \(large.deadline) s (deadline), \(large.responsibles) s (responsibles)")
    }
    // Growth: the same piece repeated a tenth as often must take about a tenth of the time
    // (30× leaves room for a loaded machine; a quadratic reading gives 100×).
    if repeats >= 100, expanded.count >= 10 * piece.count, max(large.deadline, large.responsibles) > 0.5 {
        var smaller: [UInt8] = []
        for _ in 0..<(expanded.count / piece.count / 10) { smaller += piece }
        let small = timed(String(decoding: smaller, as: UTF8.self), period: period)
        func grows(_ small: (deadline: Double, responsibles: Double), _ large: (deadline: Double, responsibles: Double)) -> Bool {
            large.deadline > 30 * max(small.deadline, 0.1) || large.responsibles > 30 * max(small.responsibles, 0.1)
        }
        // A slow moment of the shared machine is told from growth by timing both again.
        if grows(small, large) {
            let smallAgain = timed(String(decoding: smaller, as: UTF8.self), period: period)
            let largeAgain = timed(text, period: period)
            let best = (deadline: min(small.deadline, smallAgain.deadline), responsibles: min(small.responsibles, smallAgain.responsibles))
            let bestLarge = (deadline: min(large.deadline, largeAgain.deadline),
                             responsibles: min(large.responsibles, largeAgain.responsibles))
            if grows(best, bestLarge) {
                fatalError("superlinear: \(smaller.count) bytes took \(best), \(length) bytes \(bestLarge)")
            }
        }
    }
    return 0
}
