import JSON
import Model
import Text

/// Picks a quarter's items out of an organisation's plan and states their status from its reports
/// (the rules are written down in `docs/quarter.md`).
///
/// - The plan is the current roadmap; an organisation that sent none is planned by its report's own rows.
/// - A report row is joined to a plan item by `ReportMatcher` (number, then activity similarity).
///   The status is the quarter's report's; a dated item an earlier report said was done stays done
///   (a continuous or recurring one is reported quarter by quarter).
/// - An item is *due* in the quarter when one of its occurrences falls due in it.
/// - It is *active* when it is continuous or recurring, or has an explicit window, and a window overlaps the quarter.
/// - It is *overdue* when its last due day lies before the quarter (and not before the plan's period) and
///   no report says it was done; it keeps its original dates.
/// - Event-driven items (only an event, or an event and no dates) go to «по событию»; items with no dates
///   and no kind go to «без сроков». Nothing planned is dropped without a trace.
public struct QuarterlySelector: Sendable {
    public var statusReader: StatusReader
    /// Least activity similarity for a report row to match an item without the same number.
    public var similarityThreshold: Double
    /// The reporting rule: the report is due this many days after the quarter's last day.
    public var deadlineDaysAfter: Int

    public init(statusReader: StatusReader = StatusReader(), similarityThreshold: Double = 0.5,
                deadlineDaysAfter: Int = Quarter.standardDaysAfter) {
        self.statusReader = statusReader
        self.similarityThreshold = similarityThreshold
        self.deadlineDaysAfter = deadlineDaysAfter
    }

    public func submission(for input: QuarterlyInput, quarter: Quarter, generatedOn: Day) -> QuarterlySubmission {
        var submission = QuarterlySubmission(
            organization: input.organization, quarter: quarter, generatedOn: generatedOn,
            roadmapTitle: input.roadmap?.title, reportTitle: input.report?.title,
            diagnostics: input.diagnostics, protocols: input.protocols)
        submission.shortName = input.shortName
        submission.hasRoadmap = input.roadmap != nil
        submission.recognition = input.recognition
        submission.deadline = quarter.reportingDeadline(daysAfter: deadlineDaysAfter)
        submission.reportArrived = input.reportArrived
        submission.corrections = input.correctionNotes
        if input.report != nil {
            submission.state = input.reportArrived.map { $0 > submission.deadline } == true ? .late : .onTime
        }
        guard let plan = input.roadmap ?? input.report ?? input.earlierReports.first else { return submission }

        let entries = plan.allItems
        let items = entries.map(\.item)
        let matcher = ReportMatcher(threshold: similarityThreshold)
        let current = input.report.map { matcher.assign(plan: items, report: $0.allItems.map(\.item)) } ?? [:]
        let earlier = input.earlierReports.map { matcher.assign(plan: items, report: $0.allItems.map(\.item)) }
        // The methodist's statuses for this quarter, by the plan item they stand for (the latest wins).
        var corrected: [Int: StatusCorrection] = [:]
        for c in input.statusCorrections where c.quarter == quarter {
            if let k = ItemMatch.find(c.item, in: items) { corrected[k] = c }
        }

        for (k, entry) in entries.enumerated() {
            let section = plan.sections[entry.section]
            let item = entry.item
            var reported = current[k]
            let reading = statusReader.read(reported?.outcome)
            var status = reading.status ?? .noData
            if reading.unreadable, let text = reported?.outcome {
                submission.notes.append(Diagnostic(.reportStatusUnknown, text: text, message:
                    "Отметка о выполнении пункта \(item.number.map { "№ \($0) " } ?? "")«\(Self.short(item.activity))» "
                    + "в отчёте организации «\(input.organization)» не распознана: «\(text)». Статус — «нет данных»; "
                    + "уточните отметку у организации или добавьте это слово в словарь статусов (status-words.json).",
                    item: item.number))
            }
            // Done stays done for an item with dates of its own; an ongoing one is reported quarter by quarter.
            let ongoing = item.deadline.kinds.contains(.continuous) || item.deadline.kinds.contains(.recurring)
            if status != .done, !ongoing {
                for e in earlier {
                    if let r = e[k], statusReader.status(of: r.outcome) == .done {
                        status = .done
                        reported = r
                        break
                    }
                }
            }
            let correction = corrected[k]
            if let correction { status = correction.status }
            let responsibles = item.responsibles.map(\.text)
            let deadline = item.deadline

            let byEvent = deadline.kinds == [.event] || (deadline.occurrences.isEmpty && deadline.kinds.contains(.event))
            if byEvent || deadline.occurrences.isEmpty {
                let undated = UndatedItem(sectionNumber: section.number, number: item.number, activity: item.activity,
                    deadlineText: deadline.text, responsibles: responsibles, status: status, correction: correction?.mark)
                if byEvent { submission.byEvent.append(undated) } else { submission.undated.append(undated) }
                continue
            }
            guard let (reason, occurrences) = place(deadline, in: quarter, status: status, periodStart: plan.period?.from) else {
                continue
            }
            submission.rows.append(QuarterlyRow(
                sectionNumber: section.number, sectionTitle: section.title, number: item.number,
                activity: item.activity, deadlineText: deadline.text, occurrences: occurrences,
                responsibles: responsibles, result: item.result, reason: reason,
                status: reason == .overdue ? .overdue : status, reportedOutcome: reported?.outcome,
                correction: correction?.mark))
        }
        return submission
    }

    /// Why a dated item belongs to the quarter and which of its occurrences to show; `nil` when it does not.
    /// An item whose dates all lie before `periodStart` (the plan's period) is not overdue: its dates are
    /// a slip of an earlier year, not a debt of this one.
    func place(_ deadline: Deadline, in quarter: Quarter, status: ItemStatus,
               periodStart: Day? = nil) -> (InclusionReason, [Occurrence])? {
        let occurrences = deadline.occurrences.sorted()
        let overlapping = occurrences.filter(quarter.overlaps)
        if overlapping.contains(where: { quarter.contains($0.due) }) { return (.due, overlapping) }
        let ongoing = deadline.kinds.contains(.continuous) || deadline.kinds.contains(.recurring)
        let windows = overlapping.filter { ongoing || ($0.start != nil && $0.start != $0.due) }
        if !windows.isEmpty { return (.active, windows) }
        if let last = occurrences.last, last.due < quarter.start, status != .done,
           periodStart.map({ last.due >= $0 }) ?? true {
            return (.overdue, [last])
        }
        return nil
    }

    private static func short(_ text: String?) -> String {
        guard let text = TextNormalizer.singleLine(text) else { return "" }
        return text.count <= 80 ? text : String(text.prefix(78)) + "…"
    }
}
