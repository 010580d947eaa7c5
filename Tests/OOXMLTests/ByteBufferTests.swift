@testable import OOXML
import XCTest

final class ByteBufferTests: XCTestCase {
    func testAppendsGrowDropFromTheFrontAndViewInPlace() {
        var buffer = ByteBuffer(capacity: 4)
        buffer.append("ab")
        let long = Array("чтобы вырасти за начальную ёмкость".utf8)
        long.withUnsafeBufferPointer { buffer.append($0) }
        buffer.append(UInt8(ascii: "!"))
        XCTAssertEqual(buffer.count, 2 + long.count + 1)
        XCTAssertEqual(buffer.bytes, Array("ab".utf8) + long + [UInt8(ascii: "!")])
        XCTAssertEqual(Array(buffer.view(2..<2 + long.count)), long)

        buffer.removeFirst(2)
        XCTAssertEqual(buffer.bytes, long + [UInt8(ascii: "!")])
        buffer.removeFirst(0)
        XCTAssertEqual(buffer.count, long.count + 1)
        buffer.removeAll()
        XCTAssertEqual(buffer.bytes, [])
        buffer.append("x")
        XCTAssertEqual(buffer.bytes, [UInt8(ascii: "x")])
    }
}
