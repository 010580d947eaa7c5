import ArgumentParser
import Extraction
import Foundation
import JSON
import Model

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Разобрать один файл и вывести roadmap-export/1 JSON.")

    @Argument(help: "Файл .docx.")
    var file: String

    func run() throws {
        let export = Extractor().extract(path: file)
        printOut(JSONWriter().string(export))
        if export.isUnreadable { throw ExitCode(1) }
    }
}
