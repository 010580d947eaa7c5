import Foundation
import JSON
import Model
import XCTest
@testable import Reports
import Templates

final class QuarterlySummaryTests: XCTestCase {
    func entries() -> [MunicipalSummary.Entry] {
        let hostile = "Школа <script>alert(1)</script> & «Ромашка»"
        let a = Q.submission(Q.roadmap([
            Q.dated("1", "А", due: "2024-02-01"), Q.dated("2", "Б", due: "2024-02-02"),
            Q.dated("3", "В", due: "2024-02-03"), Q.dated("4", "Г", due: "2024-02-04"),
        ], org: hostile), report: Q.report([
            Q.reported("1", "А", "Выполнено"), Q.reported("2", "Б", "Выполнено"), Q.reported("3", "В", "Выполнено"),
        ], org: hostile), quarter: "2024-Q1", today: "2024-04-20")
        var b = Q.submission(Q.roadmap([Q.event("1", "Д")], org: "Гимназия № 2"), quarter: "2024-Q1", today: "2024-04-20")
        b.diagnostics = [.error: 2, .warning: 1]
        b.protocols = ["protocols/Гимназия № 2 #1.docx"]
        return [MunicipalSummary.Entry(submission: a, submissionLink: "a.docx", dataLink: "a.json"),
                MunicipalSummary.Entry(submission: b, dataLink: "b.json")]
    }

    func testEverythingIsEscaped() {
        let html = MunicipalSummary(quarter: Q.quarter("2024-Q1"), generatedOn: Q.day("2024-04-20"), entries: entries()).html()
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("Школа &lt;script&gt;alert(1)&lt;/script&gt; &amp; «Ромашка»"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
    }

    func testChartHasABarPerOrganisationWithDueItems() throws {
        let html = MunicipalSummary(quarter: Q.quarter("2024-Q1"), generatedOn: Q.day("2024-04-20"), entries: entries()).html()
        XCTAssertTrue(html.contains("<svg class=\"chart\""))
        let bars = html.components(separatedBy: "class=\"bar\"").count - 1
        XCTAssertEqual(bars, 1, "the second organisation has nothing due")
        // 3 of 4 done: 75% of the 400-pixel bar.
        XCTAssertTrue(html.contains("width=\"300\" height=\"16\" class=\"bar\""))
        XCTAssertTrue(html.contains(">75%</text>"))
        XCTAssertTrue(html.contains("нет пунктов со сроком в квартале"))
    }

    func testLinksDiagnosticsAndLateNotice() {
        let html = MunicipalSummary(quarter: Q.quarter("2024-Q1"), generatedOn: Q.day("2024-04-20"), entries: entries(),
                                    workbookLink: "summary.xlsx").html()
        XCTAssertTrue(html.contains("<a href=\"a.docx\">отчёт за квартал</a>"))
        XCTAssertTrue(html.contains("<a href=\"summary.xlsx\">"))
        let link = html.components(separatedBy: "\">протокол</a>")[0].components(separatedBy: "<a href=\"").last ?? ""
        XCTAssertTrue(link.hasPrefix("protocols/"))
        XCTAssertFalse(link.contains(" ") || link.contains("#") || link.contains("№"), link)
        XCTAssertEqual(link.removingPercentEncoding, "protocols/Гимназия № 2 #1.docx")
        XCTAssertTrue(html.contains("<td class=\"warn\">2</td><td>1</td><td>0</td>"))
        XCTAssertTrue(html.contains("после срока сдачи отчёта за квартал (10 апреля 2024 г.)"))

        let early = MunicipalSummary(quarter: Q.quarter("2024-Q1"), generatedOn: Q.day("2024-04-10"), entries: entries()).html()
        XCTAssertFalse(early.contains("после срока"))
    }

    func testTotalsRowSumsEveryOrganisationAndPrintStylesAreThere() {
        let html = MunicipalSummary(quarter: Q.quarter("2024-Q1"), generatedOn: Q.day("2024-04-20"), entries: entries()).html()
        // 4 due, 3 done (75%), 0 not done, 0 in progress, 1 no data, 0 overdue, 1 by event, 0 undated, 2/1/0 diagnostics.
        XCTAssertTrue(html.contains("<tfoot><tr><td>Итого (организаций: 2)</td><td>4</td><td>3</td><td>75%</td><td>0</td>"
                                    + "<td>0</td><td>1</td><td>0</td><td>1</td><td>0</td><td>2</td><td>1</td><td>0</td>"), html)
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertTrue(html.contains("thead { display: table-header-group; }"))
        XCTAssertFalse(html.contains("break-all"))
    }

    func testShortLabelsKeepTheNumberAndAreDistinct() {
        let long = "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № "
        let labels = MunicipalSummary.shortLabels([long + "1»", long + "12»", "Гимназия № 2", "Гимназия № 2"])
        XCTAssertEqual(Set(labels).count, 4, "\(labels)")
        XCTAssertTrue(labels[0].hasSuffix("школа № 1»"), labels[0])
        XCTAssertTrue(labels[1].hasSuffix("школа № 12»"), labels[1])
        XCTAssertTrue(labels.allSatisfy { $0.count <= 45 }, "\(labels)")
        XCTAssertEqual(labels[2], "Гимназия № 2 (3)")
    }

    func testSummaryDataForTheDocument() {
        let summary = MunicipalSummary(quarter: Q.quarter("2024-Q1"), generatedOn: Q.day("2024-04-20"), entries: entries())
        let settings = DepartmentSettings(department: "Управление образования",
                                          head: .init(post: "Начальник управления", name: "И. И. Иванов"))
        let json = summary.json(settings: settings)
        XCTAssertEqual(json["periodFrom"]?.stringValue, "1 января 2024 г.")
        XCTAssertEqual(json["deadline"]?.stringValue, "10 апреля 2024 г.")
        XCTAssertEqual(json["late"], .bool(true))
        XCTAssertEqual(json["organizations"]?.arrayValue?.count, 2)
        XCTAssertEqual(json["totals"]?["dueDone"], .number(3))
        XCTAssertEqual(json["totals"]?["donePercent"]?.stringValue, "75%")
        XCTAssertEqual(json["signature"]?["post"]?.stringValue, "Начальник управления")
        XCTAssertEqual(json["department"]?.stringValue, "Управление образования")
    }

    func testSummaryTemplateUsesOnlyNamesTheDataHas() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let template = try DocxTemplate(path: root.appendingPathComponent("samples/templates/summary.docx").path)
        let json = MunicipalSummary(quarter: Q.quarter("2024-Q1"), generatedOn: Q.day("2024-04-20"), entries: entries()).json()
        let report = template.check(schema: TemplateSchema(sample: json))
        XCTAssertEqual(report.faults, [])
        XCTAssertTrue(report.tags.contains { $0.tag == "{{totals.dueDone}}" })
        XCTAssertTrue(report.tags.contains { $0.tag == "{{signature.name}}" })
    }
}
