import Foundation
import JSON
import XCTest

/// Legacy formats: converted by LibreOffice where `soffice` is on PATH, rejected with advice where not.
/// A stand-in `soffice` script plays LibreOffice so that both paths are exercised on any machine.
final class ConversionTests: XCTestCase {
    /// An OLE header, as a Word 97-2003 file starts.
    let legacyBytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        + Array("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0".utf8)

    func testLegacyFileIsConvertedWhenSofficeIsOnPath() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let bin = h.root + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let converted = h.root + "/converted.docx"
        try Data(TestDocx.roadmap(organization: "Школа")).write(to: URL(fileURLWithPath: converted))
        // Takes `--outdir DIR` and the input path last, as LibreOffice does; writes DIR/<stem>.docx.
        let script = """
            #!/bin/sh
            outdir=""; prev=""; input=""
            for a in "$@"; do [ "$prev" = "--outdir" ] && outdir="$a"; prev="$a"; input="$a"; done
            stem=$(basename "$input"); stem="${stem%.*}"
            cp "\(converted)" "$outdir/$stem.docx"
            """
        try script.write(toFile: bin + "/soffice", atomically: true, encoding: .utf8)
        chmod(bin + "/soffice", 0o755)
        try h.put("старый отчёт.doc", legacyBytes)

        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin + ":/usr/bin:/bin"
        let result = try h.kartograf(["run", h.inbox, "--out", h.out, "--json"], environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        let summary = try XCTUnwrap(result.json)
        XCTAssertEqual(summary.int("processed"), 1)
        XCTAssertEqual(summary.int("converted"), 1)
        let file = try XCTUnwrap(summary["files"]?.arrayValue?.first)
        let export = try String(contentsOfFile: h.out + "/" + (file["export"]?.stringValue ?? "?"), encoding: .utf8)
        XCTAssertTrue(export.contains("\"file\": \"старый отчёт.doc\""), export)
        XCTAssertEqual(h.files(under: "Обработанные"), ["старый отчёт.doc"])
        XCTAssertEqual(h.files(under: ".kartograf-tmp"), [], "the private conversion folder is removed")
    }

    func testLegacyFileIsRejectedWithAdviceWithoutLibreOffice() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.put("старый отчёт.doc", legacyBytes)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = h.root + "/nothing"
        let result = try h.kartograf(["run", h.inbox, "--out", h.out, "--json"], environment: environment)
        XCTAssertEqual(result.status, 1)
        let rejected = try XCTUnwrap(result.json?["rejected"]?.arrayValue?.first)
        XCTAssertEqual(rejected["code"]?.stringValue, "file.unsupported-format")
        XCTAssertTrue(rejected["reason"]?.stringValue?.contains(".docx") ?? false)
        XCTAssertEqual(h.files(under: "Отклонённые"), ["старый отчёт.doc", "старый отчёт.doc.причина.txt"])
    }
}
