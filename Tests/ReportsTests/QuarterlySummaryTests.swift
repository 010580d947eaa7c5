import Foundation
import JSON
import Model
import XCTest
@testable import Reports

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
        XCTAssertTrue(html.contains("после срока сдачи отчёта за квартал (10.04.2024)"))

        let early = MunicipalSummary(quarter: Q.quarter("2024-Q1"), generatedOn: Q.day("2024-04-10"), entries: entries()).html()
        XCTAssertFalse(early.contains("после срока"))
    }
}
