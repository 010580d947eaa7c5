import Foundation
import JSON
import Model
import Organisations
import Text

/// The municipality's self-contained HTML page for a quarter: a bar chart of each organisation's
/// share of due items done, a table of counts, report states and diagnostics, links to submissions and
/// protocols, and the overdue items of every organisation.
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
    /// The day the quarter's reports were due (`report quarterly --deadline-days`).
    public var deadline: Day
    public var generatedOn: Day
    public var entries: [Entry]
    /// Relative path of the workbook, linked from the page.
    public var workbookLink: String?

    /// `deadline` by default the reporting rule's: 10 days after the quarter.
    public init(quarter: Quarter, deadline: Day? = nil, generatedOn: Day, entries: [Entry], workbookLink: String? = nil) {
        self.quarter = quarter
        self.deadline = deadline ?? quarter.reportingDeadline
        self.generatedOn = generatedOn
        self.entries = entries
        self.workbookLink = workbookLink
    }

    /// Distinct short labels of the organisations, in order: the roster's short names, else the names
    /// with their long forms abbreviated («МБОУ «СОШ № 5»», `NameLexicon.label`).
    public var labels: [String] { MunicipalSummary.labels(entries.map(\.submission)) }

    /// The short labels of `submissions`, in order (see `labels`).
    public static func labels(_ submissions: [QuarterlySubmission], lexicon: NameLexicon = .shared) -> [String] {
        shortLabels(submissions.map { $0.shortName ?? lexicon.label($0.organization) })
    }

    public func html() -> String {
        var h = ""
        h.reserveCapacity(4096 + entries.count * 1200)
        let title = "Сводка по муниципалитету: \(quarter.russian)"
        let labels = labels
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
        h += chart(labels)
        h += "<h2>Организации</h2>\n"
        h += table()
        h += overdueSection(labels)
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
    public func chart(_ labels: [String]) -> String {
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

    /// Columns of the table and their widths; the organisation's takes the rest of the page's width.
    static let columns: [(title: String, width: String?)] = [
        ("Организация", nil), ("Отчёт за квартал", "8.5em"), ("Со сроком в квартале", "5.2em"), ("Из них выполнено", "5.6em"),
        ("Доля", "3.6em"), ("Не выполнено", "5.6em"), ("В работе", "4.4em"), ("Нет данных", "4.4em"),
        ("Просрочено", "6em"), ("По событию", "5em"), ("Без сроков", "4.4em"),
        ("Ошибки / предупр. / замечания", "7.4em"), ("Документы", "7.4em"),
    ]

    private func table() -> String {
        var s = "<table class=\"orgs\">\n<colgroup>"
        for (_, width) in MunicipalSummary.columns { s += width.map { "<col style=\"width: \($0)\">" } ?? "<col>" }
        s += "</colgroup>\n<thead><tr>"
        for (title, _) in MunicipalSummary.columns { s += "<th>\(esc(title))</th>" }
        s += "</tr></thead>\n<tbody>\n"
        for e in entries {
            let sub = e.submission
            let c = sub.counts
            s += "<tr><td>\(esc(FlowingText.join(sub.organization)))</td>"
            s += "<td class=\"state\(sub.state == .onTime && sub.recognition != .notInRoster ? "" : " warn")\">\(esc(sub.stateText))"
            if let arrived = sub.reportArrived { s += "<br><span class=\"sub\">поступил \(arrived.dottedDate)</span>" }
            s += "</td><td>\(c.due)</td><td>\(c.dueDone)</td>"
            s += "<td>\(c.doneShare.map(percent) ?? "—")</td><td>\(c[.notDone])</td><td>\(c[.inProgress])</td>"
            s += "<td>\(c[.noData])</td><td\(c[.overdue] > 0 ? " class=\"warn\"" : "")>\(c[.overdue])</td>"
            s += "<td>\(c.byEvent)</td><td>\(c.undated)</td>"
            s += "<td>\(diagnosticCounts(sub.diagnostics))</td>"
            var links: [String] = []
            if let link = e.submissionLink { links.append("<a href=\"\(href(link))\">отчёт за квартал</a>") }
            if let link = e.dataLink { links.append("<a href=\"\(href(link))\">данные</a>") }
            for (i, p) in sub.protocols.enumerated() {
                links.append("<a href=\"\(href(p))\">протокол\(sub.protocols.count > 1 ? " \(i + 1)" : "")</a>")
            }
            s += "<td>\(links.joined(separator: ", "))</td></tr>\n"
        }
        let t = totals
        let states = Dictionary(grouping: entries, by: \.submission.stateText).mapValues(\.count)
        let onTime = states[SubmissionState.onTime.russian] ?? 0
        s += "</tbody>\n<tfoot><tr><td>Итого (организаций: \(entries.count))</td><td class=\"state\">в срок: \(onTime)</td>"
        s += "<td>\(t.due)</td><td>\(t.dueDone)</td>"
        s += "<td>\(t.donePercent)</td><td>\(t.notDone)</td><td>\(t.inProgress)</td><td>\(t.noData)</td><td>\(t.overdue)</td>"
        s += "<td>\(t.byEvent)</td><td>\(t.undated)</td>"
        s += "<td>\(diagnosticCounts(t.diagnostics, marked: false))</td><td></td></tr></tfoot>\n</table>\n"
        return s + statesParagraph(states)
    }

    /// «2 / 1 / 0»: errors (marked when there are), warnings, notes.
    private func diagnosticCounts(_ counts: [Severity: Int], marked: Bool = true) -> String {
        Severity.allCases.map { severity in
            let n = counts[severity] ?? 0
            return marked && severity == .error && n > 0 ? "<span class=\"warn\">\(n)</span>" : "\(n)"
        }.joined(separator: " / ")
    }

    /// How many organisations are in each report state, in the rule's order.
    private func statesParagraph(_ states: [String: Int]) -> String {
        let order = SubmissionState.allCases.map(\.russian) + ["не распознана"]
        let parts = order.compactMap { state in states[state].map { "\(state) — \($0)" } }
        return parts.isEmpty ? "" : "<p class=\"totals\">Отчёты за квартал: \(parts.joined(separator: "; ")).</p>\n"
    }

    /// Items due before the quarter and not reported done, organisation by organisation, with their original dates.
    func overdueSection(_ labels: [String]) -> String {
        var s = "<h2>Просроченные мероприятия (срок истёк до начала квартала, выполнение не отмечено)</h2>\n"
        let overdue = entries.indices.filter { !entries[$0].submission.overdueRows.isEmpty }
        guard !overdue.isEmpty else { return s + "<p class=\"totals\">Нет.</p>\n" }
        s += "<table class=\"overdue\">\n<colgroup><col style=\"width: 16em\"><col style=\"width: 3em\"><col>"
        s += "<col style=\"width: 12em\"><col style=\"width: 9em\"><col style=\"width: 8em\"></colgroup>\n"
        s += "<thead><tr><th>Организация</th><th>№</th><th>Мероприятие</th><th>Срок по плану</th><th>Срок</th><th>Статус</th>"
        s += "</tr></thead>\n<tbody>\n"
        for i in overdue {
            let rows = entries[i].submission.overdueRows
            for (n, row) in rows.enumerated() {
                s += "<tr>"
                if n == 0 {
                    s += "<td rowspan=\"\(rows.count)\" title=\"\(esc(FlowingText.join(entries[i].submission.organization)))\">"
                    s += "\(esc(labels[i]))</td>"
                }
                s += "<td>\(esc(row.number ?? ""))</td><td>\(esc(row.activity.map(FlowingText.join) ?? ""))</td>"
                s += "<td>\(esc(row.deadlineText.map(FlowingText.join) ?? ""))</td><td>\(esc(row.datesText))</td>"
                s += "<td>\(esc(row.status.russian))</td></tr>\n"
            }
        }
        return s + "</tbody>\n</table>\n"
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

    /// The styles of `chart(_:)`, for every page that shows it.
    public static let chartCSS = """
    svg.chart { font-size: 12px; }
    svg .grid { stroke: #dde3ea; stroke-width: 1; }
    svg .tick { fill: #6b7a8a; text-anchor: middle; }
    svg .label { fill: #1d2733; text-anchor: end; }
    svg .bar { fill: #2f7bbf; }
    svg .value { fill: #1d2733; }
    svg .none { fill: #8a97a5; font-style: italic; }
    """

    static let css = """
    body { font-family: "PT Sans", "Segoe UI", Arial, sans-serif; margin: 24px; color: #1d2733;
           overflow-wrap: normal; word-break: normal; hyphens: manual; }
    h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; }
    .meta, .totals { color: #3b4a5a; }
    .late { color: #a11; font-weight: bold; }
    table { border-collapse: collapse; font-size: 13px; width: 100%; max-width: 1500px; }
    th, td { border: 1px solid #c9d2dc; padding: 4px 5px; text-align: right; vertical-align: top; }
    th { background: #eef2f6; font-size: 12px; text-align: center; vertical-align: bottom; }
    td:first-child, td:last-child, td.state { text-align: left; }
    table.overdue td { text-align: left; }
    tfoot td { font-weight: bold; background: #f6f8fa; }
    td.warn, span.warn { color: #a11; font-weight: bold; }
    .sub { color: #6b7a8a; font-size: 12px; font-weight: normal; }
    \(chartCSS)
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
