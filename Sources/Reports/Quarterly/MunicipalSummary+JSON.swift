import JSON
import Foundation
import Model

/// The data the municipal summary template is filled from (`samples/templates/summary.docx`):
/// the quarter in Russian text, one row per organisation, the totals row and the signature.
extension MunicipalSummary {
    /// Counts of one organisation, or of all of them together.
    struct Figures {
        var due = 0, dueDone = 0, notDone = 0, inProgress = 0, noData = 0, overdue = 0, byEvent = 0, undated = 0
        var diagnostics: [Severity: Int] = [:]

        init() {}

        init(_ submission: QuarterlySubmission) {
            let c = submission.counts
            due = c.due; dueDone = c.dueDone; notDone = c[.notDone]; inProgress = c[.inProgress]
            noData = c[.noData]; overdue = c[.overdue]; byEvent = c.byEvent; undated = c.undated
            diagnostics = submission.diagnostics
        }

        mutating func add(_ other: Figures) {
            due += other.due; dueDone += other.dueDone; notDone += other.notDone; inProgress += other.inProgress
            noData += other.noData; overdue += other.overdue; byEvent += other.byEvent; undated += other.undated
            for (severity, n) in other.diagnostics { diagnostics[severity, default: 0] += n }
        }

        var donePercent: String { due == 0 ? "—" : "\(Int((Double(dueDone) / Double(due) * 100).rounded()))%" }

        var pairs: [(String, JSONValue)] {
            func n(_ v: Int) -> JSONValue { .number(Double(v)) }
            return [("due", n(due)), ("dueDone", n(dueDone)), ("donePercent", .string(donePercent)),
                    ("notDone", n(notDone)), ("inProgress", n(inProgress)), ("noData", n(noData)),
                    ("overdue", n(overdue)), ("byEvent", n(byEvent)), ("undated", n(undated)),
                    ("errors", n(diagnostics[.error] ?? 0)), ("warnings", n(diagnostics[.warning] ?? 0)),
                    ("info", n(diagnostics[.info] ?? 0))]
        }
    }

    var totals: Figures {
        entries.reduce(into: Figures()) { $0.add(Figures($1.submission)) }
    }

    /// The summary's data; `settings` name the department and who signs (its head).
    public func json(settings: DepartmentSettings = DepartmentSettings()) -> JSONValue {
        let late = generatedOn > deadline
        let labels = labels
        let overdue: [JSONValue] = entries.enumerated().flatMap { i, e -> [JSONValue] in
            let organization: [(String, JSONValue)] = [("organization", .string(FlowingText.join(e.submission.organization))),
                                                       ("shortName", .string(labels[i]))]
            return e.submission.overdueRows.map { .object(organization + ($0.json.objectValue ?? [])) }
        }
        let states = Dictionary(grouping: entries, by: \.submission.stateText).mapValues(\.count)
        var stateCounts: [(String, JSONValue)] = SubmissionState.allCases.map { ($0.key, .number(Double(states[$0.russian] ?? 0))) }
        stateCounts.append(("notRecognized", .number(Double(states["не распознана"] ?? 0))))
        let organizations: [JSONValue] = entries.enumerated().map { i, e in
            let own: [(String, JSONValue)] = [
                ("number", .number(Double(i + 1))),
                ("name", .string(FlowingText.join(e.submission.organization))),
                ("shortName", .string(labels[i])),
                ("state", .string(e.submission.stateText)),
                ("reportArrived", .string(e.submission.reportArrived?.dottedDate ?? "")),
            ]
            return .object(own + Figures(e.submission).pairs)
        }
        let counted: [(String, JSONValue)] = [("organizations", .number(Double(entries.count)))] + stateCounts + totals.pairs
        return .object([
            ("department", .string(settings.department ?? "")),
            ("quarter", .string(quarter.description)),
            ("quarterName", .string(quarter.russian)),
            ("periodFrom", .string(quarter.start.russianText)),
            ("periodTo", .string(quarter.end.russianText)),
            ("deadline", .string(deadline.russianText)),
            ("generatedOn", .string(generatedOn.russianText)),
            ("late", .bool(late)),
            ("lateNotice", .string(late
                ? "Сводка сформирована \(generatedOn.russianText), после срока сдачи отчёта за квартал (\(deadline.russianText))."
                : "")),
            ("organizations", .array(organizations)),
            ("hasOverdue", .bool(!overdue.isEmpty)),
            ("overdue", .array(overdue)),
            ("totals", .object(counted)),
            ("signature", DepartmentSettings.signature(settings.head)),
        ])
    }

    /// Labels for a chart or a narrow column, each distinct: a long name keeps its beginning and
    /// its end (where a school's number stands) around «…»; labels still alike get their row number.
    static func shortLabels(_ names: [String], limit: Int = 40) -> [String] {
        let base = names.map { name -> String in
            let flat = FlowingText.join(name).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard flat.count > limit else { return flat }
            let tail = limit / 2, head = limit - tail - 1
            return String(flat.prefix(head)).trimmingCharacters(in: .whitespaces) + "…"
                + String(flat.suffix(tail)).trimmingCharacters(in: .whitespaces)
        }
        var seen: [String: Int] = [:]
        for label in base { seen[label, default: 0] += 1 }
        return base.enumerated().map { i, label in seen[label]! > 1 ? "\(label) (\(i + 1))" : label }
    }
}
