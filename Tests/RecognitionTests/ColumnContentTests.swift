import Model
import OOXML
import XCTest
@testable import Recognition

/// The fallback for columns whose header names nothing: a column is read by what its cells hold.
final class ColumnContentTests: XCTestCase {
    func testCellKinds() {
        let cases: [(String, ColumnField?)] = [
            ("1.", .number), ("2.3", .number), ("IV", .number),
            ("сентябрь 2024 г.", .deadline), ("до 01.12.2024", .deadline), ("В течение года", .deadline),
            ("ежеквартально", .deadline), ("II квартал", .deadline), ("2024–2025", .deadline), ("по мере необходимости", .deadline),
            ("Петрова А.В.", .responsibles), ("Заместитель директора по УВР", .responsibles), ("учителя-предметники", .responsibles),
            ("Классные руководители 5–9 классов", .responsibles), ("И. И. Иванов, педагог-психолог", .responsibles),
            ("Приказ", .result), ("Аналитическая справка", .result), ("Протокол заседания МО", .result),
            ("Приказ директора", .result), ("Отчёт на сайте", .result),
            ("Проведение анкетирования молодых педагогов", .activity), ("Организация взаимопосещения уроков", .activity),
            ("Да", nil), ("—", nil),
        ]
        for (text, kind) in cases { XCTAssertEqual(ColumnContent.kind(of: text), kind, text) }
    }

    func testCueWordsTakeAnEndingOfUpToThreeLetters() {
        XCTAssertTrue(ColumnContent.isCue("справка", .result))
        XCTAssertTrue(ColumnContent.isCue("планы", .result))
        XCTAssertFalse(ColumnContent.isCue("планирование", .result), "a longer word is another word")
        XCTAssertTrue(ColumnContent.isCue("заместителя", .responsibles))
    }

    func testDatesAndInitials() {
        XCTAssertTrue(ColumnContent.hasDate("до 1.09"))
        XCTAssertFalse(ColumnContent.hasDate("Этап 1. Подготовка"))
        XCTAssertTrue(ColumnContent.hasInitials("Иванова И.И."))
        XCTAssertTrue(ColumnContent.hasInitials("А. В. Петрова"))
        XCTAssertFalse(ColumnContent.hasInitials("МБОУ СОШ № 5. Лицей"))
    }

    /// Columns whose header words no synonym knows get their fields by content; a known header keeps its own.
    func testOpenColumnsOfAHeaderAreReadByContent() throws {
        let table = try XCTUnwrap(tables(roadmapTable(header: ["№", "Суть", "Когда", "Исполнитель", "Подтверждение"], rows: [
            ["1.", "Проведение диагностики затруднений педагогов", "сентябрь 2024", "Петрова А.В.", "Аналитическая справка"],
            ["2.", "Организация работы наставнических пар", "в течение года", "Руководители ШМО", "Приказ"],
        ])).first)
        let map = try XCTUnwrap(HeaderMapper.map(table, expectReport: false))
        XCTAssertEqual(map.ranges(.activity), [1..<2])
        XCTAssertEqual(map.ranges(.deadline), [2..<3])
        XCTAssertEqual(map.ranges(.responsibles), [3..<4])
        XCTAssertEqual(map.ranges(.result), [4..<5])
    }

    /// A column named to be left alone («Примечание») is not read by content.
    func testIgnoredColumnsStayUnread() throws {
        let table = try XCTUnwrap(tables(roadmapTable(header: ["№", "Мероприятие", "Срок", "Ответственный", "Примечание"], rows: [
            ["1.", "Проведение диагностики", "сентябрь 2024", "Петрова А.В.", "Приказ"],
            ["2.", "Организация работы пар", "октябрь 2024", "Куратор", "Справка"],
        ])).first)
        let map = try XCTUnwrap(HeaderMapper.map(table, expectReport: false))
        XCTAssertFalse(map.has(.result))
        XCTAssertEqual(HeaderMapper.meaning(of: "Примечание"), .ignored)
    }

    /// With no header row at all, a table is a roadmap only when its columns hold an activity and a deadline or responsibles.
    func testTablesWithNoHeaderRow() throws {
        let roadmap = try XCTUnwrap(tables(W.table(columns: 4, rows: [
            W.tr(["1", "Проведение диагностики затруднений педагогов", "сентябрь 2024 г.", "Заместитель директора по УВР"]),
            W.tr(["2", "Организация работы наставнических пар", "в течение года", "Руководители ШМО"]),
        ])).first)
        let map = try XCTUnwrap(HeaderMapper.mapByContent(roadmap))
        XCTAssertEqual(map.firstDataRow, 0)
        XCTAssertEqual([map.ranges(.number), map.ranges(.activity), map.ranges(.deadline), map.ranges(.responsibles)],
                       [[0..<1], [1..<2], [2..<3], [3..<4]])
        // A working group: names and posts, no activity.
        let group = try XCTUnwrap(tables(W.table(columns: 3, rows: [
            W.tr(["1", "Иванова Анна Петровна", "заместитель директора по УВР"]),
            W.tr(["2", "Петров Иван Сергеевич", "учитель математики"]),
        ])).first)
        XCTAssertNil(HeaderMapper.mapByContent(group))
    }

    /// A first row that names one column is the header; its other columns are read by content.
    func testAHeaderNamingOneColumn() throws {
        let table = try XCTUnwrap(tables(W.table(columns: 3, rows: [
            W.tr(["Что делаем", "Когда", "Кого привлекаем"], header: true),
            W.tr(["Проведение диагностики затруднений педагогов", "сентябрь 2024 г.", "Петрова А.В."]),
            W.tr(["Организация работы наставнических пар", "в течение года", "Руководители ШМО"]),
        ])).first)
        let map = try XCTUnwrap(HeaderMapper.map(table, expectReport: false) ?? HeaderMapper.mapByContent(table))
        XCTAssertEqual(map.firstDataRow, 1)
        XCTAssertEqual(map.ranges(.activity), [0..<1])
        XCTAssertEqual(map.ranges(.deadline), [1..<2])
    }

    private func tables(_ body: String) throws -> [Table] {
        try DocxReader().read(bytes: try W.make(body: body), fileName: "t.docx").tables
    }
}
