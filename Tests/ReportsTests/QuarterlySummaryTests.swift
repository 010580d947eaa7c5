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
        XCTAssertTrue(html.contains("<td><span class=\"warn\">2</span> / 1 / 0</td>"), "errors / warnings / notes")
        XCTAssertTrue(html.contains("после срока сдачи отчёта за квартал (10 апреля 2024 г.)"))

        let early = MunicipalSummary(quarter: Q.quarter("2024-Q1"), generatedOn: Q.day("2024-04-10"), entries: entries()).html()
        XCTAssertFalse(early.contains("после срока"))
    }

    func testTotalsRowSumsEveryOrganisationAndPrintStylesAreThere() {
        let html = MunicipalSummary(quarter: Q.quarter("2024-Q1"), generatedOn: Q.day("2024-04-20"), entries: entries()).html()
        // 4 due, 3 done (75%), 0 not done, 0 in progress, 1 no data, 0 overdue, 1 by event, 0 undated, 2/1/0 diagnostics.
        XCTAssertTrue(html.contains("<tfoot><tr><td>Итого (организаций: 2)</td><td class=\"state\">в срок: 1</td>"
                                    + "<td>4</td><td>3</td><td>75%</td><td>0</td>"
                                    + "<td>0</td><td>1</td><td>0</td><td>1</td><td>0</td><td>2 / 1 / 0</td>"), html)
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

    /// Two organisations of a second quarter: one reported late and has an item left from the first
    /// quarter, one sent nothing; the roster gives the second a short name.
    func stateAndOverdueEntries() -> [MunicipalSummary.Entry] {
        let year = Period(from: Q.day("2024-01-01"), to: Q.day("2024-12-31"))
        let long = "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»"
        var a = QuarterlySelector().submission(for: QuarterlyInput(
            organization: long,
            roadmap: Q.roadmap([Q.dated("1", "Семинар наставников", due: "2024-02-15", text: "февраль 2024"),
                                Q.dated("2", "Анкетирование", due: "2024-05-20")], period: year, org: long),
            report: Q.report([Q.reported("2", "Анкетирование", "Выполнено")], org: long), reportArrived: Q.day("2024-07-12")),
            quarter: Q.quarter("2024-Q2"), generatedOn: Q.day("2024-07-20"))
        a.protocols = []
        let b = QuarterlySelector().submission(for: QuarterlyInput(
            organization: "Муниципальное автономное общеобразовательное учреждение «Лицей № 2»", shortName: "Лицей № 2",
            recognition: .roster, roadmap: Q.roadmap([Q.dated("1", "Совещание", due: "2024-06-01")], period: year)),
            quarter: Q.quarter("2024-Q2"), generatedOn: Q.day("2024-07-20"))
        return [MunicipalSummary.Entry(submission: a), MunicipalSummary.Entry(submission: b)]
    }

    func testEveryOrganisationHasItsReportState() {
        let entries = stateAndOverdueEntries()
        XCTAssertEqual(entries.map(\.submission.stateText), ["представлен после срока", "не представлен"])
        let html = MunicipalSummary(quarter: Q.quarter("2024-Q2"), generatedOn: Q.day("2024-07-20"), entries: entries).html()
        XCTAssertTrue(html.contains("<th>Отчёт за квартал</th>"))
        XCTAssertTrue(html.contains("<td class=\"state warn\">представлен после срока<br><span class=\"sub\">поступил 12.07.2024</span></td>"), html)
        XCTAssertTrue(html.contains("<td class=\"state warn\">не представлен</td>"))
        XCTAssertTrue(html.contains("Отчёты за квартал: представлен после срока — 1; не представлен — 1."))
        let json = MunicipalSummary(quarter: Q.quarter("2024-Q2"), generatedOn: Q.day("2024-07-20"), entries: entries).json()
        XCTAssertEqual(json["organizations"]?.arrayValue?[0]["state"]?.stringValue, "представлен после срока")
        XCTAssertEqual(json["organizations"]?.arrayValue?[0]["reportArrived"]?.stringValue, "12.07.2024")
        XCTAssertEqual(json["totals"]?["onTime"], .number(0))
        XCTAssertEqual(json["totals"]?["afterDeadline"], .number(1))
        XCTAssertEqual(json["totals"]?["missing"], .number(1))
        XCTAssertEqual(json["totals"]?["notRecognized"], .number(0))
    }

    func testOverdueItemsHaveASectionWithTheirOriginalDates() {
        let entries = stateAndOverdueEntries()
        XCTAssertEqual(entries[0].submission.overdueRows.map(\.number), ["1"])
        let html = MunicipalSummary(quarter: Q.quarter("2024-Q2"), generatedOn: Q.day("2024-07-20"), entries: entries).html()
        let section = html.components(separatedBy: "<h2>Просроченные мероприятия").last ?? ""
        XCTAssertTrue(section.contains("<table class=\"overdue\">"))
        XCTAssertTrue(section.contains("<td rowspan=\"1\" title=\"\(entries[0].submission.organization)\">МБОУ «СОШ № 5»</td>"
                                       + "<td>1</td><td>Семинар наставников</td><td>февраль 2024</td><td>15.02.2024</td><td>просрочено</td>"), section)
        XCTAssertFalse(section.contains("Совещание"), "due in the quarter, not overdue")
        let json = MunicipalSummary(quarter: Q.quarter("2024-Q2"), generatedOn: Q.day("2024-07-20"), entries: entries).json()
        XCTAssertEqual(json["hasOverdue"], .bool(true))
        XCTAssertEqual(json["overdue"]?.arrayValue?.count, 1)
        XCTAssertEqual(json["overdue"]?.arrayValue?[0]["shortName"]?.stringValue, "МБОУ «СОШ № 5»")
        XCTAssertEqual(json["overdue"]?.arrayValue?[0]["dates"]?.stringValue, "15.02.2024")

        let none = MunicipalSummary(quarter: Q.quarter("2024-Q1"), generatedOn: Q.day("2024-04-20"), entries: self.entries()).html()
        XCTAssertTrue(none.contains("<h2>Просроченные мероприятия (срок истёк до начала квартала, выполнение не отмечено)</h2>\n<p class=\"totals\">Нет.</p>"))
    }

    func testChartLabelsAreShortNames() {
        let summary = MunicipalSummary(quarter: Q.quarter("2024-Q2"), generatedOn: Q.day("2024-07-20"), entries: stateAndOverdueEntries())
        XCTAssertEqual(summary.labels, ["МБОУ «СОШ № 5»", "Лицей № 2"], "the roster's short name, else the long forms abbreviated")
        let chart = summary.chart(summary.labels)
        XCTAssertTrue(chart.contains("class=\"label\">МБОУ «СОШ № 5»</text>"), chart)
        XCTAssertTrue(chart.contains("class=\"label\">Лицей № 2</text>"))
        XCTAssertFalse(chart.contains("class=\"label\">Муниципальное"), "no official name as a label")
        XCTAssertEqual(summary.json()["organizations"]?.arrayValue?[1]["shortName"]?.stringValue, "Лицей № 2")
    }

    func testHeadingStatesTheDeadlineGiven() {
        let entries = stateAndOverdueEntries()
        let html = MunicipalSummary(quarter: Q.quarter("2024-Q2"), deadline: Q.day("2024-07-25"), generatedOn: Q.day("2024-07-20"),
                                    entries: entries).html()
        XCTAssertTrue(html.contains("срок сдачи отчёта: <b>25 июля 2024 г.</b>"), html)
        XCTAssertFalse(html.contains("10 июля 2024 г."))
        XCTAssertFalse(html.contains("после срока сдачи отчёта за квартал"), "generated before that deadline")
        let json = MunicipalSummary(quarter: Q.quarter("2024-Q2"), deadline: Q.day("2024-07-25"), generatedOn: Q.day("2024-07-20"),
                                    entries: entries).json()
        XCTAssertEqual(json["deadline"]?.stringValue, "25 июля 2024 г.")
        XCTAssertEqual(json["late"], .bool(false))
    }
}
