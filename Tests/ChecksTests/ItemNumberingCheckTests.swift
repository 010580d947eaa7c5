import Model
import Recognition
import XCTest
@testable import Checks

final class ItemNumberingCheckTests: XCTestCase {
    func diagnostics(_ sections: [(String?, [String])]) -> [String] {
        let doc = Document(kind: .roadmap, sections: sections.map { s in
            Section(number: s.0, title: "t", items: s.1.map { Item(number: $0, activity: "a") })
        })
        return ItemNumberingCheck().check(CheckContext(index: 0, recognized: RecognizedDocument(document: doc)))
            .map { "\($0.code.rawValue) \($0.item ?? "-")" }
    }

    func testGapsAndDuplicates() {
        XCTAssertEqual(diagnostics([(nil, ["1", "2", "3"])]), [])
        XCTAssertEqual(diagnostics([(nil, ["1", "2", "4", "5"])]), ["item.numbering-gap 4"])
        XCTAssertEqual(diagnostics([(nil, ["1", "2", "3", "2"])]), ["item.duplicate-number 2"])
        XCTAssertEqual(diagnostics([(nil, ["3", "4"])]), ["item.numbering-gap 3"], "starts late")
        XCTAssertEqual(diagnostics([("1", ["1.2", "1.3"]), ("2", ["2.1"])]), ["item.numbering-gap 1.2"])
        XCTAssertEqual(diagnostics([("1", ["1.1", "1.2"]), ("2", ["2.1", "2.2"]), ("6.1", ["6.1.1"])]), [])
    }

    func testNumberingThatRestartsInEverySectionIsNoDuplicate() {
        XCTAssertEqual(diagnostics([("1", ["1", "2"]), ("2", ["1", "2", "2"])]), ["item.duplicate-number 2"])
        XCTAssertEqual(diagnostics([("I", ["1", "2"]), ("II", ["3", "4"])]), [])
    }

    /// The byte readers against the plain library versions they replace.
    func testComponentsAndFollowsAgreeWithReference() {
        func reference(_ number: String) -> [Int]? {
            guard !number.isEmpty else { return nil }
            let ints = number.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
            return ints.allSatisfy { $0 != nil } ? ints.map { $0! } : nil
        }
        let numbers = ["1", "12", "1.2", "1.2.3", "1.", ".1", "1..2", "+1", "-2.1", "1.-2", "1-2", "--1", "+", "a",
                       "1.a", "١", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "0.0", "01.1"]
        for n in numbers { XCTAssertEqual(ItemNumberingCheck.components(n), reference(n), n) }

        func followsReference(_ next: [Int], _ prev: [Int]) -> Bool {
            var candidates: [[Int]] = [prev + [1]]
            for j in 0..<prev.count { candidates.append(Array(prev[0..<j]) + [prev[j] + 1]) }
            return candidates.contains { c in
                next.count >= c.count && Array(next[0..<c.count]) == c && next[c.count...].allSatisfy { $0 == 1 }
            }
        }
        let lists: [[Int]] = [[1], [2], [1, 1], [1, 2], [2, 1], [1, 1, 1], [3], [1, 3], [2, 1, 1], [1, 2, 1], [4, 5, 6], []]
        for a in lists { for b in lists { XCTAssertEqual(ItemNumberingCheck.follows(a, after: b), followsReference(a, b), "\(a) after \(b)") } }
    }
}
