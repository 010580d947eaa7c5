import Foundation
import JSON
import XCTest
@testable import Checks

final class BlanksTests: XCTestCase {
    /// Every blank of the data file finds its own example, and the example holds one of the
    /// texts the blank requires (a `requires` list that missed its example would hide the blank).
    func testEveryBlankOfTheDataFindsItsExample() throws {
        let url = try XCTUnwrap(Self.bundledBlanks)
        let json = try JSONParser.parse(bytes: [UInt8](try Data(contentsOf: url)))
        let entries = try XCTUnwrap(json["blanks"]?.arrayValue)
        XCTAssertEqual(entries.count, Blanks.table.blanks.count)
        XCTAssertNoThrow(try Blanks.Expressions(Blanks.table), "the bundled patterns compile")
        for entry in entries {
            let name = entry["name"]?.stringValue ?? "?"
            let examples = (entry["example"]?.stringValue ?? "").components(separatedBy: ", ")
            for example in examples {
                XCTAssertNotNil(Blanks.first(in: "Срок: \(example) текст"), "\(name): \(example)")
            }
        }
    }

    static var bundledBlanks: URL? {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Checks/Resources/blanks.json")
    }

    func testWordsEndingInXAreNoBlank() {
        XCTAssertNil(Blanks.first(in: "на курсах повышения квалификации"))
        XCTAssertNil(Blanks.first(in: "Участие в мероприятиях года"))
        XCTAssertEqual(Blanks.first(in: "в течение XX учебного года"), "XX учебн")
        XCTAssertEqual(Blanks.first(in: "x года"), "x года")
    }

    func testABrokenDataFileIsReportedInRussian() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("blanks-\(UUID().uuidString).json")
        try Data([0xEF, 0xBB, 0xBF, 0x7B, 0xC0, 0x7D]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        guard case let .failure(problem) = Blanks.read(url) else { return XCTFail("an invalid file was read") }
        XCTAssertTrue(problem.message.contains("UTF-8"), problem.message)
        XCTAssertThrowsError(try Blanks.table(.object([("blanks", .array([.object([("requires", .array([]))])]))])))
    }

    func testAPatternWithAGroupAsksForANonCapturingOne() {
        func table(_ pattern: String) throws -> Blanks.Expressions {
            try Blanks.Expressions(Blanks.table(.object([
                ("blanks", .array([.object([("pattern", .string(pattern)), ("requires", .array([.string("_")]))])])),
                ("signature", .object([("pattern", .string("_{4,}"))])),
            ])))
        }
        XCTAssertNoThrow(try table("(?:20|19)__"))
        XCTAssertThrowsError(try table("(20|19)__")) { error in
            XCTAssertTrue("\(error)".contains("(?:…)"), "\(error)")
        }
        XCTAssertThrowsError(try table("(20"))
    }

    func testFirstBlankFindsEachKind() {
        XCTAssertEqual(Blanks.first(in: "(ФИО руководителя)"), "(ФИО руководителя)")
        XCTAssertEqual(Blanks.first(in: "Срок: 20__ г."), "20__")
        XCTAssertEqual(Blanks.first(in: "«__» августа"), "«__»")
        XCTAssertEqual(Blanks.first(in: "подпись ________"), "________")
        XCTAssertNil(Blanks.first(in: "Иванов И. И. __________"))
        XCTAssertNil(Blanks.first(in: "Директор (по согласованию)"))
        XCTAssertEqual(Blanks.first(in: "(ПОДПИСЬ)"), "(ПОДПИСЬ)")
        XCTAssertEqual(Blanks.first(in: "(дата)"), "(дата)")
        XCTAssertEqual(Blanks.first(in: "(Должность)"), "(Должность)")
    }

    func testBlanksInAFormAreFound() {
        XCTAssertEqual(Blanks.first(in: "Организовать в (наименование образовательной организации) внедрение"), "(наименование образовательной организации)")
        XCTAssertEqual(Blanks.first(in: "май Х года"), "Х года")
        XCTAssertEqual(Blanks.first(in: "в срок до 00.00.0000"), "00.00.0000")
        XCTAssertNil(Blanks.first(in: "Директор __________ И. О. Фамилия"))
        XCTAssertNil(Blanks.first(in: "Приказ от 10.08.2021 № 279"))
    }
}
