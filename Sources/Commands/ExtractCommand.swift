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
        // Streamed as it is written: a long roadmap's JSON is tens of megabytes.
        try JSONWriter().write(export) { try FileHandle.standardOutput.write(contentsOf: Data($0)) }
        try FileHandle.standardOutput.write(contentsOf: [UInt8(ascii: "\n")])
        if export.isUnreadable { throw ExitCode(1) }
    }
}
