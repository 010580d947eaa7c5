import Foundation
import Model
import OOXML
import Recognition
import XCTest

/// A home's learned words (`HomeLexicon`): read beside the bundled data, so that a header or a heading a
/// methodist taught once is recognised in the next file without help; without the file, nothing changes.
final class HomeLexiconTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kartograf-lex-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    static let body = W.p("Маршрут преобразований наставничества в МБОУ СОШ № 5 на 2024 год", props: "<w:jc w:val=\"center\"/>", bold: true)
        + roadmapTable(header: ["№", "Мероприятие", "Ориентир исполнения", "Ответственный"], rows: [
            ["1", "Проведение диагностики затруднений педагогов", "сентябрь 2024 г.", "Петрова А.В."],
            ["2", "Организация работы наставнических пар", "в течение года", "Руководители ШМО"],
        ])

    func recognize(_ learned: HomeLexicon?) throws -> [RecognizedDocument] {
        let tree = try DocxReader().read(bytes: try W.make(body: Self.body), fileName: "test.docx")
        return Recognizer(learned: learned).recognize(tree)
    }

    func testTaughtHeaderAndHeadingAreReadInTheNextFile() throws {
        let path = HomeLexicon.path(in: folder)
        let before = try recognize(nil)
        XCTAssertNotEqual(before.first { $0.document.kind == .roadmap }?.document.title?.hasPrefix("Маршрут"), true,
                          "the bundled data does not know this heading: \(before.map(\.document.title))")

        var lexicon = try HomeLexicon(path: path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "an empty lexicon writes nothing")
        lexicon = try lexicon.learningColumn("Ориентир исполнения", field: "deadline")
        lexicon = try lexicon.learningTitle("Маршрут преобразований наставничества в МБОУ СОШ № 5 на 2024 год", kind: .roadmap)
        // Learning twice keeps one entry.
        lexicon = try lexicon.learningColumn("ориентир  исполнения", field: "deadline")
        XCTAssertEqual(lexicon.words["columns"]?["deadline"]?.arrayValue?.count, 1)
        XCTAssertEqual(lexicon.words["titles"]?["roadmap"]?.arrayValue?.first?.stringValue, "Маршрут преобразований наставничества")

        // Read back from the file, as the next run does.
        let after = try recognize(try HomeLexicon(path: path))
        let roadmap = try XCTUnwrap(after.first { $0.document.kind == .roadmap })
        XCTAssertTrue(roadmap.document.title?.hasPrefix("Маршрут преобразований") ?? false, "\(String(describing: roadmap.document.title))")
        let items = roadmap.document.allItems.map(\.item)
        XCTAssertEqual(items.map(\.deadline.text), ["сентябрь 2024 г.", "в течение года"])

        // Recognition without the lexicon is as before (the learned words are the run's, not the process's).
        XCTAssertEqual(try recognize(nil).map(\.document.title), before.map(\.document.title))
    }

    func testAnUnknownFieldAndABrokenFileAreRussianErrors() throws {
        let path = HomeLexicon.path(in: folder)
        XCTAssertThrowsError(try HomeLexicon(path: path).learningColumn("Цвет", field: "colour")) {
            XCTAssertTrue("\($0)".contains("неизвестно"), "\($0)")
        }
        try Data("{не json".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try HomeLexicon(path: path)) { XCTAssertTrue("\($0)".contains("не читается"), "\($0)") }
    }
}
