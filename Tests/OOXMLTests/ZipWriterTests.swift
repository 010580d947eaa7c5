import XCTest
@testable import OOXML

/// The archives kartograf writes open in libzip with its consistency checks on (`ZIP_CHECKCONS`).
final class ZipWriterTests: XCTestCase {
    func testEntriesReadBackWhateverHowTheyWereAdded() throws {
        let xml = Array(String(repeating: "<w:p><w:r><w:t>Проверка</w:t></w:r></w:p>", count: 500).utf8)
        let unchanged = try ZipWriter.Deflated([("word/styles.xml", Array("<w:styles/>".utf8)),
                                                ("docProps/app.xml", [])])
        var zip = ZipWriter(level: 1)
        zip.add("mimetype", Array("application/x-test".utf8), store: true)
        zip.add("word/document.xml", [0x3C])
        zip.add("word/styles.xml", from: unchanged)
        zip.add("docProps/app.xml", from: unchanged)
        zip.add("word/document.xml", xml)  // replaces the first, in its place
        zip.add("Протокол/пустой.txt", [])
        let bytes = try zip.bytes()
        XCTAssertLessThan(bytes.count, xml.count / 10, "deflated")

        let archive = try ZipArchive(bytes: bytes)
        XCTAssertEqual(try archive.read("mimetype"), Array("application/x-test".utf8))
        XCTAssertEqual(try archive.read("word/document.xml"), xml)
        XCTAssertEqual(try archive.read("word/styles.xml"), Array("<w:styles/>".utf8))
        XCTAssertEqual(try archive.read("docProps/app.xml"), [])
        XCTAssertEqual(try archive.read("Протокол/пустой.txt"), [])
        // The stored entry sits uncompressed right after its header, as EPUB-style readers expect.
        XCTAssertEqual(Array(bytes[30..<38]), Array("mimetype".utf8))
        XCTAssertEqual(Array(bytes[38..<56]), Array("application/x-test".utf8))
    }

    func testDeflatedEntriesAreCopiedWithoutCompressingThemAgain() throws {
        let xml = Array((0..<4000).map { "<w:p><w:r><w:t>Строка \($0 * 7919 % 10007)</w:t></w:r></w:p>" }.joined().utf8)
        let fast = try ZipWriter.Deflated([("word/document.xml", xml)], level: 1)
        var copied = ZipWriter(level: 9)
        copied.add("word/document.xml", from: fast)
        var atLevel1 = ZipWriter(level: 1)
        atLevel1.add("word/document.xml", xml)
        var atLevel9 = ZipWriter(level: 9)
        atLevel9.add("word/document.xml", xml)
        let (c, one, nine) = (try copied.bytes(), try atLevel1.bytes(), try atLevel9.bytes())
        XCTAssertLessThan(nine.count, one.count, "the levels differ on this text")
        XCTAssertEqual(c.count, one.count, "the level-1 data is copied, not deflated again at level 9")
        XCTAssertEqual(try ZipArchive(bytes: c).read("word/document.xml"), xml)
    }

    func testAnEntryMissingFromTheDeflatedSetIsAnError() throws {
        let unchanged = try ZipWriter.Deflated([("a.xml", [1, 2, 3])])
        var zip = ZipWriter()
        zip.add("b.xml", from: unchanged)
        XCTAssertThrowsError(try zip.bytes())
        XCTAssertTrue(unchanged.contains("a.xml"))
        XCTAssertFalse(unchanged.contains("b.xml"))
    }

    func testTheSameEntriesGiveTheSameBytes() throws {
        func make() throws -> [UInt8] {
            var zip = ZipWriter()
            zip.add("[Content_Types].xml", text: "<Types/>")
            zip.add("word/document.xml", text: "<w:document/>")
            return try zip.bytes()
        }
        XCTAssertEqual(try make(), try make())
    }
}
