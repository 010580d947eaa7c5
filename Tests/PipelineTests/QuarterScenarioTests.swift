import Foundation
import JSON
import Model
import Organisations
import TestSupport
import XCTest

/// A town over two quarters, the way a methodist meets it: eight schools in the roster, each roadmap
/// sent once (under a full, genitive or short name), reports every quarter under other spellings
/// (short, capitals, a year glued on, prepositional), one report renumbered, one school with reports
/// only, one late, one silent, and a stranger the roster does not know. `kartograf run` files them,
/// `report quarterly` makes 2024-Q3 and 2024-Q4, and every school's figures must equal the truth
/// stated here by hand.
///
/// `KARTOGRAF_SCENARIO_BINARY` runs another build of kartograf on the same scenario (to measure it);
/// the score line («scenario: N of M figures right») is printed either way.
final class QuarterScenarioTests: XCTestCase {
    // MARK: The roadmap every school plans by

    /// number, activity, deadline as written.
    static let plan: [(String, String, String)] = [
        ("1", "Назначение куратора внедрения целевой модели наставничества", "до 15.09.2024"),
        ("2", "Разработка и утверждение программы наставничества", "до 30.09.2024"),
        ("3", "Формирование базы наставников и наставляемых", "до 25.10.2024"),
        ("4", "Проведение обучающего семинара для наставников", "до 20.11.2024"),
        ("5", "Организация работы наставнических пар", "в течение учебного года"),
        ("6", "Размещение информации о наставничестве на сайте школы", "по мере необходимости"),
        ("7", "Подведение итогов реализации программы за полугодие", "до 27.12.2024"),
        // A slip of the year: before the roadmap's period, so never overdue in its quarters.
        ("8", "Анализ работы по наставничеству за прошлый год", "до 20.05.2022"),
    ]

    static func activity(_ n: String) -> String { plan.first { $0.0 == n }!.1 }
    static func deadline(_ n: String) -> String { plan.first { $0.0 == n }!.2 }

    // MARK: The files

    struct File {
        var name: String
        var bytes: [UInt8]
        var arrived: String
    }

    static func roadmap(title: String) -> [UInt8] {
        var body = TestDocx.paragraph(title, bold: true)
        var table = "<w:tbl>" + TestDocx.row(["№ п/п", "Мероприятие", "Срок исполнения", "Ответственный", "Результат"])
        for (n, a, d) in plan { table += TestDocx.row([n, a, d, "Заместитель директора по УВР", "Отчёт"]) }
        body += table + "</w:tbl>"
        return TestDocx.zip(documentXML: body)
    }

    /// Rows: number, activity, deadline, outcome.
    static func report(title: String, rows: [(String, String, String, String)]) -> [UInt8] {
        var body = TestDocx.paragraph(title, bold: true)
        var table = "<w:tbl>" + TestDocx.row(["№ п/п", "Мероприятие", "Срок", "Ответственный", "Отметка о выполнении"])
        for (n, a, d, o) in rows { table += TestDocx.row([n, a, d, "Заместитель директора по УВР", o]) }
        body += table + "</w:tbl>"
        return TestDocx.zip(documentXML: body)
    }

    /// A report on roadmap items by their numbers, with these outcomes.
    static func report(title: String, _ outcomes: [(String, String)]) -> [UInt8] {
        report(title: title, rows: outcomes.map { ($0.0, activity($0.0), deadline($0.0), $0.1) })
    }

    static let roster = """
        Официальное наименование;Краткое наименование;Другие написания
        Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»;МБОУ СОШ № 1;
        Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 2»;МБОУ СОШ № 2;
        Муниципальное автономное общеобразовательное учреждение «Лицей № 3»;МАОУ Лицей № 3;
        Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 4»;МБОУ Гимназия № 4;
        Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа № 5»;МБОУ ООШ № 5;
        Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 6 «Солнышко»»;МБДОУ д/с № 6;
        Муниципальное бюджетное учреждение дополнительного образования «Центр детского творчества»;МБУ ДО ЦДТ;
        Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 8»;МБОУ СОШ № 8;

        """

    static let onTimeQ3 = "2024-10-07", lateQ3 = "2024-10-25", onTimeQ4 = "2025-01-09", lateQ4 = "2025-01-15"

    static var files: [File] {
        var f: [File] = []
        // 1: full name in the roadmap, short in Q3, capitals with the year glued on in Q4.
        f.append(File(name: "СОШ1 дорожная карта.docx", bytes: roadmap(title:
            "Дорожная карта по реализации целевой модели наставничества Муниципального бюджетного общеобразовательного учреждения «Средняя общеобразовательная школа № 1» на 2024–2025 учебный год"),
            arrived: "2024-09-05"))
        f.append(File(name: "СОШ1 отчёт 3 кв.docx", bytes: report(title:
            "Отчёт о выполнении дорожной карты МБОУ СОШ № 1 за III квартал 2024 г.",
            [("1", "Выполнено"), ("2", "Программа разработана и утверждена"), ("3", ""), ("4", ""), ("5", "в работе"),
             ("6", "Информация размещена"), ("7", "")]), arrived: onTimeQ3))
        f.append(File(name: "СОШ1 отчёт 4 кв.docx", bytes: report(title:
            "ОТЧЁТ О ВЫПОЛНЕНИИ ДОРОЖНОЙ КАРТЫ МБОУ «СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 1»2024 IV КВАРТАЛ",
            [("1", "выполнено"), ("2", "выполнено"), ("3", "Проведено"), ("4", "проведён 15.11.2024"), ("5", "ведётся"),
             ("7", "не проведено")]), arrived: onTimeQ4))
        // 2: a genitive roadmap title, nominative reports.
        f.append(File(name: "школа2-ДК.docx", bytes: roadmap(title:
            "Дорожная карта муниципального бюджетного общеобразовательного учреждения «Средней общеобразовательной школы № 2» на 2024-2025 учебный год"),
            arrived: "2024-09-06"))
        f.append(File(name: "школа2-отчет-III.docx", bytes: report(title:
            "Отчёт МБОУ «Средняя общеобразовательная школа № 2» за III квартал 2024 года",
            [("1", "Выполнено"), ("2", "Не выполнено"), ("5", "Частично")]), arrived: onTimeQ3))
        f.append(File(name: "школа2-отчет-IV.docx", bytes: report(title:
            "Отчёт МБОУ «Средняя общеобразовательная школа № 2» за IV квартал 2024 года",
            [("2", "выполнено 10.10.2024"), ("3", "сделано"), ("4", "перенесено на январь"), ("5", "в работе"),
             ("7", "выполнено")]), arrived: onTimeQ4))
        // 3: a renumbered Q3 report (a row of its own on top), a prepositional name in Q4.
        f.append(File(name: "лицей3 ДК.docx", bytes: roadmap(title:
            "Дорожная карта МАОУ «Лицей № 3» на 2024-2025 учебный год"), arrived: "2024-09-04"))
        f.append(File(name: "лицей3 отчет 3кв.docx", bytes: report(title:
            "Отчёт о реализации дорожной карты в МАОУ «Лицей № 3» за III квартал 2024 г.", rows: [
                ("1", "Организационное совещание педагогического коллектива", "до 05.09.2024", "+"),
                ("2", activity("1"), deadline("1"), "выполнено"),
                ("3", activity("2"), deadline("2"), "не выполнено"),
                ("4", activity("5"), deadline("5"), "в работе"),
            ]), arrived: onTimeQ3))
        f.append(File(name: "лицей3 отчет 4кв.docx", bytes: report(title:
            "Отчёт о реализации дорожной карты в МАОУ «Лицее № 3» за IV квартал 2024 г.",
            [("2", "выполнено"), ("3", "выполнено"), ("4", "выполнено"), ("5", "выполняется"), ("7", "в работе")]),
            arrived: onTimeQ4))
        // 4: reports only; their own rows are the plan.
        f.append(File(name: "гимназия4 отчёт 3.docx", bytes: report(title:
            "Отчёт МБОУ «Гимназия № 4» о реализации программы наставничества за III квартал 2024 г.", rows: [
                ("1", "Назначение куратора программы наставничества", "до 15.09.2024", "выполнено"),
                ("2", "Разработка программы наставничества гимназии", "до 30.09.2024", "в работе"),
                ("3", "Организация работы наставнических пар", "с 01.09.2024 по 31.05.2025", "в работе"),
            ]), arrived: onTimeQ3))
        f.append(File(name: "гимназия4 отчёт 4.docx", bytes: report(title:
            "Отчёт МБОУ «Гимназия № 4» о реализации программы наставничества за IV квартал 2024 г.", rows: [
                ("1", "Формирование базы наставников гимназии", "до 25.10.2024", "выполнено"),
                ("2", "Семинар для наставников гимназии", "до 20.11.2024", "не выполнено"),
                ("3", "Организация работы наставнических пар", "с 01.09.2024 по 31.05.2025", "в работе"),
            ]), arrived: onTimeQ4))
        // 5: bare marks in Q3; negations, a document as proof and an unknown mark in a late Q4 report.
        f.append(File(name: "ООШ5 ДК.docx", bytes: roadmap(title:
            "Дорожная карта МБОУ ООШ № 5 на 2024-2025 учебный год"), arrived: "2024-09-05"))
        f.append(File(name: "ООШ5 отчет III.docx", bytes: report(title:
            "Отчет МБОУ ООШ №5 за III квартал 2024 г.",
            [("1", "+"), ("2", "-"), ("5", "✓"), ("6", "да")]), arrived: onTimeQ3))
        f.append(File(name: "ООШ5 отчет IV.docx", bytes: report(title:
            "Отчет МБОУ ООШ №5 за IV квартал 2024 г.",
            [("2", "не выполнено"), ("3", "не в полном объёме"), ("4", "Не проведено"), ("5", "см. приложение"),
             ("7", "приказ № 12 от 23.12.2024")]), arrived: lateQ4))
        // 6: a late Q3 report, nothing in Q4.
        f.append(File(name: "ДС6 ДК.docx", bytes: roadmap(title:
            "Дорожная карта МБДОУ детский сад № 6 на 2024-2025 учебный год"), arrived: "2024-09-09"))
        f.append(File(name: "ДС6 отчет 3 кв.docx", bytes: report(title:
            "Отчет МБДОУ детский сад № 6 за III квартал 2024 г.",
            [("1", "выполнено"), ("2", "в работе"), ("5", "в работе")]), arrived: lateQ3))
        // 7: the full name in the roadmap, the short one in reports.
        f.append(File(name: "ЦДТ ДК.docx", bytes: roadmap(title:
            "Дорожная карта муниципального бюджетного учреждения дополнительного образования «Центр детского творчества» на 2024-2025 учебный год"),
            arrived: "2024-09-10"))
        f.append(File(name: "ЦДТ отчет 3.docx", bytes: report(title:
            "Отчет МБУ ДО ЦДТ за III квартал 2024 г.", [("1", "выполнено"), ("2", "выполнено"), ("5", "в работе")]),
            arrived: onTimeQ3))
        f.append(File(name: "ЦДТ отчет 4.docx", bytes: report(title:
            "Отчет МБУ ДО «ЦДТ» за IV квартал 2024 г.",
            [("3", "выполнено"), ("4", "выполнено"), ("5", "в работе"), ("7", "выполнено")]), arrived: onTimeQ4))
        // 8 is silent. A stranger the roster does not know sends a Q4 report.
        f.append(File(name: "СОШ12 отчет.docx", bytes: report(title:
            "Отчет МБОУ СОШ № 12 за IV квартал 2024 г.",
            rows: [("1", "Формирование базы наставников", "до 25.10.2024", "выполнено")]), arrived: onTimeQ4))
        return f
    }

    // MARK: The truth, by hand

    /// state, due, due and done, done, not done, in progress, no data, overdue, active, by event.
    struct Figures: Equatable, CustomStringConvertible {
        var state: String
        var due = 0, dueDone = 0, done = 0, notDone = 0, inProgress = 0, noData = 0, overdue = 0, active = 0, byEvent = 0

        var list: [(String, String)] {
            [("state", state), ("due", "\(due)"), ("dueDone", "\(dueDone)"), ("done", "\(done)"), ("notDone", "\(notDone)"),
             ("inProgress", "\(inProgress)"), ("noData", "\(noData)"), ("overdue", "\(overdue)"), ("active", "\(active)"),
             ("byEvent", "\(byEvent)")]
        }
        var description: String { list.map { "\($0.0)=\($0.1)" }.joined(separator: " ") }
    }

    static let onTime = "представлен в срок", late = "представлен после срока", missing = "не представлен"

    /// By short name and quarter. Q3: items 1, 2 due, 5 active, 6 by event, 8 (2022) nowhere.
    /// Q4: items 3, 4, 7 due, 5 active, 6 by event; 1 and 2 overdue unless some report said done.
    static let truth: [String: [String: Figures]] = [
        "МБОУ СОШ № 1": [
            "2024-Q3": Figures(state: onTime, due: 2, dueDone: 2, done: 2, inProgress: 1, active: 1, byEvent: 1),
            "2024-Q4": Figures(state: onTime, due: 3, dueDone: 2, done: 2, notDone: 1, inProgress: 1, active: 1, byEvent: 1),
        ],
        "МБОУ СОШ № 2": [
            "2024-Q3": Figures(state: onTime, due: 2, dueDone: 1, done: 1, notDone: 1, inProgress: 1, active: 1, byEvent: 1),
            "2024-Q4": Figures(state: onTime, due: 3, dueDone: 2, done: 2, notDone: 1, inProgress: 1, active: 1, byEvent: 1),
        ],
        "МАОУ Лицей № 3": [
            "2024-Q3": Figures(state: onTime, due: 2, dueDone: 1, done: 1, notDone: 1, inProgress: 1, active: 1, byEvent: 1),
            "2024-Q4": Figures(state: onTime, due: 3, dueDone: 2, done: 2, inProgress: 2, active: 1, byEvent: 1),
        ],
        "МБОУ Гимназия № 4": [
            "2024-Q3": Figures(state: onTime, due: 2, dueDone: 1, done: 1, inProgress: 2, active: 1),
            "2024-Q4": Figures(state: onTime, due: 2, dueDone: 1, done: 1, notDone: 1, inProgress: 1, active: 1),
        ],
        "МБОУ ООШ № 5": [
            "2024-Q3": Figures(state: onTime, due: 2, dueDone: 1, done: 2, notDone: 1, active: 1, byEvent: 1),
            "2024-Q4": Figures(state: late, due: 3, dueDone: 1, done: 1, notDone: 1, inProgress: 1, noData: 1, overdue: 1,
                               active: 1, byEvent: 1),
        ],
        "МБДОУ д/с № 6": [
            "2024-Q3": Figures(state: late, due: 2, dueDone: 1, done: 1, inProgress: 2, active: 1, byEvent: 1),
            "2024-Q4": Figures(state: missing, due: 3, noData: 4, overdue: 1, active: 1, byEvent: 1),
        ],
        "МБУ ДО ЦДТ": [
            "2024-Q3": Figures(state: onTime, due: 2, dueDone: 2, done: 2, inProgress: 1, active: 1, byEvent: 1),
            "2024-Q4": Figures(state: onTime, due: 3, dueDone: 3, done: 3, inProgress: 1, active: 1, byEvent: 1),
        ],
        "МБОУ СОШ № 8": [
            "2024-Q3": Figures(state: missing),
            "2024-Q4": Figures(state: missing),
        ],
        "МБОУ СОШ № 12": [
            "2024-Q4": Figures(state: "не распознана", due: 1, dueDone: 1, done: 1),
        ],
    ]

    // MARK: Running it

    static var binary: String? {
        if let b = ProcessInfo.processInfo.environment["KARTOGRAF_SCENARIO_BINARY"], !b.isEmpty { return b }
        return Harness.executable
    }

    func kartograf(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary!)
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// Puts the scenario's files in an inbox with their arrival days as modification times.
    func inbox(_ root: String) throws -> String {
        let inbox = root + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for f in Self.files {
            let path = inbox + "/" + f.name
            try Data(f.bytes).write(to: URL(fileURLWithPath: path))
            let day = Day(iso: f.arrived)!
            let date = Date(timeIntervalSince1970: Double(day.ordinal - Day(year: 1970, month: 1, day: 1)!.ordinal) * 86400 + 43200)
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
        }
        return inbox
    }

    /// Every organisation's figures in a quarter's output, by the school they stand for; a school
    /// that came out under two organisations (or none) has no figures.
    func figures(in folder: String, quarter: String) throws -> [String: Figures] {
        let rosterIndex = OrganisationIndex(roster: Roster.parse(Self.roster))
        let shortNames = Roster.parse(Self.roster).entries.map { $0.short! }
        var stranger = OrganisationIndex(lexicon: .shared)
        _ = stranger.resolve("МБОУ СОШ № 12")
        var found: [String: [Figures]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".json") {
            let json = try JSONParser.parse(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))))
            guard let org = json["organization"]?.stringValue, let counts = json["counts"] else { continue }
            let school: String
            if let i = rosterIndex.match(org) { school = shortNames[i] } else if stranger.match(org) != nil { school = "МБОУ СОШ № 12" } else { continue }
            func n(_ key: String) -> Int { counts[key]?.doubleValue.map { Int($0) } ?? -1 }
            found[school, default: []].append(Figures(
                state: json["state"]?.stringValue ?? "—", due: n("due"), dueDone: n("dueDone"), done: n("done"),
                notDone: n("notDone"), inProgress: n("inProgress"), noData: n("noData"), overdue: n("overdue"),
                active: n("active"), byEvent: n("byEvent")))
        }
        return found.compactMapValues { $0.count == 1 ? $0[0] : nil }
    }

    /// Runs the scenario (with the roster in the output folder, or without one) and scores it.
    func score(withRoster: Bool) throws -> (right: Int, total: Int, misses: [String]) {
        guard Self.binary != nil else { try Requirement.missing("the kartograf executable") }
        let root = NSTemporaryDirectory() + "kartograf-scenario-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let inbox = try inbox(root)
        let out = root + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        if withRoster { try Data(Self.roster.utf8).write(to: URL(fileURLWithPath: out + "/" + Roster.fileName)) }
        let (status, stderr) = try kartograf(["run", inbox, "--out", out])
        XCTAssertEqual(status, 0, stderr)
        var right = 0, total = 0
        var misses: [String] = []
        for quarter in ["2024-Q3", "2024-Q4"] {
            let folder = root + "/q-" + quarter
            let (qs, qerr) = try kartograf(["report", "quarterly", quarter, "--from", out, "--out", folder, "--today", "2025-02-01"])
            XCTAssertEqual(qs, 0, qerr)
            let got = try figures(in: folder, quarter: quarter)
            for (school, byQuarter) in Self.truth.sorted(by: { $0.key < $1.key }) {
                guard var expected = byQuarter[quarter] else { continue }
                if !withRoster {
                    // Without a roster nobody knows of the silent school, and the stranger is one of the town.
                    if school == "МБОУ СОШ № 8" { continue }
                    if school == "МБОУ СОШ № 12" { expected.state = Self.onTime }
                }
                let actual = got[school]
                for ((key, want), have) in zip(expected.list, actual?.list.map(\.1) ?? Array(repeating: "нет", count: 10)) {
                    total += 1
                    if want == have { right += 1 } else { misses.append("\(school) \(quarter) \(key): ожидалось \(want), получено \(have)") }
                }
            }
        }
        return (right, total, misses)
    }

    func testEveryOrganisationsFiguresWithTheRoster() throws {
        let (right, total, misses) = try score(withRoster: true)
        print("scenario with roster: \(right) of \(total) figures right")
        XCTAssertEqual(right, total, misses.joined(separator: "\n"))
    }

    func testEveryOrganisationsFiguresLearnedWithoutARoster() throws {
        let (right, total, misses) = try score(withRoster: false)
        print("scenario without roster: \(right) of \(total) figures right")
        XCTAssertEqual(right, total, misses.joined(separator: "\n"))
    }
}
