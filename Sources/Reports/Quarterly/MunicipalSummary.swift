import Foundation
import JSON
import Model
import Text

/// The municipality's self-contained HTML page for a quarter: a bar chart of each organisation's
/// share of due items done, a table of counts and diagnostics, links to submissions and protocols.
public struct MunicipalSummary: Sendable {
    public struct Entry: Sendable, Hashable {
        public var submission: QuarterlySubmission
        /// Relative path of the organisation's submission (.docx, or its data .json).
        public var submissionLink: String?
        public var dataLink: String?

        public init(submission: QuarterlySubmission, submissionLink: String? = nil, dataLink: String? = nil) {
            self.submission = submission
            self.submissionLink = submissionLink
            self.dataLink = dataLink
        }
    }

    public var quarter: Quarter
    public var generatedOn: Day
    public var entries: [Entry]
    /// Relative path of the workbook, linked from the page.
    public var workbookLink: String?

    public init(quarter: Quarter, generatedOn: Day, entries: [Entry], workbookLink: String? = nil) {
        self.quarter = quarter
        self.generatedOn = generatedOn
        self.entries = entries
        self.workbookLink = workbookLink
    }

    public func html() -> String {
        var h = ""
        h.reserveCapacity(4096 + entries.count * 1200)
        let title = "Сводка по муниципалитету: \(quarter.russian)"
        let deadline = quarter.reportingDeadline
        h += "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<title>\(esc(title))</title>\n<style>\n\(MunicipalSummary.css)</style>\n</head>\n<body>\n"
        h += "<h1>\(esc(title))</h1>\n"
        // Russian dates end with «г.», so the parts are joined by semicolons, not full stops.
        h += "<p class=\"meta\">Период: \(quarter.period.russianText); "
        h += "срок сдачи отчёта: <b>\(deadline.russianText)</b>; сформировано: \(generatedOn.russianText)</p>\n"
        if generatedOn > deadline {
            h += "<p class=\"late\">Сводка сформирована после срока сдачи отчёта за квартал (\(deadline.russianText)).</p>\n"
        }
        if let workbookLink {
            h += "<p><a href=\"\(href(workbookLink))\">Таблица со всеми пунктами (.xlsx)</a></p>\n"
        }
        h += totalsParagraph()
        h += "<h2>Доля выполненных пунктов со сроком в квартале</h2>\n"
        h += chart()
        h += "<h2>Организации</h2>\n"
        h += table()
        h += "</body>\n</html>\n"
        return h
    }

    private func totalsParagraph() -> String {
        var due = 0, done = 0, overdue = 0, event = 0, undated = 0
        for e in entries {
            let c = e.submission.counts
            due += c.due; done += c.dueDone; overdue += c[.overdue]; event += c.byEvent; undated += c.undated
        }
        let share = due == 0 ? "—" : percent(Double(done) / Double(due))
        return "<p class=\"totals\">Организаций: \(entries.count). Пунктов со сроком в квартале: \(due), выполнено: \(done) (\(share)). "
            + "Просрочено: \(overdue). По событию: \(event). Без сроков: \(undated).</p>\n"
    }

    /// A horizontal bar per organisation; organisations with nothing due get a note instead of a bar.
    public func chart() -> String {
        let labelWidth = 340, barWidth = 400, rowHeight = 22, top = 24
        let height = top + rowHeight * entries.count + 8
        let width = labelWidth + barWidth + 70
        var s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        s += "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Доля выполненных пунктов по организациям\">\n"
        for tick in [0, 25, 50, 75, 100] {
            let x = labelWidth + barWidth * tick / 100
            s += "<line x1=\"\(x)\" y1=\"\(top - 6)\" x2=\"\(x)\" y2=\"\(height - 4)\" class=\"grid\"/>"
            s += "<text x=\"\(x)\" y=\"\(top - 10)\" class=\"tick\">\(tick)%</text>\n"
        }
        let labels = MunicipalSummary.shortLabels(entries.map(\.submission.organization))
        for (i, e) in entries.enumerated() {
            let y = top + i * rowHeight
            let c = e.submission.counts
            s += "<g><title>\(esc(FlowingText.join(e.submission.organization))): выполнено \(c.dueDone) из \(c.due)</title>"
            s += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" class=\"label\">\(esc(labels[i]))</text>"
            if let share = c.doneShare {
                let w = Int((Double(barWidth) * share).rounded())
                s += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" class=\"bar\"/>"
                s += "<text x=\"\(labelWidth + w + 6)\" y=\"\(y + 15)\" class=\"value\">\(percent(share))</text>"
            } else {
                s += "<text x=\"\(labelWidth + 6)\" y=\"\(y + 15)\" class=\"none\">нет пунктов со сроком в квартале</text>"
            }
            s += "</g>\n"
        }
        return s + "</svg>\n"
    }

    private func table() -> String {
        var s = "<table>\n<thead><tr><th>Организация</th><th>Со сроком</th><th>Выполнено</th><th>Доля</th>"
        s += "<th>Не выполнено</th><th>В работе</th><th>Нет данных</th><th>Просрочено</th><th>По событию</th>"
        s += "<th>Без сроков</th><th>Ошибки</th><th>Предупр.</th><th>Замечания</th><th>Документы</th></tr></thead>\n<tbody>\n"
        for e in entries {
            let sub = e.submission
            let c = sub.counts
            s += "<tr><td>\(esc(FlowingText.join(sub.organization)))</td><td>\(c.due)</td><td>\(c.dueDone)</td>"
            s += "<td>\(c.doneShare.map(percent) ?? "—")</td><td>\(c[.notDone])</td><td>\(c[.inProgress])</td>"
            s += "<td>\(c[.noData])</td><td\(c[.overdue] > 0 ? " class=\"warn\"" : "")>\(c[.overdue])</td>"
            s += "<td>\(c.byEvent)</td><td>\(c.undated)</td>"
            for severity in Severity.allCases {
                let n = sub.diagnostics[severity] ?? 0
                s += "<td\(n > 0 && severity == .error ? " class=\"warn\"" : "")>\(n)</td>"
            }
            var links: [String] = []
            if let link = e.submissionLink { links.append("<a href=\"\(href(link))\">отчёт за квартал</a>") }
            if let link = e.dataLink { links.append("<a href=\"\(href(link))\">данные</a>") }
            for (i, p) in sub.protocols.enumerated() {
                links.append("<a href=\"\(href(p))\">протокол\(sub.protocols.count > 1 ? " \(i + 1)" : "")</a>")
            }
            s += "<td>\(links.joined(separator: ", "))</td></tr>\n"
        }
        let t = totals
        s += "</tbody>\n<tfoot><tr><td>Итого (организаций: \(entries.count))</td><td>\(t.due)</td><td>\(t.dueDone)</td>"
        s += "<td>\(t.donePercent)</td><td>\(t.notDone)</td><td>\(t.inProgress)</td><td>\(t.noData)</td><td>\(t.overdue)</td>"
        s += "<td>\(t.byEvent)</td><td>\(t.undated)</td>"
        for severity in Severity.allCases { s += "<td>\(t.diagnostics[severity] ?? 0)</td>" }
        return s + "<td></td></tr></tfoot>\n</table>\n"
    }

    private func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    private func esc(_ text: String) -> String { Markup.escape(text, attribute: true) }

    /// A relative path as an attribute value: each segment percent-encoded, then escaped.
    private func href(_ path: String) -> String {
        let encoded = path.split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).addingPercentEncoding(withAllowedCharacters: MunicipalSummary.segmentAllowed) ?? String($0)
        }.joined(separator: "/")
        return esc(encoded)
    }

    private static let segmentAllowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        set.insert(charactersIn: "-._~()")
        return set
    }()

    static let css = """
    body { font-family: "PT Sans", "Segoe UI", Arial, sans-serif; margin: 24px; color: #1d2733;
           overflow-wrap: normal; word-break: normal; hyphens: manual; }
    h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; }
    .meta, .totals { color: #3b4a5a; }
    .late { color: #a11; font-weight: bold; }
    table { border-collapse: collapse; font-size: 13px; }
    th, td { border: 1px solid #c9d2dc; padding: 4px 8px; text-align: right; }
    th { background: #eef2f6; } td:first-child, th:first-child, td:last-child { text-align: left; }
    tfoot td { font-weight: bold; background: #f6f8fa; }
    td:first-child { min-width: 16em; }
    td.warn { color: #a11; font-weight: bold; }
    svg.chart { font-size: 12px; }
    svg .grid { stroke: #dde3ea; stroke-width: 1; }
    svg .tick { fill: #6b7a8a; text-anchor: middle; }
    svg .label { fill: #1d2733; text-anchor: end; }
    svg .bar { fill: #2f7bbf; }
    svg .value { fill: #1d2733; }
    svg .none { fill: #8a97a5; font-style: italic; }
    @page { size: A4 landscape; margin: 1.5cm; }
    @media print {
      body { margin: 0; font-size: 11px; }
      a { color: inherit; text-decoration: none; }
      thead { display: table-header-group; }
      tfoot { display: table-row-group; }
      tr, svg.chart g { break-inside: avoid; page-break-inside: avoid; }
      h2 { break-after: avoid; }
    }

    """
}
