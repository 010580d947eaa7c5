import Extraction
import Foundation
import XCTest

final class FingerprintTests: XCTestCase {
    func testKnownDigests() {
        XCTAssertEqual(Fingerprint.sha256([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(Fingerprint.sha256(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testAFileHashedInChunksEqualsItsBytesHashed() throws {
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = NSTemporaryDirectory() + "fingerprint-\(UUID().uuidString).bin"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(Fingerprint.sha256(fileAt: path), Fingerprint.sha256(bytes))
        XCTAssertNil(Fingerprint.sha256(fileAt: path + ".missing"))
    }
}
