import JSON
import Model

/// The data a quarterly submission template is filled from (`samples/templates/quarterly.docx`),
/// also written as `<organisation>.json` beside it. Dates for people are Russian text («10 января
/// 2025 г.»), dates in table cells `dd.mm.yyyy`; `…ISO` keys carry the same days as `YYYY-MM-DD`.
/// Texts from the documents flow: line breaks that only wrapped a cell's text become spaces.
extension QuarterlySubmission: JSONRepresentable {
    public var json: JSONValue {
        let c = counts
        return .object([
            ("organization", .string(organization)),
            ("shortName", .optional(shortName)),
            ("recognized", .bool(recognition != .notInRoster)),
            ("state", .string(stateText)),
            ("reportArrived", .optional(reportArrived?.dottedDate)),
            ("reportArrivedText", .optional(reportArrived?.russianText)),
            ("stateLine", .string(stateLine)),
            ("quarter", .string(quarter.description)),
            ("quarterName", .string(quarter.russian)),
            ("periodFrom", .string(quarter.start.russianText)),
            ("periodTo", .string(quarter.end.russianText)),
            ("deadline", .string(deadline.russianText)),
            ("deadlineISO", .string(deadline.iso)),
            ("generatedOn", .string(generatedOn.russianText)),
            ("generatedOnISO", .string(generatedOn.iso)),
            ("late", .bool(isLate)),
            ("lateNotice", .string(isLate
                ? "Сформировано \(generatedOn.russianText), после срока сдачи отчёта за квартал (\(deadline.russianText))."
                : "")),
            ("roadmap", .string(roadmapLabel)),
            ("roadmapTitle", .optional(roadmapTitle.map(FlowingText.join))),
            ("roadmapDateISO", .optional(roadmapDate?.iso)),
            ("reportTitle", .optional(reportTitle.map(FlowingText.join))),
            ("hasRows", .bool(!rows.isEmpty)),
            ("rows", .array(rows.map(\.json))),
            ("hasCurrentRows", .bool(!currentRows.isEmpty)),
            ("currentRows", .array(currentRows.map(\.json))),
            ("hasOverdue", .bool(!overdueRows.isEmpty)),
            ("overdueRows", .array(overdueRows.map(\.json))),
            ("hasByEvent", .bool(!byEvent.isEmpty)),
            ("byEvent", .array(byEvent.map(\.json))),
            ("hasUndated", .bool(!undated.isEmpty)),
            ("undated", .array(undated.map(\.json))),
            ("counts", .object([
                ("rows", number(c.rows)),
                ("due", number(c.due)),
                ("dueDone", number(c.dueDone)),
                ("donePercent", .string(c.doneShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "—")),
                ("active", number(c.active)),
                ("done", number(c[.done])),
                ("notDone", number(c[.notDone])),
                ("inProgress", number(c[.inProgress])),
                ("noData", number(c[.noData])),
                ("overdue", number(c[.overdue])),
                ("byEvent", number(c.byEvent)),
                ("undated", number(c.undated)),
            ])),
            ("diagnostics", .object(Severity.allCases.map { ($0.rawValue, number(diagnostics[$0] ?? 0)) })),
            ("protocols", .array(protocols.map { .object([("path", .string($0))]) })),
            ("hasNotes", .bool(!notes.isEmpty || !corrections.isEmpty)),
            ("notes", .array(notes.map { .object([("code", .string($0.code.rawValue)), ("message", .string($0.message))]) }
                + corrections.map { .object([("code", .string("correction")), ("message", .string($0))]) })),
            ("corrections", .array(corrections.map(JSONValue.string))),
        ])
    }
}

extension QuarterlySubmission {
    /// «представлен после срока (поступил 12 января 2025 г., срок — 10 января 2025 г.)», «не представлен (срок — …)».
    public var stateLine: String {
        if recognition == .notInRoster { return stateText }
        if let reportArrived, state != .missing {
            return "\(stateText) (поступил \(reportArrived.russianText), срок — \(deadline.russianText))"
        }
        return "\(stateText) (срок — \(deadline.russianText))"
    }
}

extension QuarterlyRow: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("section", .optional(sectionNumber)),
            ("sectionTitle", .optional(sectionTitle.map(FlowingText.join))),
            ("number", .optional(number)),
            ("activity", .optional(activity.map(FlowingText.join))),
            ("deadlineText", .optional(deadlineText.map(FlowingText.join))),
            ("dates", .string(datesText)),
            ("occurrences", .array(occurrences.map(\.json))),
            ("responsibles", .string(responsibles.map(FlowingText.join).joined(separator: "; "))),
            ("responsiblesList", .array(responsibles.map(JSONValue.string))),
            ("result", .optional(result.map(FlowingText.join))),
            ("reason", .string(reason.rawValue)),
            ("reasonText", .string(reason.russian)),
            ("status", .string(correction.map { "\(status.russian) — \($0)" } ?? status.russian)),
            ("statusWord", .string(status.russian)),
            ("corrected", .bool(correction != nil)),
            ("reportedOutcome", .optional(reportedOutcome.map(FlowingText.join))),
        ])
    }
}

extension UndatedItem: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("section", .optional(sectionNumber)),
            ("number", .optional(number)),
            ("activity", .optional(activity.map(FlowingText.join))),
            ("deadlineText", .optional(deadlineText.map(FlowingText.join))),
            ("responsibles", .string(responsibles.map(FlowingText.join).joined(separator: "; "))),
            ("status", .string(correction.map { "\(status.russian) — \($0)" } ?? status.russian)),
            ("statusWord", .string(status.russian)),
            ("corrected", .bool(correction != nil)),
        ])
    }
}

private func number(_ n: Int) -> JSONValue { .number(Double(n)) }
