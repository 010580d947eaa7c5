import Model

/// Generated organisations for benchmarks and trials: each with a roadmap over the academic year
/// holding the quarter (dated, monthly, continuous and event items) and a report on half of them.
public struct SyntheticSource: QuarterlyInputSource {
    public var count: Int
    public var itemsPerRoadmap: Int

    public init(count: Int, itemsPerRoadmap: Int = 30) {
        self.count = count
        self.itemsPerRoadmap = itemsPerRoadmap
    }

    public func inputs(for quarter: Quarter, organization: String?) throws -> Checked<[QuarterlyInput]> {
        let firstYear = quarter.start.month >= 9 ? quarter.year : quarter.year - 1
        let period = Period.academicYear(firstYear)!
        var inputs: [QuarterlyInput] = []
        inputs.reserveCapacity(count)
        for n in 1...max(count, 1) {
            let org = "МБОУ «Средняя общеобразовательная школа № \(n)»"
            if let wanted = organization, wanted.lowercased() != org.lowercased() { continue }
            inputs.append(make(org: org, seed: n, period: period))
        }
        return Checked(inputs)
    }

    private func make(org: String, seed: Int, period: Period) -> QuarterlyInput {
        var rng = seed &* 2654435761 & 0x7fffffff
        func next(_ bound: Int) -> Int {
            rng = (rng &* 1103515245 &+ 12345) & 0x7fffffff
            return (rng >> 8) % bound
        }
        let outcomes = ["Выполнено", "Проведено совещание", "Не выполнено", "В работе", "Перенесено на следующий квартал", nil]
        var roadmapItems: [Item] = []
        var reportItems: [Item] = []
        for i in 1...itemsPerRoadmap {
            let deadline: Deadline
            switch next(5) {
            case 0:
                let months = (0..<12).map { Day(ordinal: period.from.ordinal + 31 * $0) }
                deadline = Deadline(text: "ежемесячно", kinds: [.recurring], occurrences: months.map {
                    Occurrence(start: Day.first(ofMonth: $0.month, year: $0.year), due: Day.last(ofMonth: $0.month, year: $0.year)!)
                })
            case 1:
                deadline = Deadline(text: "в течение учебного года", kinds: [.continuous],
                                    occurrences: [Occurrence(start: period.from, due: period.to)])
            case 2:
                deadline = Deadline(text: "по мере необходимости", kinds: [.event])
            default:
                let due = Day(ordinal: period.from.ordinal + next(365))
                deadline = Deadline(text: "до \(due.dottedDate)", kinds: [.date], occurrences: [Occurrence(start: nil, due: due)])
            }
            let activity = "Мероприятие \(i): методический семинар наставников по теме \(next(50))"
            roadmapItems.append(Item(number: "\(i)", activity: activity, deadline: deadline,
                                     responsibles: [Responsible(text: "заместитель директора по УВР")],
                                     result: "Проведён семинар"))
            if next(2) == 0 {
                reportItems.append(Item(number: "\(i)", activity: activity, outcome: outcomes[next(outcomes.count)]))
            }
        }
        let roadmap = Document(kind: .roadmap, title: "Дорожная карта", organization: org, period: period,
                               sections: [Section(number: "I", title: "Организационные мероприятия", items: roadmapItems)])
        let report = Document(kind: .report, title: "Отчёт", organization: org, period: period,
                              sections: [Section(number: "I", items: reportItems)])
        return QuarterlyInput(organization: org, roadmap: roadmap, report: report,
                              diagnostics: [.error: next(3), .warning: next(5), .info: next(4)])
    }
}
