import Model

/// The municipality's workbook: every item of every organisation (filterable, overdue rows
/// highlighted, counts by reason and status as formulas), and one row per organisation with its
/// counts, a totals row of formulas and a bar chart of each organisation's share done, labelled by
/// the organisations' short names.
public enum SummaryWorkbook {
    static let itemsSheet = "Пункты"
    static let organizationsSheet = "Организации"
    static let byEvent = "по событию"
    static let undated = "без сроков"

    /// `quarter` titles the printed pages; by default the submissions' own.
    public static func make(_ submissions: [QuarterlySubmission], quarter: Quarter? = nil) -> XlsxWriter {
        let title = (quarter ?? submissions.first?.quarter).map { "Сводка по муниципалитету: \($0.russian)" }
        return XlsxWriter(sheets: [items(submissions, title: title), organizations(submissions, title: title)])
    }

    // MARK: Items

    /// Columns of the items sheet that formulas and highlighting refer to.
    enum ItemColumn { static let organization = 0, reason = 11, status = 12 }

    static func items(_ submissions: [QuarterlySubmission], title: String?) -> XlsxSheet {
        var sheet = XlsxSheet(name: itemsSheet, columns: [
            XlsxColumn("Организация", width: 30), XlsxColumn("Квартал", width: 19), XlsxColumn("Раздел", width: 8),
            XlsxColumn("№", width: 5), XlsxColumn("Мероприятие", width: 40), XlsxColumn("Срок (как в плане)", width: 20),
            XlsxColumn("Начало", width: 11), XlsxColumn("Срок", width: 11), XlsxColumn("Даты в квартале", width: 20),
            XlsxColumn("Ответственные", width: 24), XlsxColumn("Ожидаемый результат", width: 24),
            XlsxColumn("Основание", width: 17), XlsxColumn("Статус", width: 13), XlsxColumn("Отметка методиста", width: 30),
        ], autoFilter: true, highlights: [XlsxHighlight(column: ItemColumn.status, equals: ItemStatus.overdue.russian)],
           printTitle: title.map { "\($0) — пункты" })
        sheet.rows.reserveCapacity(submissions.reduce(0) { $0 + $1.rows.count + $1.byEvent.count + $1.undated.count })
        for s in submissions {
            let org = XlsxCell.text(s.organization), quarter = XlsxCell.text(s.quarter.russian)
            for row in s.rows {
                sheet.rows.append([
                    org, quarter, .optional(row.sectionNumber), .optional(row.number), .optional(row.activity),
                    .optional(row.deadlineText), .optional(row.firstDay), .optional(row.lastDay), .optional(row.datesText),
                    .optional(row.responsibles.joined(separator: "; ")), .optional(row.result),
                    .text(row.reason.russian), .text(row.status.russian), .optional(row.correction),
                ])
            }
            for (list, reason) in [(s.byEvent, byEvent), (s.undated, undated)] {
                for item in list {
                    sheet.rows.append([
                        org, quarter, .optional(item.sectionNumber), .optional(item.number), .optional(item.activity),
                        .optional(item.deadlineText), .empty, .empty, .empty,
                        .optional(item.responsibles.joined(separator: "; ")), .empty, .text(reason), .text(item.status.russian),
                        .optional(item.correction),
                    ])
                }
            }
        }
        sheet.totals = itemTotals(sheet)
        return sheet
    }

    /// Below the items, after a blank row: the number of items (all, and those the filter shows), then
    /// of each reason and each status, as `COUNTA`/`SUBTOTAL`/`COUNTIF` formulas over the item rows.
    static func itemTotals(_ sheet: XlsxSheet) -> [[XlsxCell]] {
        guard let organizations = sheet.dataRange(ItemColumn.organization),
              let reasons = sheet.dataRange(ItemColumn.reason),
              let statuses = sheet.dataRange(ItemColumn.status) else { return [] }
        func count(_ column: Int, _ word: String) -> Double {
            Double(sheet.rows.filter { $0[column] == .text(word) }.count)
        }
        var totals: [[XlsxCell]] = [
            [],
            [.text("Всего пунктов"), .formula(XlsxFormula("COUNTA(\(organizations))", expected: Double(sheet.rows.count)))],
            // 103: COUNTA over the rows the filter shows.
            [.text("Из них показано фильтром"),
             .formula(XlsxFormula("SUBTOTAL(103,\(organizations))", expected: Double(sheet.rows.count)))],
        ]
        let reasonWords = [InclusionReason.due, .active, .overdue].map(\.russian) + [byEvent, undated]
        for word in reasonWords {
            totals.append([.text("Основание «\(word)»"), .formula(XlsxFormula(
                "COUNTIF(\(reasons),\(XlsxWriter.quotedString(word)))", expected: count(ItemColumn.reason, word)))])
        }
        for status in ItemStatus.allCases {
            totals.append([.text("Статус «\(status.russian)»"), .formula(XlsxFormula(
                "COUNTIF(\(statuses),\(XlsxWriter.quotedString(status.russian)))",
                expected: count(ItemColumn.status, status.russian)))])
        }
        return totals
    }

    // MARK: Organisations

    /// The organisations sheet's columns, in order.
    enum OrgColumn: Int, CaseIterable {
        case organization, shortName, quarter, rows, due, dueDone, share, done, notDone, inProgress, noData, overdue
        case byEvent, undated, errors, warnings, infos, deadline, arrived, state, late, generatedOn

        var header: XlsxColumn {
            switch self {
            case .organization: return XlsxColumn("Организация", width: 34)
            case .shortName: return XlsxColumn("Краткое название", width: 22)
            case .quarter: return XlsxColumn("Квартал", width: 19)
            case .rows: return XlsxColumn("Пунктов", width: 10)
            case .due: return XlsxColumn("Со сроком в квартале", width: 11)
            case .dueDone: return XlsxColumn("Из них выполнено", width: 12)
            case .share: return XlsxColumn("Доля выполненных", width: 14)
            case .done: return XlsxColumn("Выполнено", width: 12)
            case .notDone: return XlsxColumn("Не выполнено", width: 12)
            case .inProgress: return XlsxColumn("В работе", width: 9)
            case .noData: return XlsxColumn("Нет данных", width: 9)
            case .overdue: return XlsxColumn("Просрочено", width: 13)
            case .byEvent: return XlsxColumn("По событию", width: 10)
            case .undated: return XlsxColumn("Без сроков", width: 9)
            case .errors: return XlsxColumn("Ошибки", width: 9)
            case .warnings: return XlsxColumn("Предупреждения", width: 18)
            case .infos: return XlsxColumn("Замечания", width: 12)
            case .deadline: return XlsxColumn("Срок сдачи", width: 11)
            case .arrived: return XlsxColumn("Поступил", width: 11)
            case .state: return XlsxColumn("Отчёт", width: 15)
            case .late: return XlsxColumn("После срока", width: 9)
            case .generatedOn: return XlsxColumn("Сформировано", width: 15)
            }
        }

        var letter: String { XlsxWriter.columnName(rawValue) }

        /// The organisation's cell in data row `r`, `c` being its counts, `label` its short name.
        func cell(_ s: QuarterlySubmission, _ c: QuarterlyCounts, label: String, row r: Int) -> XlsxCell {
            switch self {
            case .organization: return .text(s.organization)
            case .shortName: return .text(label)
            case .quarter: return .text(s.quarter.russian)
            case .rows: return .integer(c.rows)
            case .due: return .integer(c.due)
            case .dueDone: return .integer(c.dueDone)
            case .share: return .formula(SummaryWorkbook.share(row: r, expected: c.doneShare))
            case .done: return .integer(c[.done])
            case .notDone: return .integer(c[.notDone])
            case .inProgress: return .integer(c[.inProgress])
            case .noData: return .integer(c[.noData])
            case .overdue: return .integer(c[.overdue])
            case .byEvent: return .integer(c.byEvent)
            case .undated: return .integer(c.undated)
            case .errors: return .integer(s.diagnostics[.error] ?? 0)
            case .warnings: return .integer(s.diagnostics[.warning] ?? 0)
            case .infos: return .integer(s.diagnostics[.info] ?? 0)
            case .deadline: return .date(s.deadline)
            case .arrived: return .optional(s.reportArrived)
            case .state: return .text(s.stateText)
            case .late: return .text(s.state == .late ? "да" : "нет")
            case .generatedOn: return .date(s.generatedOn)
            }
        }

        /// The totals row's cell: `SUM` of a count, the share of the sums, `COUNTIF` of the late ones.
        func total(_ sheet: XlsxSheet, _ submissions: [QuarterlySubmission], _ counts: [QuarterlyCounts]) -> XlsxCell {
            guard let range = sheet.dataRange(rawValue) else { return .empty }
            switch self {
            case .organization: return .text("Итого")
            case .shortName, .quarter, .deadline, .arrived, .state, .generatedOn: return .empty
            case .share:
                let due = counts.reduce(0) { $0 + $1.due }, done = counts.reduce(0) { $0 + $1.dueDone }
                return .formula(SummaryWorkbook.share(row: sheet.totalsRow(0), expected: due == 0 ? nil : Double(done) / Double(due)))
            case .late:
                return .formula(XlsxFormula("COUNTIF(\(range),\"да\")", expected: Double(submissions.filter { $0.state == .late }.count)))
            default:
                let sum = sheet.rows.reduce(0) { if case let .integer(n) = $1[rawValue] { return $0 + n } else { return $0 } }
                return .formula(XlsxFormula("SUM(\(range))", expected: Double(sum)))
            }
        }
    }

    static func organizations(_ submissions: [QuarterlySubmission], title: String?) -> XlsxSheet {
        var sheet = XlsxSheet(name: organizationsSheet, columns: OrgColumn.allCases.map(\.header),
                              printTitle: title.map { "\($0) — организации" })
        let counts = submissions.map(\.counts)
        let labels = MunicipalSummary.labels(submissions)
        for (i, s) in submissions.enumerated() {
            sheet.rows.append(OrgColumn.allCases.map { $0.cell(s, counts[i], label: labels[i], row: i + 2) })
        }
        guard let rows = sheet.dataRows, let quarter = submissions.first?.quarter else { return sheet }
        sheet.totals = [OrgColumn.allCases.map { $0.total(sheet, submissions, counts) }]
        sheet.chart = XlsxBarChart(
            title: "Доля выполненных пунктов со сроком в квартале, \(quarter.russian)",
            categories: XlsxColumnRange(sheet: organizationsSheet, column: OrgColumn.shortName.rawValue, rows: rows),
            values: XlsxColumnRange(sheet: organizationsSheet, column: OrgColumn.share.rawValue, rows: rows),
            seriesName: OrgColumn.share.header.title, labels: labels,
            cachedValues: counts.map(\.doneShare))
        return sheet
    }

    /// Done over due in row `r`, empty text when nothing fell due.
    static func share(row r: Int, expected: Double?) -> XlsxFormula {
        let due = "\(OrgColumn.due.letter)\(r)", done = "\(OrgColumn.dueDone.letter)\(r)"
        return XlsxFormula("IF(\(due)=0,\"\",\(done)/\(due))", expected: expected, percent: true)
    }
}
