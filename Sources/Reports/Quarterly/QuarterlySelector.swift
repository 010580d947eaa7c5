import Model

/// Picks a quarter's items out of an organisation's roadmap and states their status from its latest report.
///
/// - An item is *due* in the quarter when one of its occurrences falls due in it.
/// - It is *active* when it is continuous or recurring, or has an explicit window, and a window overlaps the quarter.
/// - It is *overdue* when its last due day lies before the quarter and the report does not say it was done.
/// - Event-driven items (only an event, or an event and no dates) go to «по событию»; items with no dates
///   and no kind go to «без сроков». Nothing planned is dropped without a trace.
public struct QuarterlySelector: Sendable {
    public var statusReader: StatusReader
    /// Least token Jaccard similarity for an activity to match a report item without the same number.
    public var similarityThreshold: Double

    public init(statusReader: StatusReader = StatusReader(), similarityThreshold: Double = 0.5) {
        self.statusReader = statusReader
        self.similarityThreshold = similarityThreshold
    }

    public func submission(for input: QuarterlyInput, quarter: Quarter, generatedOn: Day) -> QuarterlySubmission {
        let matcher = ReportMatcher(report: input.report, threshold: similarityThreshold)
        var submission = QuarterlySubmission(
            organization: input.organization, quarter: quarter, generatedOn: generatedOn,
            roadmapTitle: input.roadmap.title, reportTitle: input.report?.title,
            diagnostics: input.diagnostics, protocols: input.protocols)

        for (index, section) in input.roadmap.sections.enumerated() {
            for item in section.items {
                let reported = matcher.match(number: item.number, section: index, activity: item.activity)
                let status = reported.flatMap { statusReader.status(of: $0.outcome) } ?? .noData
                let responsibles = item.responsibles.map(\.text)
                let deadline = item.deadline

                if deadline.kinds == [.event] || (deadline.occurrences.isEmpty && deadline.kinds.contains(.event)) {
                    submission.byEvent.append(UndatedItem(sectionNumber: section.number, number: item.number,
                        activity: item.activity, deadlineText: deadline.text, responsibles: responsibles, status: status))
                    continue
                }
                if deadline.occurrences.isEmpty {
                    submission.undated.append(UndatedItem(sectionNumber: section.number, number: item.number,
                        activity: item.activity, deadlineText: deadline.text, responsibles: responsibles, status: status))
                    continue
                }
                guard let (reason, occurrences) = place(deadline, in: quarter, status: status) else { continue }
                submission.rows.append(QuarterlyRow(
                    sectionNumber: section.number, sectionTitle: section.title, number: item.number,
                    activity: item.activity, deadlineText: deadline.text, occurrences: occurrences,
                    responsibles: responsibles, result: item.result, reason: reason,
                    status: reason == .overdue ? .overdue : status, reportedOutcome: reported?.outcome))
            }
        }
        return submission
    }

    /// Why a dated item belongs to the quarter and which of its occurrences to show; `nil` when it does not.
    func place(_ deadline: Deadline, in quarter: Quarter, status: ItemStatus) -> (InclusionReason, [Occurrence])? {
        let occurrences = deadline.occurrences.sorted()
        let overlapping = occurrences.filter(quarter.overlaps)
        if overlapping.contains(where: { quarter.contains($0.due) }) { return (.due, overlapping) }
        let ongoing = deadline.kinds.contains(.continuous) || deadline.kinds.contains(.recurring)
        let windows = overlapping.filter { ongoing || ($0.start != nil && $0.start != $0.due) }
        if !windows.isEmpty { return (.active, windows) }
        if let last = occurrences.last, last.due < quarter.start, status != .done { return (.overdue, [last]) }
        return nil
    }
}
