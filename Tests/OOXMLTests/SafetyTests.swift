import Model
import XCTest
@testable import OOXML

/// Hostile and broken input: every failure is a typed error, never a crash or a leak.
final class SafetyTests: XCTestCase {
    func testDoctypeIsRejectedOutright() throws {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", text: "<Types/>")
        zip.add("word/document.xml", text: """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [<!ENTITY h SYSTEM "file:///etc/hostname">]>
            <w:document xmlns:w="\(W.wNamespace)"><w:body><w:p><w:r><w:t>&h;</w:t></w:r></w:p></w:body></w:document>
            """)
        let bytes = try zip.bytes()
        assertReadError(.doctypeForbidden(part: "word/document.xml")) { _ = try DocxReader().read(bytes: bytes, fileName: "x.docx") }
    }

    func testUndefinedEntitiesAreMalformedNotExpanded() throws {
        var zip = ZipWriter()
        zip.add("word/document.xml", text: "<w:document xmlns:w=\"\(W.wNamespace)\"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>")
        let bytes = try zip.bytes()
        XCTAssertThrowsError(try DocxReader().read(bytes: bytes, fileName: "x.docx")) { error in
            guard case .malformedXML? = error as? ReadError else { return XCTFail("\(error)") }
        }
    }

    func testInflatedBytesAreCappedWhateverTheArchiveDeclares() throws {
        var zip = ZipWriter()
        let spaces = String(repeating: " ", count: 3_000_000)
        zip.add("word/document.xml", text: "<w:document xmlns:w=\"\(W.wNamespace)\"><w:body>\(spaces)</w:body></w:document>")
        let bytes = try zip.bytes()
        var limits = ReadLimits()
        limits.maxEntryBytes = 1_000_000
        XCTAssertThrowsError(try DocxReader(limits: limits).read(bytes: bytes, fileName: "bomb.docx")) { error in
            guard case .entryTooLarge? = error as? ReadError else { return XCTFail("\(error)") }
        }
        limits = ReadLimits()
        limits.ratioThresholdBytes = 100_000
        limits.maxRatio = 50
        XCTAssertThrowsError(try DocxReader(limits: limits).read(bytes: bytes, fileName: "bomb.docx")) { error in
            guard case .suspiciousRatio? = error as? ReadError else { return XCTFail("\(error)") }
        }
    }

    func testTooManyEntriesAndDeepNestingAreRefused() throws {
        var zip = ZipWriter()
        for i in 0..<30 { zip.add("junk/\(i).xml", text: "<a/>") }
        let many = try zip.bytes()
        var limits = ReadLimits()
        limits.maxEntries = 10
        assertReadError(.tooManyEntries(30)) { _ = try DocxReader(limits: limits).read(bytes: many, fileName: "x.docx") }

        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 300)
        let bytes = try W.make(body: deep + String(repeating: "</w:sdtContent></w:sdt>", count: 300))
        XCTAssertThrowsError(try DocxReader().read(bytes: bytes, fileName: "deep.docx"))
    }

    func testOtherFormatsAreNamed() throws {
        let reader = DocxReader()
        assertReadError(.empty) { _ = try reader.read(bytes: [], fileName: "a.docx") }
        assertReadError(.rtf) { _ = try reader.read(bytes: Array("{\\rtf1\\ansi hello}".utf8), fileName: "a.docx") }
        assertReadError(.pdf) { _ = try reader.read(bytes: Array("%PDF-1.7\n".utf8), fileName: "a.docx") }
        assertReadError(.html) { _ = try reader.read(bytes: Array("<html><body>x</body></html>".utf8), fileName: "a.docx") }
        assertReadError(.wordLockFile) { _ = try reader.read(bytes: [UInt8](repeating: 7, count: 162), fileName: "~$отчёт.docx") }
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100)
        assertReadError(.legacyWord) { _ = try reader.read(bytes: ole + "WordDocument".utf8.flatMap { [$0, 0] }, fileName: "a.doc") }
        assertReadError(.encrypted) { _ = try reader.read(bytes: ole + "EncryptionInfo".utf8.flatMap { [$0, 0] }, fileName: "a.docx") }
        assertReadError(.notZip) { _ = try reader.read(bytes: Array("просто текст".utf8), fileName: "a.docx") }
    }

    func testTruncatedAndIncompletePackages() throws {
        let good = try W.make(body: W.p("Текст"))
        assertReadError(.truncated) { _ = try DocxReader().read(bytes: Array(good.prefix(good.count / 3)), fileName: "cut.docx") }
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", text: "<Types/>")
        let noDocument = try zip.bytes()
        assertReadError(.missingPart("word/document.xml")) { _ = try DocxReader().read(bytes: noDocument, fileName: "x.docx") }
    }

    func testEveryReadErrorHasARussianMessageNamingTheFile() {
        let errors: [ReadError] = [.empty, .encrypted, .legacyWord, .rtf, .pdf, .html, .wordLockFile, .truncated, .notZip,
                                   .openDocument, .missingPart("word/document.xml"), .doctypeForbidden(part: "p")]
        for e in errors {
            let m = e.message(file: "план.docx")
            XCTAssertTrue(m.contains("«план.docx»"), m)
            XCTAssertTrue(m.range(of: "[а-я]", options: .regularExpression) != nil)
        }
        XCTAssertEqual(ReadError.legacyWord.code, .fileUnsupportedFormat)
        XCTAssertEqual(ReadError.truncated.code, .fileUnreadable)
    }
}
