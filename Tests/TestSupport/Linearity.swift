import Dispatch
import XCTest

/// A small deterministic generator, so that seeded random inputs reproduce.
public struct SeededGenerator {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }

    /// A number in `0..<n`.
    public mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

/// Checks that a parser reads a text in time linear in its length: a 100,000-character text
/// takes about ten times what a 10,000-character one of the same kind takes, never a hundred.
/// Ratios, not wall-clock limits: they hold on a slow machine as on a fast one.
public enum Linearity {
    /// `piece` repeated to `length` Unicode scalars.
    public static func repeated(_ piece: String, length: Int) -> String {
        let scalars = Array(piece.unicodeScalars)
        var view = String.UnicodeScalarView()
        for k in 0..<length { view.append(scalars[k % scalars.count]) }
        return String(view)
    }

    /// `length` scalars drawn from `alphabet` by a generator seeded with `seed`.
    public static func random(_ alphabet: [Unicode.Scalar], seed: UInt64, length: Int) -> String {
        var g = SeededGenerator(state: seed)
        var view = String.UnicodeScalarView()
        for _ in 0..<length { view.append(alphabet[g.int(alphabet.count)]) }
        return String(view)
    }

    /// Pieces drawn at random until `length` scalars are reached.
    public static func mix(_ pieces: [String], seed: UInt64, length: Int) -> String {
        var g = SeededGenerator(state: seed)
        var s = ""
        while s.unicodeScalars.count < length { s += pieces[g.int(pieces.count)] }
        return String(String.UnicodeScalarView(s.unicodeScalars.prefix(length)))
    }

    /// The fastest of `runs` readings, in seconds.
    public static func seconds(runs: Int, _ read: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            read()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// Fails when reading the 100,000-character text of `make` takes 60 times the 10,000-character
    /// one or more. Linear growth is 10×, quadratic 100×; a shared machine's speed moves fourfold
    /// within a minute, so 60× is allowed, a failing pair is timed again before it counts, and
    /// small times are floored. The small time is the best of three: timer noise weighs most on it.
    public static func assertLinear(_ name: String, _ make: (Int) -> String, read: (String) -> Void,
                                    file: StaticString = #filePath, line: UInt = #line) {
        let small = make(10_000), large = make(100_000)
        var smallTime = seconds(runs: 3) { read(small) }
        var largeTime = seconds(runs: 1) { read(large) }
        if largeTime >= 60 * max(smallTime, 0.002) {
            largeTime = min(largeTime, seconds(runs: 1) { read(large) })
            smallTime = min(smallTime, seconds(runs: 3) { read(small) })
        }
        XCTAssertLessThan(largeTime, 60 * max(smallTime, 0.002), "«\(name)»: 10k \(smallTime) s, 100k \(largeTime) s",
                          file: file, line: line)
    }
}
