import Foundation
import Model
import OOXML
import XCTest
@testable import Recognition

/// A second set of documents as other schools write them, written down before the branch was
/// scored on them (`OtherSchoolsTests` explains the gold files).
final class OtherSchoolsMoreTests: XCTestCase {
    typealias S = OtherSchoolsTests
    typealias Item = OtherSchoolsTests.GoldItem

    static let plan = [
        Item(number: "1", activity: "Заседание методического объединения «Планирование работы на год»", deadline: "август",
             responsibles: ["Руководитель МО"], result: "Протокол"),
        Item(number: "2", activity: "Взаимопосещение уроков молодыми специалистами и наставниками", deadline: "октябрь – ноябрь",
             responsibles: ["Наставники"], result: "Листы посещения"),
        Item(number: "3", activity: "Мониторинг профессиональных затруднений педагогов", deadline: "январь 2025 г.",
             responsibles: ["Педагог-психолог"], result: "Аналитическая справка"),
        Item(number: "4", activity: "Открытые уроки наставляемых педагогов", deadline: "март 2025 г.",
             responsibles: ["Заместитель директора по УВР"], result: "Методические материалы"),
    ]

    static func without(_ items: [Item], result: Bool = false) -> [Item] {
        items.map { var i = $0; if !result { i.result = .none }; return i }
    }

    static let samples: [OtherSchoolsTests.Sample] = [
        .init(name: "b1-organisation-over-two-lines", body: [
            W.p("Муниципальное автономное общеобразовательное учреждение", props: S.centredBold),
            W.p("«Средняя общеобразовательная школа № 21»", props: S.centredBold),
            S.centred("Дорожная карта (план мероприятий)"),
            S.centred("по реализации Положения о системе наставничества педагогических работников"),
            S.centred("на 2023/2024 учебный год"),
            roadmapTable(header: ["№ п/п", "Наименование мероприятий", "Сроки проведения", "Ответственные лица", "Результат, форма отчета"],
                         rows: S.rows(plan)),
        ].joined(), gold: [.init(kind: .roadmap,
                                 title: "Дорожная карта (план мероприятий) по реализации Положения о системе наставничества педагогических работников на 2023/2024 учебный год",
                                 organization: "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 21»",
                                 period: .academicYear(2023), sections: [(nil, nil, plan)])]),
        .init(name: "b2-plain-title-indicator-column", body: [
            W.p("План мероприятий («дорожная карта») по повышению качества образования в МБОУ «СОШ № 2 г. Лермонтова» на 2024-2026 гг."),
            roadmapTable(header: ["№ п/п", "Мероприятия", "Срок выполнения", "Ответственный за выполнение", "Показатели результативности"],
                         rows: S.rows(plan)),
        ].joined(), gold: [.init(kind: .roadmap,
                                 title: "План мероприятий («дорожная карта») по повышению качества образования в МБОУ «СОШ № 2 г. Лермонтова» на 2024-2026 гг.",
                                 organization: "МБОУ «СОШ № 2 г. Лермонтова»", period: .calendarYears(2024, 2026),
                                 sections: [(nil, nil, plan)])]),
        .init(name: "b3-tabs-with-header-and-roman-sections", body: [
            W.p("ПЛАН РАБОТЫ", bold: true), W.p("школьной службы медиации МБОУ ООШ № 3 на 2024-2025 учебный год"),
            S.tabbed(["№", "Мероприятие", "Срок", "Ответственный"]),
            W.p("I. Организационные мероприятия", bold: true),
            S.tabbed(["1.", plan[0].activity, plan[0].deadline!, plan[0].responsibles![0]]),
            S.tabbed(["2.", plan[1].activity, plan[1].deadline!, plan[1].responsibles![0]]),
            W.p("II. Работа с педагогами", bold: true),
            S.tabbed(["3.", plan[2].activity, plan[2].deadline!, plan[2].responsibles![0]]),
            S.tabbed(["4.", plan[3].activity, plan[3].deadline!, plan[3].responsibles![0]]),
        ].joined(), gold: [.init(kind: .roadmap, title: "ПЛАН РАБОТЫ школьной службы медиации МБОУ ООШ № 3 на 2024-2025 учебный год",
                                 organization: "МБОУ ООШ № 3", period: .academicYear(2024),
                                 sections: [("I", "Организационные мероприятия", without(Array(plan.prefix(2)))),
                                            ("II", "Работа с педагогами", without(Array(plan.suffix(2))))])]),
        .init(name: "b4-tabs-without-numbers-or-header", body: [
            W.p("План работы методического объединения учителей начальных классов на 2024 – 2025 учебный год", bold: true),
        ] .joined() + plan.map { S.tabbed([$0.activity, $0.deadline!, $0.responsibles![0]]) }.joined(),
              gold: [.init(kind: .roadmap, title: "План работы методического объединения учителей начальных классов на 2024 – 2025 учебный год",
                           organization: nil, period: .academicYear(2024),
                           sections: [(nil, nil, without(plan).map { var i = $0; i.number = nil; return i })])]),
        .init(name: "b5-order-with-date-table", body: [
            W.p("МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ «ЛИЦЕЙ № 7»", props: S.centredBold, bold: true),
            W.p("П Р И К А З", props: S.centredBold, bold: true),
            W.table(columns: 2, rows: [W.tr(["29.08.2024", "№ 215-о"])]),
            W.p("Об организации наставничества в 2024-2025 учебном году"),
            W.p("В соответствии с распоряжением Минпросвещения России от 25.12.2019 № Р-145"),
            W.p("ПРИКАЗЫВАЮ:"),
            W.p("1. Утвердить программу наставничества."), W.p("2. Назначить куратором Иванову А.А."),
        ].joined(), gold: [.init(kind: .order, title: "Об организации наставничества в 2024-2025 учебном году",
                                 organization: "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ «ЛИЦЕЙ № 7»",
                                 period: .academicYear(2024), date: Day(year: 2024, month: 8, day: 29), orderNumber: "215-о",
                                 points: ["Утвердить программу наставничества.", "Назначить куратором Иванову А.А."])]),
        .init(name: "b6-information-report", body: [
            S.centred("Информация о выполнении плана мероприятий по наставничеству"),
            S.centred("в МКОУ «Берёзовская СОШ» за 2024 год"),
            roadmapTable(header: ["№", "Мероприятие", "Сроки", "Исполнитель", "Результат выполнения"],
                         rows: S.rows(plan).map { Array($0.prefix(4)) + ["Выполнено"] }),
        ].joined(), gold: [.init(kind: .report,
                                 title: "Информация о выполнении плана мероприятий по наставничеству в МКОУ «Берёзовская СОШ» за 2024 год",
                                 organization: "МКОУ «Берёзовская СОШ»", period: .calendarYears(2024, 2024),
                                 sections: [(nil, nil, without(plan).map { var i = $0; i.outcome = "Выполнено"; return i })])]),
        .init(name: "b7-title-row-appendix-line", body: [
            W.p("Приложение № 1 к приказу МБОУ «Гимназия № 5» от 02.09.2024 № 301", props: "<w:jc w:val=\"right\"/>"),
            W.table(columns: 5, rows: ["<w:tr>" + W.tc("Комплексный план мероприятий по профилактике неуспеваемости на 2024-2025 учебный год",
                                                    props: "<w:gridSpan w:val=\"5\"/>") + "</w:tr>",
                                       W.tr(["№", "Содержание деятельности", "Срок", "Ответственный", "Планируемый результат"], header: true)]
                    + S.rows(plan).map { W.tr($0) }),
        ].joined(), gold: [.init(kind: .roadmap, title: "Комплексный план мероприятий по профилактике неуспеваемости на 2024-2025 учебный год",
                                 organization: "МБОУ «Гимназия № 5»", period: .academicYear(2024), sections: [(nil, nil, plan)])]),
        .init(name: "b8-approved-by-order-line", body: [
            W.p("Утверждено приказом директора МБОУ СОШ № 1 с. Ивановка от 30.08.2024 № 85"),
            roadmapTable(header: ["№", "Мероприятие", "Срок", "Ответственный"], rows: S.rows(plan).map { Array($0.prefix(4)) }),
        ].joined(), gold: [.init(kind: .roadmap, title: nil, organization: "МБОУ СОШ № 1 с. Ивановка",
                                 sections: [(nil, nil, without(plan))])]),
        .init(name: "b9-theme-and-form-columns", body: [
            W.p("План-график мероприятий МБДОУ «Детский сад № 17 «Солнышко» на 2025 год", bold: true),
            roadmapTable(header: ["№", "Тема мероприятия", "Форма проведения", "Дата", "Ф.И.О. ответственного"],
                         rows: plan.map { [$0.number! + ".", $0.activity, "семинар", $0.deadline!, $0.responsibles![0]] }),
        ].joined(), gold: [.init(kind: .roadmap, title: "План-график мероприятий МБДОУ «Детский сад № 17 «Солнышко» на 2025 год",
                                 organization: "МБДОУ «Детский сад № 17 «Солнышко»", period: .calendarYears(2025, 2025),
                                 sections: [(nil, nil, without(plan))])]),
        .init(name: "b10-spaced-capitals-title", body: [
            S.centred("П Л А Н"), S.centred("мероприятий по профилактике детского дорожно-транспортного травматизма"),
            S.centred("в МАОУ «Школа № 44» на 2024 год"),
            roadmapTable(header: ["№", "Мероприятия", "Сроки", "Ответственные", "Отметка о выполнении"],
                         rows: S.rows(plan).map { Array($0.prefix(4)) + [""] }),
        ].joined(), gold: [.init(kind: .roadmap,
                                 title: "П Л А Н мероприятий по профилактике детского дорожно-транспортного травматизма в МАОУ «Школа № 44» на 2024 год",
                                 organization: "МАОУ «Школа № 44»", period: .calendarYears(2024, 2024),
                                 sections: [(nil, nil, without(plan))])]),
    ]

    func testEachSampleIsReadAsAMethodistWould() throws {
        try OtherSchoolsTests.check(Self.samples)
    }

    func testWritingTheSamplesForScoring() throws {
        try OtherSchoolsTests.write(Self.samples, folder: "kartograf-other-schools-more")
    }
}
