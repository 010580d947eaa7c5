import XCTest
@testable import OOXML

final class PointerMapTests: XCTestCase {
    private func pointer(_ n: Int) -> UnsafeRawPointer { UnsafeRawPointer(bitPattern: n)! }

    func testFindsWhatWasStoredThroughGrowthAndCollisions() {
        var map = PointerMap<Int>()
        // Aligned addresses, as malloc and libxml2's dictionary hand them out, plus near neighbours.
        let addresses = (1...1_000).map { 0x7F00_0000_0000 + $0 * 16 } + (1...50).map { 0x1000 + $0 }
        for (i, a) in addresses.enumerated() { map[pointer(a)] = i }
        for (i, a) in addresses.enumerated() { XCTAssertEqual(map[pointer(a)], i) }
        XCTAssertNil(map[pointer(0x7F00_0000_0008)])
        XCTAssertNil(map[pointer(0x5000)])
        map[pointer(addresses[3])] = -1
        XCTAssertEqual(map[pointer(addresses[3])], -1)
        XCTAssertEqual(map[pointer(addresses[4])], 4)
    }
}
