import Extraction
import Model
import OOXML
import TestSupport
import XCTest

/// A quarterly report from a Word file: its organisation without the quarter after it, the year of its
/// quarter as its period, and no «не указаны ответственные» where its table has no such column.
final class QuarterReportExtractionTests: XCTestCase {
    typealias W = WordPackage

    func report(title: String, header: [String], rows: [[String]]) throws -> Export {
        let body = W.p(title, bold: true)
            + W.table(columns: header.count, rows: [W.tr(header, header: true)] + rows.map { W.tr($0) })
        return Extractor().extract(bytes: try W.make(body: body), fileName: "отчёт.docx")
    }

    func testAQuarterlyReportWithoutAResponsiblesColumn() throws {
        for (title, organization) in [
            ("Отчёт о выполнении дорожной карты по наставничеству МБОУ «СОШ № 14» за III квартал 2024 года", "МБОУ «СОШ № 14»"),
            ("Информация о реализации плана мероприятий МАОУ «Лицей № 4» за 1 полугодие 2024 г.", "МАОУ «Лицей № 4»"),
            ("Отчёт МБОУ СОШ № 3 за 3 кв. 2024 г. о реализации дорожной карты", "МБОУ СОШ № 3"),
        ] {
            let export = try report(title: title, header: ["№", "Мероприятие", "Срок", "Отметка о выполнении"], rows: [
                ["1", "Анкетирование педагогов", "сентябрь", "выполнено"],
                ["2", "Формирование наставнических пар", "до 15.10.2024", "в работе"],
            ])
            let document = try XCTUnwrap(export.documents.first, title)
            XCTAssertEqual(document.kind, .report, title)
            XCTAssertEqual(document.organization, organization, title)
            XCTAssertEqual(document.period, Period.calendarYears(2024, 2024), title)
            XCTAssertEqual(document.allItems.first?.item.deadline.occurrences.first?.due.iso, "2024-09-30",
                           "a month without a year is placed in the report's year")
            XCTAssertEqual(export.diagnostics.map(\.code), [], "\(title): \(export.diagnostics.map(\.message))")
        }
    }

    /// Where the report has the column, an empty cell is still reported, and a roadmap without the column
    /// still says every item lacks its responsibles.
    func testAnEmptyResponsiblesCellIsStillReported() throws {
        let withColumn = try report(title: "Отчёт о реализации дорожной карты МБОУ СОШ № 3 за 2024 год",
                                    header: ["№", "Мероприятие", "Срок", "Ответственный", "Отметка о выполнении"],
                                    rows: [["1", "Семинар", "май 2024", "", "выполнено"]])
        XCTAssertEqual(withColumn.diagnostics.map(\.code), [.responsibleMissing])
        let roadmap = try report(title: "Дорожная карта МБОУ СОШ № 3 на 2024 год",
                                 header: ["№", "Мероприятие", "Срок", "Результат"],
                                 rows: [["1", "Семинар", "май 2024", "Протокол"]])
        XCTAssertEqual(roadmap.documents.first?.kind, .roadmap)
        XCTAssertEqual(roadmap.diagnostics.map(\.code), [.responsibleMissing])
    }
}
