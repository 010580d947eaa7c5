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

    /// The cell text. Taken as unrecognised input so that texts starting with a dash
    /// (`-5 педагогов`, `- директор`) are read as text, not as options.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Текст ячейки.", valueName: "text"))
    var words: [String] = []

    var text: String { words.joined(separator: " ") }

    @Option(name: .customLong("glossary"),
            help: ArgumentHelp("Сокращение, как если бы документ его определил (можно повторять).",
                               valueName: "СОКРАЩЕНИЕ=РАСШИФРОВКА"))
    var definitions: [String] = []

    func validate() throws {
        if let option = words.first(where: { $0.hasPrefix("--") && $0.dropFirst(2).first?.isLetter == true }) {
            throw ValidationError("Неизвестный параметр «\(option)».")
        }
        if words.isEmpty {
            throw ValidationError("Укажите текст ячейки «Ответственные».")
        }
        _ = try glossary()
    }

    func run() throws {
        // A word table the methodist saved in another encoding is an error, not a quiet gap.
        let problems = ResponsiblesParser.dataFileProblems
        if !problems.isEmpty {
            problems.forEach { printError($0.message) }
            throw ExitCode(1)
        }
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
