import ArgumentParser
import Deadlines
import Foundation
import JSON
import Model

/// `kartograf deadline TEXT [--period FROM..TO]` (`cli.md`), and `--batch FILE` for benchmarks.
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Разбирает текст срока: виды и конкретные даты в периоде документа.",
        discussion: """
        Печатает {"deadline": {...}, "diagnostics": [...]}. С --batch FILE читает строки JSON \
        {"text": ..., "period": {"from": ..., "to": ...} | null} и печатает по строке JSON на каждую.
        """
    )

    /// The cell text. Taken as unrecognised input so that texts starting with a dash
    /// (`-`, `- ежегодно`) are read as text, not as options.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Текст ячейки «Срок».", valueName: "text"))
    var words: [String] = []

    var text: String? { words.isEmpty ? nil : words.joined(separator: " ") }

    @Option(name: .long, help: "Период документа: ГГГГ-ММ-ДД..ГГГГ-ММ-ДД.")
    var period: String?

    @Option(name: .long, help: "Файл JSON Lines с текстами сроков.")
    var batch: String?

    func validate() throws {
        if let option = words.first(where: { $0.hasPrefix("--") && $0.dropFirst(2).first?.isLetter == true }) {
            throw ValidationError("Неизвестный параметр «\(option)».")
        }
        if batch == nil, text == nil {
            throw ValidationError("Укажите текст срока или --batch ФАЙЛ.")
        }
        if batch != nil, text != nil {
            throw ValidationError("Укажите либо текст срока, либо --batch ФАЙЛ, но не оба.")
        }
        if let period, Period(cli: period) == nil {
            throw ValidationError("Неверный период «\(period)»: ожидается ГГГГ-ММ-ДД..ГГГГ-ММ-ДД, начало не позже конца.")
        }
    }

    func run() throws {
        // A word table the methodist saved in another encoding is an error, not a quiet gap.
        let problems = DeadlineParser.dataFileProblems
        if !problems.isEmpty {
            problems.forEach { printError($0.message) }
            throw ExitCode(1)
        }
        let parser = DeadlineParser()
        if let batch {
            try runBatch(batch, parser: parser)
            return
        }
        let result = parser.parse(text, period: period.flatMap(Period.init(cli:)))
        printOut(JSONWriter(indent: 2).string(Self.json(result)))
    }

    static func json(_ result: Checked<Deadline>) -> JSONValue {
        .object([("deadline", result.value.json), ("diagnostics", .array(result.diagnostics.map(\.json)))])
    }

    private func runBatch(_ path: String, parser: DeadlineParser) throws {
        let content: String
        switch DataLocation.utf8Contents(of: URL(fileURLWithPath: path)) {
        case let .success(bytes): content = String(decoding: bytes, as: UTF8.self)
        case let .failure(problem): throw ValidationError(problem.message)
        }
        let writer = JSONWriter(indent: 0)
        var out = ""
        for (number, line) in content.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            guard let value = try? JSONParser.parse(String(line)) else {
                throw ValidationError("Строка \(number + 1) файла «\(path)» — не JSON.")
            }
            var period: Period?
            if let p = value["period"], !p.isNull {
                guard let from = p["from"]?.stringValue.flatMap(Day.init(iso:)),
                      let to = p["to"]?.stringValue.flatMap(Day.init(iso:)), from <= to else {
                    throw ValidationError("Строка \(number + 1) файла «\(path)»: неверный период.")
                }
                period = Period(from: from, to: to)
            }
            out += writer.string(Self.json(parser.parse(value["text"]?.stringValue, period: period)))
            out += "\n"
            if out.utf8.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
