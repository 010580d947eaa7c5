import Model
@testable import Reports

/// Builders for roadmaps and reports with known deadlines.
enum Q {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func quarter(_ text: String) -> Quarter { Quarter(text)! }

    /// A dated item: one occurrence due on `due` (optionally from `start`).
    static func dated(_ number: String, _ activity: String, due: String, start: String? = nil,
                      text: String? = nil) -> Item {
        Item(number: number, activity: activity,
             deadline: Deadline(text: text ?? "до \(due)", kinds: [.date],
                                occurrences: [Occurrence(start: start.map(day), due: day(due))]),
             responsibles: [Responsible(text: "Заместитель директора по УВР")], result: "Результат \(number)")
    }

    /// A monthly item: one occurrence per month from `from` to `to` (inclusive), each the whole month.
    static func monthly(_ number: String, _ activity: String, from: String, to: String) -> Item {
        var occurrences: [Occurrence] = []
        var d = day(from)
        let last = day(to)
        while d <= last {
            occurrences.append(Occurrence(start: Day.first(ofMonth: d.month, year: d.year),
                                          due: Day.last(ofMonth: d.month, year: d.year)!))
            d = Day.last(ofMonth: d.month, year: d.year)!.next
        }
        return Item(number: number, activity: activity,
                    deadline: Deadline(text: "ежемесячно", kinds: [.recurring], occurrences: occurrences))
    }

    static func continuous(_ number: String, _ activity: String, period: Period) -> Item {
        Item(number: number, activity: activity,
             deadline: Deadline(text: "в течение учебного года", kinds: [.continuous],
                                occurrences: [Occurrence(start: period.from, due: period.to)]))
    }

    static func event(_ number: String, _ activity: String) -> Item {
        Item(number: number, activity: activity, deadline: Deadline(text: "по мере необходимости", kinds: [.event]))
    }

    static func undated(_ number: String, _ activity: String) -> Item {
        Item(number: number, activity: activity, deadline: Deadline(text: nil))
    }

    static func reported(_ number: String?, _ activity: String, _ outcome: String?) -> Item {
        Item(number: number, activity: activity, outcome: outcome)
    }

    static func roadmap(_ items: [Item], period: Period? = nil, org: String = "МБОУ СОШ № 1") -> Document {
        Document(kind: .roadmap, title: "Дорожная карта", organization: org, period: period,
                 sections: [Section(number: "1", title: "Мероприятия", items: items)])
    }

    static func report(_ items: [Item], org: String = "МБОУ СОШ № 1") -> Document {
        Document(kind: .report, title: "Отчёт", organization: org, sections: [Section(number: "1", items: items)])
    }

    static func submission(_ roadmap: Document, report: Document? = nil, quarter: String,
                           today: String = "2024-01-01") -> QuarterlySubmission {
        QuarterlySelector().submission(
            for: QuarterlyInput(organization: roadmap.organization ?? "", roadmap: roadmap, report: report),
            quarter: Q.quarter(quarter), generatedOn: day(today))
    }
}

extension QuarterlySubmission {
    /// Row numbers with their statuses, in order.
    var statusByNumber: [String: ItemStatus] {
        Dictionary(uniqueKeysWithValues: rows.map { ($0.number ?? "?", $0.status) })
    }

    func row(_ number: String) -> QuarterlyRow? { rows.first { $0.number == number } }
}
