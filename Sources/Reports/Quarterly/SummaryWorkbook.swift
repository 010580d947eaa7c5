import Model

/// The municipality's workbook: every item of every organisation, and one row per organisation with its counts.
public enum SummaryWorkbook {
    public static func make(_ submissions: [QuarterlySubmission]) -> XlsxWriter {
        XlsxWriter(sheets: [items(submissions), organizations(submissions)])
    }

    static func items(_ submissions: [QuarterlySubmission]) -> XlsxSheet {
        var sheet = XlsxSheet(name: "Пункты", columns: [
            XlsxColumn("Организация", width: 40), XlsxColumn("Квартал", width: 9), XlsxColumn("Раздел", width: 8),
            XlsxColumn("№", width: 7), XlsxColumn("Мероприятие", width: 60), XlsxColumn("Срок (как в плане)", width: 28),
            XlsxColumn("Начало", width: 12), XlsxColumn("Срок", width: 12), XlsxColumn("Даты в квартале", width: 30),
            XlsxColumn("Ответственные", width: 35), XlsxColumn("Ожидаемый результат", width: 40),
            XlsxColumn("Основание", width: 24), XlsxColumn("Статус", width: 14),
        ])
        sheet.rows.reserveCapacity(submissions.reduce(0) { $0 + $1.rows.count + $1.byEvent.count + $1.undated.count })
        for s in submissions {
            let org = XlsxCell.text(s.organization), quarter = XlsxCell.text(s.quarter.description)
            for row in s.rows {
                sheet.rows.append([
                    org, quarter, .optional(row.sectionNumber), .optional(row.number), .optional(row.activity),
                    .optional(row.deadlineText), .optional(row.firstDay), .optional(row.lastDay), .optional(row.datesText),
                    .optional(row.responsibles.joined(separator: "; ")), .optional(row.result),
                    .text(row.reason.russian), .text(row.status.russian),
                ])
            }
            for (list, reason) in [(s.byEvent, "по событию"), (s.undated, "без сроков")] {
                for item in list {
                    sheet.rows.append([
                        org, quarter, .optional(item.sectionNumber), .optional(item.number), .optional(item.activity),
                        .optional(item.deadlineText), .empty, .empty, .empty,
                        .optional(item.responsibles.joined(separator: "; ")), .empty, .text(reason), .text(item.status.russian),
                    ])
                }
            }
        }
        return sheet
    }

    static func organizations(_ submissions: [QuarterlySubmission]) -> XlsxSheet {
        var sheet = XlsxSheet(name: "Организации", columns: [
            XlsxColumn("Организация", width: 40), XlsxColumn("Квартал", width: 9), XlsxColumn("Пунктов", width: 9),
            XlsxColumn("Со сроком в квартале", width: 12), XlsxColumn("Из них выполнено", width: 12),
            XlsxColumn("Доля выполненных", width: 12), XlsxColumn("Выполнено", width: 11), XlsxColumn("Не выполнено", width: 11),
            XlsxColumn("В работе", width: 10), XlsxColumn("Нет данных", width: 10), XlsxColumn("Просрочено", width: 11),
            XlsxColumn("По событию", width: 10), XlsxColumn("Без сроков", width: 10), XlsxColumn("Ошибки", width: 9),
            XlsxColumn("Предупреждения", width: 9), XlsxColumn("Замечания", width: 9), XlsxColumn("Срок сдачи", width: 12),
            XlsxColumn("Сформировано", width: 13), XlsxColumn("После срока", width: 10),
        ])
        for s in submissions {
            let c = s.counts
            sheet.rows.append([
                .text(s.organization), .text(s.quarter.description), .integer(c.rows), .integer(c.due), .integer(c.dueDone),
                c.doneShare.map(XlsxCell.percent) ?? .empty, .integer(c[.done]), .integer(c[.notDone]),
                .integer(c[.inProgress]), .integer(c[.noData]), .integer(c[.overdue]), .integer(c.byEvent),
                .integer(c.undated), .integer(s.diagnostics[.error] ?? 0), .integer(s.diagnostics[.warning] ?? 0),
                .integer(s.diagnostics[.info] ?? 0), .date(s.deadline), .date(s.generatedOn), .text(s.isLate ? "да" : "нет"),
            ])
        }
        return sheet
    }
}
