import Foundation
import Model
import Pipeline
import Reports
import XCTest

final class ZipCompletenessTests: XCTestCase {
    private func write(_ bytes: [UInt8]) -> String {
        let path = NSTemporaryDirectory() + "zip-\(UUID().uuidString).docx"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testACompleteDocxIsComplete() {
        XCTAssertEqual(ZipCompleteness.state(path: write(TestDocx.roadmap(organization: "Школа"))), .complete)
    }

    func testEveryProperPrefixIsIncomplete() {
        let bytes = TestDocx.roadmap(organization: "Школа")
        for cut in stride(from: 4, to: bytes.count, by: max(1, bytes.count / 40)) {
            XCTAssertEqual(ZipCompleteness.state(path: write(Array(bytes[..<cut]))), .incomplete, "cut at \(cut)")
        }
        XCTAssertEqual(ZipCompleteness.state(path: write(Array(bytes.dropLast()))), .incomplete)
    }

    func testOtherBytesAreNotZip() {
        XCTAssertEqual(ZipCompleteness.state(path: write(Array("{\\rtf1 привет}".utf8))), .notZip)
        XCTAssertEqual(ZipCompleteness.state(path: write([])), .notZip)
    }
}

final class ProgressLineTests: XCTestCase {
    func testRateAndTimeLeft() {
        let start = Date(timeIntervalSince1970: 0)
        let text = ProgressLine(start: start).text(done: 50, total: 200, now: Date(timeIntervalSince1970: 10))
        XCTAssertEqual(text, "Обработано 50 из 200 · 5.0 файл/с · осталось 0:30")
        XCTAssertEqual(ProgressLine.duration(3725), "1:02:05")
    }
}

final class ProtocolWriterTests: XCTestCase {
    /// The DOCX and HTML writers share one file's protocol data through its context; what they
    /// write must stay what each writes alone, and another file's export must not get that data.
    func testProtocolWritersSharingAContextWriteWhatTheyWriteAlone() throws {
        func export(_ file: String, sha: String, message: String) -> Export {
            Export(file: file, sha256: sha, documents: [Document(kind: .roadmap, title: "Дорожная карта", organization: "Школа")],
                   diagnostics: [Diagnostic(.deadlineMissing, field: .deadline, text: "когда-нибудь", message: message,
                                            document: 0, section: 0, item: "1")])
        }
        let first = export("первая.docx", sha: "aa", message: "Пункт 1: <не указан> срок")
        let second = export("вторая.docx", sha: "bb", message: "Пункт 1: срок & ответственные")
        func context(_ checkedAt: String = "2026-01-01 10:00") -> ProtocolContext {
            ProtocolContext(fileName: "x.docx", organization: "Школа", checkedAt: checkedAt, converted: false)
        }
        let docx = DocxProtocolWriter.load(templates: nil).writer
        let html = HTMLProtocolWriter(renderer: docx.renderer)
        // Each alone, with a context of its own.
        func alone(_ writer: any ProtocolWriter, _ export: Export, _ checkedAt: String = "2026-01-01 10:00") -> [UInt8] {
            writer.render(export, context: context(checkedAt))
        }
        let shared = context()
        let firstHTML = html.render(first, context: shared)
        XCTAssertEqual(firstHTML, alone(html, first))
        XCTAssertTrue(String(decoding: firstHTML, as: UTF8.self).contains("&lt;не указан&gt; срок"))
        XCTAssertTrue(String(decoding: firstHTML, as: UTF8.self).contains("первая.docx"))
        XCTAssertEqual(docx.render(first, context: shared), alone(docx, first))
        // The same context asked about another export builds that one's data.
        let secondHTML = html.render(second, context: shared)
        XCTAssertEqual(secondHTML, alone(html, second))
        XCTAssertTrue(String(decoding: secondHTML, as: UTF8.self).contains("срок &amp; ответственные"))
        XCTAssertEqual(docx.render(second, context: shared), alone(docx, second))
        XCTAssertNotEqual(alone(docx, first), alone(docx, second))
        // And another day, its own.
        let later = context("2026-03-02 09:00")
        XCTAssertTrue(String(decoding: html.render(first, context: later), as: UTF8.self).contains("2 марта 2026 г."))
        XCTAssertEqual(docx.render(first, context: later), alone(docx, first, "2026-03-02 09:00"))
        XCTAssertNotEqual(alone(docx, first, "2026-03-02 09:00"), alone(docx, first))
    }
}
