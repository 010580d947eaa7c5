import Foundation
import Model
import OOXML
import XCTest
@testable import Recognition

/// Documents as other schools write them: other headings, titles over several lines, plans
/// of every wording, tables with no title or no header row, roadmaps typed with tabs. Each is
/// checked here; with `KARTOGRAF_OTHER_SCHOOLS_DIR` set, the files and their gold
/// (`roadmap-export/1`, diagnostics optional) are also written there, so that any build can
/// be scored on them with `../shared/tools/eval-corpus`.
final class OtherSchoolsTests: XCTestCase {
    struct GoldItem {
        var number: String?
        var activity: String
        var deadline: String?
        var responsibles: [String]?
        var result: String?? = .none
        var outcome: String?? = .none
    }

    struct GoldDocument {
        var kind: DocumentKind
        var title: String?
        var organization: String?
        var period: Period?
        var sections: [(number: String?, title: String?, items: [GoldItem])] = []
        var date: Day?
        var orderNumber: String?
        var points: [String] = []
    }

    struct Sample {
        var name: String
        var body: String
        var gold: [GoldDocument]
    }

    static let centredBold = "<w:jc w:val=\"center\"/>"

    static func centred(_ text: String) -> String { W.p(text, props: centredBold, bold: true) }

    /// A paragraph whose fields are separated by tab characters (`w:tab`).
    static func tabbed(_ fields: [String]) -> String {
        "<w:p><w:r>" + fields.map { "<w:t xml:space=\"preserve\">\(W.escape($0))</w:t>" }.joined(separator: "<w:tab/>") + "</w:r></w:p>"
    }

    static let items3 = [
        GoldItem(number: "1", activity: "Проведение диагностики затруднений педагогов", deadline: "сентябрь 2024 г.",
                 responsibles: ["Петрова А.В."], result: "Аналитическая справка"),
        GoldItem(number: "2", activity: "Организация работы наставнических пар", deadline: "в течение года",
                 responsibles: ["Руководители ШМО"], result: "Приказ"),
        GoldItem(number: "3", activity: "Подведение итогов реализации плана на педагогическом совете", deadline: "май 2025 г.",
                 responsibles: ["Заместитель директора по УВР"], result: "Протокол педсовета"),
    ]

    static func rows(_ items: [GoldItem], numbers: [String]? = nil) -> [[String]] {
        items.enumerated().map { i, item in
            [numbers?[i] ?? (item.number ?? "") + ".", item.activity, item.deadline ?? "", item.responsibles?.joined() ?? "", (item.result ?? nil) ?? ""]
        }
    }

    static let longTitle = "Об утверждении плана мероприятий по " + String(repeating: "реализации программы наставничества, ", count: 270)
        + "и о назначении ответственных"

    static let samples: [Sample] = [
        Sample(name: "plan-four-lines", body: [
            centred("ПЛАН МЕРОПРИЯТИЙ"), centred("по подготовке к государственной итоговой аттестации"),
            centred("МАОУ «Лицей № 4» на 2024 –"), centred("2025 учебный год"),
            roadmapTable(header: ["#", "Направления работы", "Сроки реализации", "Ответственный исполнитель", "Итоговый документ"],
                         rows: rows(items3)),
        ].joined(), gold: [GoldDocument(kind: .roadmap,
                                        title: "ПЛАН МЕРОПРИЯТИЙ по подготовке к государственной итоговой аттестации МАОУ «Лицей № 4» на 2024 – 2025 учебный год",
                                        organization: "МАОУ «Лицей № 4»", period: .academicYear(2024),
                                        sections: [(nil, nil, items3)])]),
        Sample(name: "plan-schedule-approval-block", body: [
            W.p("УТВЕРЖДАЮ", props: "<w:jc w:val=\"right\"/>"), W.p("Директор МБОУ «СОШ № 12»", props: "<w:jc w:val=\"right\"/>"),
            W.p("________ И.О. Фамилия", props: "<w:jc w:val=\"right\"/>"),
            W.p("План-график", bold: true), W.p("реализации программы наставничества на 2024 год", bold: true),
            roadmapTable(header: ["№№", "Содержание работы", "Срок исполнения", "Исполнители", "Продукт"], rows: rows(items3)),
        ].joined(), gold: [GoldDocument(kind: .roadmap, title: "План-график реализации программы наставничества на 2024 год",
                                        organization: "МБОУ «СОШ № 12»", period: .calendarYears(2024, 2024),
                                        sections: [(nil, nil, items3)])]),
        Sample(name: "complex-of-measures-written-out", body: [
            W.p("Комплекс мер по повышению качества образования в муниципальном бюджетном общеобразовательном учреждении «Гимназия № 2» на 2023-2025 годы"),
            roadmapTable(header: ["п/п", "Мероприятие", "Срок", "Ответственные", "Планируемый результат"], rows: rows(items3)),
        ].joined(), gold: [GoldDocument(kind: .roadmap,
                                        title: "Комплекс мер по повышению качества образования в муниципальном бюджетном общеобразовательном учреждении «Гимназия № 2» на 2023-2025 годы",
                                        organization: "муниципальном бюджетном общеобразовательном учреждении «Гимназия № 2»",
                                        period: .calendarYears(2023, 2025), sections: [(nil, nil, items3)])]),
        Sample(name: "headingless-table-appendix-line", body: [
            W.p("Приложение к приказу МБОУ СОШ № 7 от 01.09.2024 № 112", props: "<w:jc w:val=\"right\"/>"),
            roadmapTable(header: ["№", "Наименование мероприятия", "Дата проведения", "Ответственный", "Форма отчётности"], rows: rows(items3)),
        ].joined(), gold: [GoldDocument(kind: .roadmap, title: nil, organization: "МБОУ СОШ № 7", sections: [(nil, nil, items3)])]),
        Sample(name: "tab-paragraph-roadmap", body: [
            W.p("Дорожная карта внедрения целевой модели наставничества в МКОУ «ООШ с. Ивановка» на 2024-2025 учебный год", bold: true),
            W.p("Подготовительный этап", bold: true),
            tabbed(["1.", items3[0].activity, items3[0].deadline!, items3[0].responsibles![0]]),
            tabbed(["2.", items3[1].activity, items3[1].deadline!, items3[1].responsibles![0]]),
            W.p("Основной этап", bold: true),
            tabbed(["3.", items3[2].activity, items3[2].deadline!, items3[2].responsibles![0]]),
            W.p("Директор школы ________ А.А. Иванов"),
        ].joined(), gold: [GoldDocument(kind: .roadmap,
                                        title: "Дорожная карта внедрения целевой модели наставничества в МКОУ «ООШ с. Ивановка» на 2024-2025 учебный год",
                                        organization: "МКОУ «ООШ с. Ивановка»", period: .academicYear(2024),
                                        sections: [(nil, "Подготовительный этап", Array(items3.prefix(2)).map { var i = $0; i.result = .none; return i }),
                                                   (nil, "Основной этап", [items3[2]].map { var i = $0; i.result = .none; return i })])]),
        Sample(name: "columns-by-content", body: [
            W.p("План работы по подготовке к ВПР МБОУ «Школа № 3» на 2024/2025 уч. год", bold: true),
            roadmapTable(header: ["№", "Что планируется", "Месяц", "Кто", "Итог"], rows: rows(items3)),
        ].joined(), gold: [GoldDocument(kind: .roadmap, title: "План работы по подготовке к ВПР МБОУ «Школа № 3» на 2024/2025 уч. год",
                                        organization: "МБОУ «Школа № 3»", period: .academicYear(2024), sections: [(nil, nil, items3)])]),
        Sample(name: "no-header-row", body: [
            W.p("УТВЕРЖДАЮ"), W.p("Директор МАОУ СОШ № 15"), W.p("_________ В.В. Смирнова"),
            W.table(columns: 5, rows: rows(items3).map { W.tr($0) }),
        ].joined(), gold: [GoldDocument(kind: .roadmap, title: nil, organization: "МАОУ СОШ № 15", sections: [(nil, nil, items3)])]),
        Sample(name: "title-over-three-bold-lines", body: [
            W.p("Дорожная карта", bold: true), W.p("МБОУ «Гимназия № 1» г. Томска", bold: true), W.p("на 2024–2026 годы", bold: true),
            roadmapTable(header: ["№", "Мероприятия", "Сроки", "Ответственные"], rows: rows(items3).map { Array($0.prefix(4)) }),
        ].joined(), gold: [GoldDocument(kind: .roadmap, title: "Дорожная карта МБОУ «Гимназия № 1» г. Томска на 2024–2026 годы",
                                        organization: "МБОУ «Гимназия № 1» г. Томска", period: .calendarYears(2024, 2026),
                                        sections: [(nil, nil, items3.map { var i = $0; i.result = .none; return i })])]),
        Sample(name: "report-with-notes-column", body: [
            centred("ОТЧЁТ"), centred("о выполнении плана мероприятий МБОУ «Школа № 3» за 2024 год"),
            roadmapTable(header: ["№", "Мероприятие", "Срок", "Ответственный", "Отметка о выполнении", "Примечание"],
                         rows: rows(items3).map { Array($0.prefix(4)) + ["Выполнено", "—"] }),
        ].joined(), gold: [GoldDocument(kind: .report, title: "ОТЧЁТ о выполнении плана мероприятий МБОУ «Школа № 3» за 2024 год",
                                        organization: "МБОУ «Школа № 3»", period: .calendarYears(2024, 2024),
                                        sections: [(nil, nil, items3.map { var i = $0; i.result = .none; i.outcome = "Выполнено"; return i })])]),
        Sample(name: "order-long-title", body: [
            W.p("Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 9»"),
            W.p("ПРИКАЗ", props: centredBold, bold: true), W.p("01.09.2024 № 45"), W.p(longTitle),
            W.p("1. Утвердить план мероприятий (приложение)."), W.p("2. Контроль оставляю за собой."),
        ].joined(), gold: [GoldDocument(kind: .order, title: longTitle,
                                        organization: "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 9»",
                                        date: Day(year: 2024, month: 9, day: 1), orderNumber: "45",
                                        points: ["Утвердить план мероприятий (приложение).", "Контроль оставляю за собой."])]),
    ]

    func testEachSampleIsReadAsAMethodistWould() throws {
        try Self.check(Self.samples)
    }

    func testWritingTheSamplesForScoring() throws {
        try Self.write(Self.samples, folder: "kartograf-other-schools")
    }

    static func check(_ samples: [Sample]) throws {
        for sample in samples {
            let docs = try recognize(sample.body).map(\.document)
            XCTAssertEqual(docs.map(\.kind), sample.gold.map(\.kind), sample.name)
            for (doc, gold) in zip(docs, sample.gold) {
                XCTAssertEqual(doc.title, gold.title, sample.name)
                XCTAssertEqual(doc.organization, gold.organization, sample.name)
                XCTAssertEqual(doc.period, gold.period, sample.name)
                if gold.kind == .order {
                    XCTAssertEqual(doc.date, gold.date, sample.name)
                    XCTAssertEqual(doc.number, gold.orderNumber, sample.name)
                    XCTAssertEqual(doc.points.map(\.text), gold.points, sample.name)
                    continue
                }
                XCTAssertEqual(doc.sections.map(\.title), gold.sections.map(\.title), sample.name)
                let items = doc.sections.flatMap(\.items)
                let goldItems = gold.sections.flatMap(\.items)
                XCTAssertEqual(items.map(\.number), goldItems.map(\.number), sample.name)
                XCTAssertEqual(items.map(\.activity), goldItems.map(\.activity), sample.name)
                XCTAssertEqual(items.map(\.deadline.text), goldItems.map(\.deadline), sample.name)
                XCTAssertEqual(items.map { $0.responsibles.map(\.text) }, goldItems.map { $0.responsibles ?? [] }, sample.name)
                XCTAssertEqual(items.map(\.result), goldItems.map { $0.result ?? nil }, sample.name)
                if gold.kind == .report { XCTAssertEqual(items.map(\.outcome), goldItems.map { $0.outcome ?? nil }, sample.name) }
            }
        }
    }

    /// Writes the samples and their gold for `eval-corpus` into `$KARTOGRAF_OTHER_SCHOOLS_DIR/folder`
    /// (the temporary folder when that is not set).
    static func write(_ samples: [Sample], folder name: String) throws {
        let root = ProcessInfo.processInfo.environment["KARTOGRAF_OTHER_SCHOOLS_DIR"] ?? NSTemporaryDirectory()
        let folder = root + "/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for sample in samples {
            let bytes = try W.make(body: sample.body)
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/\(sample.name).docx"))
            let data = try JSONSerialization.data(withJSONObject: goldJSON(sample), options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: folder + "/\(sample.name).gold.json"))
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".gold.json") }
        XCTAssertGreaterThanOrEqual(written.count, samples.count)
    }

    static func goldJSON(_ sample: Sample) -> [String: Any] {
        func period(_ p: Period?) -> Any {
            guard let p else { return NSNull() }
            return ["from": p.from.iso, "to": p.to.iso]
        }
        let documents: [[String: Any]] = sample.gold.map { g in
            var d: [String: Any] = ["kind": g.kind.rawValue, "title": (g.title as Any?) ?? NSNull(),
                                    "organization": (g.organization as Any?) ?? NSNull(),
                                    "period": period(g.period)]
            if g.kind == .order {
                d["date"] = (g.date?.iso as Any?) ?? NSNull()
                d["number"] = (g.orderNumber as Any?) ?? NSNull()
                d["points"] = g.points.enumerated().map { ["number": "\($0.offset + 1)", "text": $0.element] }
            } else {
                d["sections"] = g.sections.map { s -> [String: Any] in
                    ["number": (s.number as Any?) ?? NSNull(), "title": (s.title as Any?) ?? NSNull(), "items": s.items.map { i -> [String: Any] in
                        var item: [String: Any] = ["number": (i.number as Any?) ?? NSNull(), "activity": i.activity,
                                                   "deadline": ["text": (i.deadline as Any?) ?? NSNull()],
                                                   "responsibles": (i.responsibles ?? []).map { ["text": $0] }]
                        item["result"] = ((i.result ?? nil) as Any?) ?? NSNull()
                        item["outcome"] = ((i.outcome ?? nil) as Any?) ?? NSNull()
                        return item
                    }]
                }
            }
            return d
        }
        let optional = DiagnosticCode.allCases.map { ["code": $0.rawValue, "document": "*", "item": "*"] }
        return ["format": "roadmap-export/1", "source": ["file": sample.name + ".docx"], "documents": documents,
                "diagnostics": [], "eval": ["diagnostics_optional": optional]]
    }
}
