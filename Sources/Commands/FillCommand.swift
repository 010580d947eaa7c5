import ArgumentParser
import Foundation
import JSON
import Model
import Pipeline
import Templates

/// `kartograf fill TEMPLATE.docx DATA.json -o OUT.docx`: fills any template from any JSON.
struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Заполнить шаблон .docx данными из JSON (0 — готово, 1 — шаблон нельзя заполнить, 2 — неверный вызов).")

    @Argument(help: "Шаблон .docx с метками {{имя}} и секциями {{#список}} … {{/список}}.")
    var template: String

    @Argument(help: "Данные в JSON.")
    var data: String

    @Option(name: .shortAndLong, help: "Куда записать заполненный .docx.")
    var output: String

    @Flag(name: .long, help: "Не считать ошибкой имена, которых нет в данных (они дают пустой текст).")
    var allowMissing = false

    func run() throws {
        try checkTemplateFile(template)
        if let problem = OutputFile.problem(output) { throw ValidationError(problem) }
        let values = try readJSON(data)
        let doc = try openTemplate(template)
        do {
            let bytes = try doc.fill(values, checkNames: !allowMissing)
            do {
                try OutputFile.write(bytes, to: output)
            } catch {
                printError(error.description)
                throw ExitCode(error.stopsTheRun ? 3 : 1)
            }
            printError("Готово: «\(output)».")
        } catch let error as TemplateError {
            printError(TemplateReportText.render(TemplateReport(faults: error.faults), template: doc.name, checkedNames: true)
                .split(separator: "\n").drop { !$0.hasPrefix("Ошибки") }.joined(separator: "\n"))
            printError("Шаблон «\(doc.name)» не заполнен: исправьте ошибки выше.")
            throw ExitCode(1)
        }
    }
}
