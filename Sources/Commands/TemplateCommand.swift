import ArgumentParser
import Foundation
import JSON
import Model
import Pipeline
import Reports
import Templates

/// `kartograf template check|default`: inspect DOCX templates.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Шаблоны DOCX: проверка меток и секций, встроенные шаблоны.",
        subcommands: [TemplateCheckCommand.self, TemplateDefaultCommand.self])
}

/// Lists every tag and section of a template and every fault. Exit 0 clean, 1 faults, 2 usage.
struct TemplateCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Перечислить метки и секции шаблона и все ошибки в нём (0 — ошибок нет, 1 — есть, 2 — неверный вызов).")

    @Argument(help: "Шаблон .docx.")
    var template: String

    @Option(name: .long, help: "JSON с данными или образцом данных: проверить, что все имена в нём есть.")
    var data: String?

    @Flag(name: .long, help: "Проверить по данным протокола проверки (имена шаблона protocol.docx).")
    var `protocol` = false

    @Flag(name: .long, help: "Вывести отчёт в JSON.")
    var json = false

    func run() throws {
        try checkTemplateFile(template)
        var schema: TemplateSchema?
        if let data { schema = TemplateSchema(sample: try readJSON(data)) }
        if `protocol` { schema = ProtocolData.schema }
        let doc = try openTemplate(template)
        let report = doc.check(schema: schema)
        if json {
            printOut(try JSONWriter().string(report))
        } else {
            printOut(TemplateReportText.render(report, template: doc.name, checkedNames: schema != nil))
        }
        if !report.isClean { throw ExitCode(1) }
    }
}

/// Writes a built-in template (the protocol) to a file, for methodists to edit.
struct TemplateDefaultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "default",
        abstract: "Записать встроенный шаблон (protocol) в файл, чтобы его можно было править.")

    @Argument(help: "Какой шаблон: protocol.")
    var name: String

    @Option(name: .shortAndLong, help: "Куда записать .docx.")
    var output: String

    func run() throws {
        guard name == "protocol" else { throw ValidationError("Неизвестный встроенный шаблон «\(name)»; есть: protocol.") }
        if let problem = OutputFile.problem(output) { throw ValidationError(problem) }
        let bytes = try DefaultProtocolTemplate.bytes()
        do {
            try OutputFile.write(bytes, to: output)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        printError("Записан шаблон «\(output)» (\(bytes.count) байт).")
    }
}

/// A template path that is missing or a folder is a usage error, said in Russian.
func checkTemplateFile(_ path: String) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw ValidationError("Шаблон «\(path)» не найден.")
    }
    if isFolder.boolValue { throw ValidationError("Шаблон «\(path)» — это папка, а не файл .docx.") }
}

/// Opens a template; one that cannot be read exits 1 with the reason in Russian.
func openTemplate(_ path: String) throws -> DocxTemplate {
    do {
        return try DocxTemplate(path: path)
    } catch {
        printError("Шаблон «\(path)» не прочитан: \(error). Проверьте, что это документ Word (.docx).")
        throw ExitCode(1)
    }
}

/// Reads a JSON file; a missing file is a usage error, bad JSON (or text not in UTF-8) exits 1 with the reason.
func readJSON(_ path: String) throws -> JSONValue {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
        throw ValidationError("Файл данных «\(path)» — это папка, а не файл JSON.")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("Файл данных «\(path)» не найден или не читается.")
    }
    guard String(validating: [UInt8](data), as: UTF8.self) != nil else {
        printError("Файл данных «\(path)» — не текст в кодировке UTF-8: сохраните его в UTF-8.")
        throw ExitCode(1)
    }
    do {
        return try JSONParser.parse(bytes: [UInt8](data))
    } catch {
        printError("Файл данных «\(path)» — неверный JSON: \(error)")
        throw ExitCode(1)
    }
}

/// The human listing of a template check.
enum TemplateReportText {
    static func render(_ report: TemplateReport, template: String, checkedNames: Bool) -> String {
        var lines = ["Шаблон «\(template)»"]
        lines.append("Метки (\(report.tags.count)):")
        for t in report.tags {
            lines.append("  \(t.tag)" + (t.count > 1 ? " ×\(t.count)" : "") + " — \(t.part)")
        }
        lines.append("Секции (\(report.sections.count)):")
        for s in report.sections {
            let open = s.inverted ? "{{^\(s.name)}}" : "{{#\(s.name)}}"
            lines.append("  \(open) … {{/\(s.name)}} — \(s.placement), \(s.part)")
        }
        if report.faults.isEmpty {
            lines.append("Ошибок нет." + (checkedNames ? "" : " Имена не проверялись: укажите --data, чтобы сверить их с данными."))
        } else {
            lines.append("Ошибки (\(report.faults.count)):")
            for f in report.faults {
                lines.append("  [\(f.id)] \(f.message)")
                var where_: [String] = []
                if !f.tag.isEmpty { where_.append("метка \(f.tag)") }
                if !f.context.isEmpty { where_.append("текст «\(f.context)»") }
                if !f.part.isEmpty { where_.append("часть \(f.part)") }
                if !where_.isEmpty { lines.append("    " + where_.joined(separator: "; ")) }
                if !f.available.isEmpty { lines.append("    доступные имена: " + f.available.joined(separator: ", ")) }
            }
        }
        return lines.joined(separator: "\n")
    }
}
