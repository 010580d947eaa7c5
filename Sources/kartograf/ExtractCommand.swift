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
        // The export's bytes go out as they are: a long roadmap's JSON is tens of megabytes.
        try FileHandle.standardOutput.write(contentsOf: try JSONWriter().bytes(export))
        try FileHandle.standardOutput.write(contentsOf: [UInt8(ascii: "\n")])
        if export.isUnreadable { throw ExitCode(1) }
    }
}
