import ArgumentParser
import Foundation
import JSON
import Model
import Pipeline
import Registry
import Reports

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Показать организации: действующая дорожная карта, период, число пунктов, замечания.")

    @OptionGroup var home: HomeOption

    @OptionGroup var registry: RegistryOption

    @Option(name: .long, help: "Папка результатов, где лежит реестр (по умолчанию — домашняя папка).")
    var out: String?

    @Flag(name: .long, help: "Вывести в JSON на стандартный вывод.")
    var json = false

    func run() throws {
        let out = self.out ?? home.resolved.root
        let location = registry.location(output: out)
        guard registryExists(location) else {
            printError("В папке «\(out)» нет реестра (\(Registry.fileName)): сначала выполните «kartograf run».")
            throw ExitCode(2)
        }
        let organizations = try sayingRegistryError(exitCode: 1) { try registry.open(location).organizations() }
        if json {
            printOut(JSONWriter().string(.array(organizations.map(\.json))))
            return
        }
        if organizations.isEmpty { printError("Реестр пуст: обработанных документов нет.") }
        for o in organizations {
            var lines = ["\(o.organization ?? OutputLayout.noOrganization)"]
            if let r = o.currentRoadmap {
                var line = r.title.map { "  дорожная карта: «\($0)»" } ?? "  дорожная карта без названия из файла «\(r.inputName)»"
                if let p = r.period { line += ", период \(p.russianText)" }
                line += ", пунктов: \(r.itemCount)"
                if o.earlierRoadmaps > 0 { line += ", прежних версий: \(o.earlierRoadmaps)" }
                lines.append(line)
            } else {
                lines.append("  дорожной карты нет")
            }
            let d = o.diagnostics
            lines.append("  файлов: \(o.inputs); ошибок \(d[.error] ?? 0), предупреждений \(d[.warning] ?? 0), "
                         + "замечаний \(d[.info] ?? 0)")
            printOut(lines.joined(separator: "\n"))
        }
    }
}

extension OrganizationStatus {
    var json: JSONValue {
        func num(_ n: Int) -> JSONValue { .number(Double(n)) }
        let roadmap: JSONValue = currentRoadmap.map { r in
            .object([
                ("file", .string(r.inputName)),
                ("title", .optional(r.title)),
                ("period", r.period?.json ?? .null),
                ("items", num(r.itemCount)),
                ("export", .optional(r.exportPath)),
                ("protocol", .optional(r.protocolPath)),
            ])
        } ?? .null
        return .object([
            ("organization", .optional(organization)),
            ("roadmap", roadmap),
            ("earlierRoadmaps", num(earlierRoadmaps)),
            ("files", num(inputs)),
            ("diagnostics", .object(Severity.allCases.map { ($0.rawValue, num(diagnostics[$0] ?? 0)) })),
        ])
    }
}
