import Model
import XCTest
@testable import OOXML

/// Packages whose local headers disagree with the central directory about fields nothing reads
/// are read; a file that is really cut short is still called truncated.
final class ZipArchiveTests: XCTestCase {
    /// Offsets of every local file header of an archive.
    private func localHeaders(_ bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var i = 0
        while i + 4 <= bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04 { offsets.append(i) }
            i += 1
        }
        return offsets
    }

    private func patched(_ bytes: [UInt8], at field: Int, _ values: [UInt8], onlyFirst: Bool = false) -> [UInt8] {
        var out = bytes
        let headers = localHeaders(bytes)
        for h in onlyFirst ? Array(headers.prefix(1)) : headers {
            for (k, v) in values.enumerated() { out[h + field + k] = v }
        }
        return out
    }

    private func document() throws -> [UInt8] {
        try W.make(body: W.p("Дорожная карта") + W.table(columns: 2, rows: [W.tr(["№", "Мероприятие"]), W.tr(["1", "Педсовет"])]))
    }

    func testLocalHeaderTimesThatDisagreeWithTheDirectoryAreRead() throws {
        let good = try document()
        XCTAssertGreaterThanOrEqual(localHeaders(good).count, 4)
        let variants: [(String, [UInt8])] = [
            ("time and date of every entry", patched(good, at: 10, [0x5A, 0x8C, 0x57, 0x58])),
            ("the time of the first entry", patched(good, at: 10, [0x01, 0x60], onlyFirst: true)),
            ("the date of every entry", patched(good, at: 12, [0xFF, 0x7F])),
            ("version needed to extract", patched(good, at: 4, [0x0A, 0x00])),
        ]
        for (what, bytes) in variants {
            XCTAssertTrue(bytes != good, what)
            let tree = try DocxReader().read(bytes: bytes, fileName: "times.docx")
            XCTAssertEqual(tree.paragraphs.first?.text, "Дорожная карта", what)
            XCTAssertEqual(tree.tables.first?.rows.last?.cells.map(\.text), ["1", "Педсовет"], what)
        }
    }

    func testAFileOnDiskWithDisagreeingTimesIsRead() throws {
        let bytes = patched(try document(), at: 10, [0x5A, 0x8C, 0x57, 0x58])
        let path = NSTemporaryDirectory() + "kartograf-times-\(UUID().uuidString).docx"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let archive = try ZipArchive(path: path)
        XCTAssertTrue(archive.contains("word/document.xml"))
        XCTAssertEqual(try DocxReader().read(path: path).paragraphs.first?.text, "Дорожная карта")
    }

    func testReallyTruncatedFilesAreCalledTruncated() throws {
        let good = try document()
        for fraction in [0.1, 0.3, 0.6, 0.9, 0.99] {
            let cut = Array(good.prefix(Int(Double(good.count) * fraction)))
            assertReadError(.truncated) { _ = try DocxReader().read(bytes: cut, fileName: "cut.docx") }
        }
        // The data of the entries is lost but the directory at the end survived.
        let directory = try XCTUnwrap(findLast([0x50, 0x4B, 0x01, 0x02], in: good).map { firstCentral(good, before: $0) })
        let tailOnly = Array(good[..<(localHeaders(good)[1])]) + Array(good[directory...])
        XCTAssertThrowsError(try DocxReader().read(bytes: tailOnly, fileName: "cut.docx")) { error in
            XCTAssertEqual(error as? ReadError, .truncated, "\(error)")
        }
    }

    func testACorruptedEntryIsStillRefused() throws {
        var bytes = try document()
        let headers = localHeaders(bytes)
        // Scramble the compressed data of every entry: the CRC or the inflater catches it.
        for h in headers {
            let nameLength = Int(bytes[h + 26]) | Int(bytes[h + 27]) << 8
            let start = h + 30 + nameLength
            for i in start..<min(start + 8, bytes.count) { bytes[i] ^= 0x5A }
        }
        XCTAssertThrowsError(try DocxReader().read(bytes: bytes, fileName: "bad.docx")) { error in
            XCTAssertNotNil(error as? ReadError, "\(error)")
        }
    }

    private func findLast(_ pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        var i = bytes.count - pattern.count
        while i >= 0 {
            if Array(bytes[i..<i + pattern.count]) == pattern { return i }
            i -= 1
        }
        return nil
    }

    /// The first central directory record: the directory's start.
    private func firstCentral(_ bytes: [UInt8], before last: Int) -> Int {
        var i = last
        var first = last
        while i >= 0 {
            if Array(bytes[i..<i + 4]) == [0x50, 0x4B, 0x01, 0x02] { first = i }
            i -= 1
        }
        return first
    }
}
