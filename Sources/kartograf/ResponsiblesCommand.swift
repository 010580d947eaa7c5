import ArgumentParser
import Foundation
import JSON
import Model
import Responsibles

/// `kartograf responsibles TEXT [--glossary ABBR=EXPANSION]...` (`cli.md`).
struct ResponsiblesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "responsibles",
        abstract: "Разбирает текст ячейки «Ответственные»: должности, люди и организации.")

    @Argument(help: "Текст ячейки.")
    var text: String

    @Option(name: .customLong("glossary"),
            help: ArgumentHelp("Сокращение, как если бы документ его определил (можно повторять).",
                               valueName: "СОКРАЩЕНИЕ=РАСШИФРОВКА"))
    var definitions: [String] = []

    func validate() throws {
        _ = try glossary()
    }

    func run() throws {
        let result = ResponsiblesParser().parse(text, glossary: try glossary())
        let json = JSONValue.object([
            ("responsibles", .array(result.value.map(\.json))),
            ("diagnostics", .array(result.diagnostics.map(\.json))),
        ])
        printOut(JSONWriter().string(json))
    }

    private func glossary() throws -> Glossary {
        var glossary = Glossary()
        for definition in definitions {
            guard let sign = definition.firstIndex(of: "=") else {
                throw ValidationError("Неверное значение --glossary «\(definition)»: ожидается СОКРАЩЕНИЕ=РАСШИФРОВКА.")
            }
            let abbreviation = definition[..<sign].trimmingCharacters(in: .whitespaces)
            let expansion = definition[definition.index(after: sign)...].trimmingCharacters(in: .whitespaces)
            guard !abbreviation.isEmpty, !expansion.isEmpty else {
                throw ValidationError("Неверное значение --glossary «\(definition)»: пустое сокращение или расшифровка.")
            }
            glossary.define(abbreviation, expansion)
        }
        return glossary
    }
}
