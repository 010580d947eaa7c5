import ArgumentParser
import Foundation
import JSON
import Model
import Pipeline
import Registry
import Reports

/// `kartograf correct …`: the methodist's corrections from the command line (the same library the desk uses).
struct CorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Исправления методиста: организация файла, статус пункта, отклонённое замечание, срок, столбец, вид документа.",
        discussion: """
            Исправления хранятся в реестре (кто и когда исправил), отмечаются в протоколах и квартальных \
            документах словами «исправлено методистом» и применяются заново к следующей версии файла той же \
            организации, если пункт в ней нашёлся (по номеру, затем по сходству мероприятия); иначе исправление \
            показывается как неприменимое. Номера файлов, документов, пунктов и замечаний — из «kartograf correct show».
            """,
        subcommands: [ListCorrections.self, ShowFile.self, AssignOrganization.self, SetStatus.self, Dismiss.self,
                      FixDeadline.self, AssignColumn.self, AssignKind.self])
}

/// Where the registry is and who corrects.
struct DeskOptions: ParsableArguments {
    @OptionGroup var home: HomeOption

    @OptionGroup var registry: RegistryOption

    @Option(name: .long, help: "Папка результатов, где лежит реестр (по умолчанию — домашняя папка).")
    var out: String?

    @Option(name: .long, help: "Кто исправляет (по умолчанию — имя пользователя системы).")
    var author: String?

    var output: String { out ?? home.resolved.root }

    func desk() throws -> CorrectionDesk {
        let output = self.output
        let registry = try self.registry.openExplicit(output: output)
        do {
            return try CorrectionDesk(output: output, registry: registry, protocolWriters: protocolWriters(
                templates: TemplateLocation.find("protocol.docx", folder: nil, home: home.resolved).map { ($0 as NSString).deletingLastPathComponent },
                output: output, home: home.resolved))
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }

    func who() throws -> String {
        if let author, !author.trimmingCharacters(in: .whitespaces).isEmpty { return author }
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        throw ValidationError("Укажите, кто исправляет: --author «Фамилия И. О.».")
    }
}

/// Runs a correction, turning its refusal into a Russian message and exit code 1.
@discardableResult
func correcting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CorrectionError {
        printError(error.description)
        throw ExitCode(1)
    }
}

/// A number typed from 1 as the place from 0.
func place(_ n: Int, _ what: String) throws -> Int {
    guard n >= 1 else { throw ValidationError("\(what): номер должен быть 1 или больше.") }
    return n - 1
}

struct ListCorrections: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Обработанные файлы с номерами и все исправления.")
    @OptionGroup var options: DeskOptions

    func run() throws {
        let desk = try options.desk()
        let files = try correcting { try desk.files() }
        if files.isEmpty { printError("В реестре нет обработанных файлов.") }
        for f in files {
            printOut("№ \(f.id)\t\(f.name)\t\(f.organization ?? OutputLayout.noOrganization)")
        }
        let all = try correcting { try desk.all() }
        if !all.isEmpty { printOut("\nИсправления (\(all.count)):") }
        for c in all {
            printOut("  [\(c.id)] файл № \(c.inputId): \(c.kind.russian) — «\(c.value)»\(c.note.map { ", \($0)" } ?? "") (\(c.byline))")
        }
        let stale = try correcting { try desk.notApplicable() }
        if !stale.isEmpty { printOut("\nНе применимы к новым версиям файлов (\(stale.count)):") }
        for o in stale {
            guard case let .notApplicable(reason) = o.state else { continue }
            printOut("  [\(o.correction.id)] файл № \(o.inputId): \(o.correction.kind.russian) — «\(o.correction.value)»: \(reason)")
        }
    }
}

struct ShowFile: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Документы, пункты, замечания и исправления одного файла.")
    @OptionGroup var options: DeskOptions
    @Argument(help: "Номер файла (из «kartograf correct list»).") var file: Int64

    func run() throws {
        let desk = try options.desk()
        let view = try correcting { try desk.file(file) }
        printOut("Файл № \(view.input.id): «\(view.input.name)», организация: \(view.input.organization ?? "не указана")")
        for (d, document) in view.export.documents.enumerated() {
            let kind = view.documents.first { $0.position == d }?.kind ?? document.kind
            printOut("Документ \(d + 1): \(kind.russian) «\(document.title ?? "без названия")»")
            for (k, entry) in document.allItems.enumerated() {
                let item = entry.item
                let dates = item.deadline.occurrences.map { o in o.start.map { "\($0.dottedDate)–\(o.due.dottedDate)" } ?? o.due.dottedDate }
                printOut("  пункт \(k + 1) (№ \(item.number ?? "—")): \(item.activity ?? "") | срок: \(item.deadline.text ?? "—")"
                         + (dates.isEmpty ? "" : " → \(dates.prefix(4).joined(separator: "; "))\(dates.count > 4 ? "; …" : "")"))
            }
        }
        printOut("Замечания:")
        for (i, d) in view.export.diagnostics.enumerated() {
            printOut("  \(i + 1). [\(d.severity.russian)] \(d.message)")
        }
        if !view.outcomes.isEmpty { printOut("Исправления:") }
        for o in view.outcomes {
            let state: String
            switch o.state {
            case .applied: state = "применено"
            case let .notApplicable(reason): state = "не применимо: \(reason)"
            }
            printOut("  [\(o.correction.id)] \(o.correction.kind.russian) — «\(o.correction.value)» (\(o.correction.byline)): \(state)")
        }
    }
}

struct AssignOrganization: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organization",
        abstract: "Отнести файл (или один его документ) к организации; написание из файла запоминается.")
    @OptionGroup var options: DeskOptions
    @Argument(help: "Номер файла.") var file: Int64
    @Argument(help: "Организация, как в списке организаций.") var organization: String
    @Option(name: .long, help: "Номер документа в файле (по умолчанию — весь файл).") var document: Int?
    @Option(name: .long, help: "Примечание.") var note: String?

    func run() throws {
        let desk = try options.desk()
        let document = try self.document.map { try place($0, "--document") }
        let author = try options.who()
        let c = try correcting { try desk.assignOrganization(file: file, document: document, to: organization,
                                                              author: author, note: note) }
        printError("Файл № \(file) отнесён к организации «\(c.value)»" + (c.subject.map { "; написание «\($0)» запомнено" } ?? "") + ".")
    }
}

struct SetStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Указать статус пункта за квартал.")
    @OptionGroup var options: DeskOptions
    @Argument(help: "Номер файла.") var file: Int64
    @Option(name: .long, help: "Номер документа в файле.") var document = 1
    @Option(name: .long, help: "Порядковый номер пункта в документе (из «show»).") var item: Int
    @Option(name: .long, help: "Квартал, например 2024-Q1.") var quarter: String
    @Option(name: .long, help: "Статус: \(ItemStatus.allCases.map(\.russian).joined(separator: ", ")).") var status: String
    @Option(name: .long, help: "Примечание (например, «сообщили по телефону»).") var note: String?

    func run() throws {
        guard let q = Quarter(quarter) else { throw ValidationError("Квартал «\(quarter)» не понят: пишите 2024-Q1.") }
        guard let s = ItemStatus(rawValue: status.lowercased()) else {
            throw ValidationError("Статус «\(status)» неизвестен: \(ItemStatus.allCases.map(\.russian).joined(separator: ", ")).")
        }
        let desk = try options.desk()
        let (d, k) = (try place(document, "--document"), try place(item, "--item"))
        let author = try options.who()
        try correcting { try desk.setItemStatus(file: file, document: d, item: k, quarter: q, status: s, note: note, author: author) }
        printError("Статус пункта \(item) за \(q.russian): «\(s.russian)».")
    }
}

struct Dismiss: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dismiss", abstract: "Отклонить замечание с указанием причины.")
    @OptionGroup var options: DeskOptions
    @Argument(help: "Номер файла.") var file: Int64
    @Option(name: .long, help: "Номер замечания (из «show»).") var diagnostic: Int
    @Option(name: .long, help: "Причина.") var reason: String

    func run() throws {
        let desk = try options.desk()
        let view = try correcting { try desk.file(file) }
        let i = try place(diagnostic, "--diagnostic")
        guard view.export.diagnostics.indices.contains(i) else {
            throw ValidationError("У файла № \(file) нет замечания № \(diagnostic) (их \(view.export.diagnostics.count)).")
        }
        let author = try options.who()
        try correcting { try desk.dismissDiagnostic(file: file, view.export.diagnostics[i], reason: reason, author: author) }
        printError("Замечание отклонено: «\(view.export.diagnostics[i].message)».")
    }
}

struct FixDeadline: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deadline", abstract: "Исправить срок пункта; он сразу разбирается в даты.")
    @OptionGroup var options: DeskOptions
    @Argument(help: "Номер файла.") var file: Int64
    @Argument(help: "Срок, как он должен читаться.") var text: String
    @Option(name: .long, help: "Номер документа в файле.") var document = 1
    @Option(name: .long, help: "Порядковый номер пункта в документе (из «show»).") var item: Int

    func run() throws {
        let desk = try options.desk()
        let (d, k) = (try place(document, "--document"), try place(item, "--item"))
        let author = try options.who()
        let result = try correcting { try desk.correctDeadline(file: file, document: d, item: k, text: text, author: author) }
        let dates = result.deadline.occurrences.map { o in o.start.map { "\($0.dottedDate)–\(o.due.dottedDate)" } ?? o.due.dottedDate }
        printOut("Срок «\(text)»: \(dates.isEmpty ? "дат нет" : dates.joined(separator: "; "))")
        for d in result.diagnostics { printError("  • \(d.message)") }
    }
}

struct AssignColumn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "column", abstract: "Указать поле столбца, заголовок которого не распознан; заголовок запоминается.")
    @OptionGroup var options: DeskOptions
    @Argument(help: "Номер файла.") var file: Int64
    @Argument(help: "Заголовок столбца, как в файле.") var header: String
    @Argument(help: "Поле: number, activity, deadline, responsibles, result, outcome, indicator.") var field: String
    @Option(name: .long, help: "Номер документа в файле.") var document: Int?

    func run() throws {
        let desk = try options.desk()
        let d = try document.map { try place($0, "--document") }
        let author = try options.who()
        try correcting { try desk.assignColumn(file: file, document: d, header: header, field: field, author: author) }
        printError("Столбец «\(header)» запомнен как «\(ColumnFieldName.russian(field))»: следующие файлы с таким заголовком читаются без помощи (словарь «\(desk.lexiconPath)»).")
    }
}

struct AssignKind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kind", abstract: "Указать вид документа, который не распознан; начало заголовка запоминается.")
    @OptionGroup var options: DeskOptions
    @Argument(help: "Номер файла.") var file: Int64
    @Argument(help: "Вид: дорожная карта, отчёт, приказ, показатели, программа (или roadmap, report, order, indicators, program).")
    var kind: String
    @Option(name: .long, help: "Номер документа в файле.") var document = 1
    @Option(name: .long, help: "Заголовок документа (по умолчанию — как распознан).") var heading: String?

    func run() throws {
        let wanted = kind.lowercased().replacingOccurrences(of: "ё", with: "е")
        guard let k = DocumentKind.allCases.first(where: {
            $0.rawValue == wanted || $0.russian.replacingOccurrences(of: "ё", with: "е") == wanted
        }) else { throw ValidationError("Вид документа «\(kind)» неизвестен.") }
        let desk = try options.desk()
        let d = try place(document, "--document")
        let author = try options.who()
        let c = try correcting { try desk.assignDocumentKind(file: file, document: d, kind: k, heading: heading, author: author) }
        printError("Документ \(document) файла № \(file) — \(k.russian)" + (c.subject.map { "; заголовок «\($0)…» запомнен" } ?? "") + ".")
    }
}
