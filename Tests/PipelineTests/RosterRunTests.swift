import Foundation
import JSON
import Model
import XCTest

/// `run --roster`: files are filed under the roster's names, a stranger is a diagnostic; without a
/// roster the spellings of one school are learned into one folder.
final class RosterRunTests: XCTestCase {
    func testRosterNamesTheFoldersAndAStrangerIsADiagnostic() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        let roster = h.root + "/список.csv"
        try Data("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»;МБОУ СОШ № 1\n".utf8)
            .write(to: URL(fileURLWithPath: roster))
        try h.put("a.docx", TestDocx.roadmap(organization: "МБОУ СОШ №1"))
        try h.put("b.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 12", version: 2))
        let result = try h.run(["--roster", roster])
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = h.files(under: "Организации")
        XCTAssertTrue(files.contains { $0.hasPrefix("Муниципальное бюджетное общеобразовательное учреждение") && $0.hasSuffix("/a.json") }, "\(files)")
        let strangerExport = try XCTUnwrap(files.first { $0.hasSuffix("/b.json") })
        XCTAssertTrue(strangerExport.hasPrefix("МБОУ СОШ № 12/"), strangerExport)
        let json = try JSONParser.parse(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: h.out + "/Организации/" + strangerExport))))
        let codes = json["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        XCTAssertTrue(codes.contains("organisation.not-in-roster"), "\(codes)")

        XCTAssertTrue(FileManager.default.fileExists(atPath: h.out + "/организации.csv"),
                      "the roster is kept beside the registry for report quarterly")

        let unreadable = try h.run(["--roster", h.root + "/нет такого.csv"])
        XCTAssertEqual(unreadable.status, 2)
        XCTAssertTrue(unreadable.stderr.contains("Не удалось прочитать список организаций"), unreadable.stderr)
    }

    func testWithoutARosterSpellingsOfOneSchoolShareAFolder() throws {
        let h = try Harness()
        defer { h.cleanUp() }
        try h.put("a.docx", TestDocx.roadmap(organization: "МБОУ СОШ № 4"))
        try h.put("b.docx", TestDocx.roadmap(organization: "МБОУ «Средняя общеобразовательная школа №4»", version: 2))
        XCTAssertEqual(try h.run().status, 0)
        let folders = Set(h.files(under: "Организации").map { $0.split(separator: "/")[0] })
        XCTAssertEqual(folders.count, 1, "\(folders)")
    }
}
