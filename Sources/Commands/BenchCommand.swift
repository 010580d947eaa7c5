import ArgumentParser
import Extraction
import Foundation
import JSON
import Model
import OOXML

/// In-process timing for scripts/bench: reads or extracts files in a loop, so the
/// figures measure kartograf and not process start-up.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Замер скорости чтения и разбора (для scripts/bench).", shouldDisplay: false)

    enum Stage: String, ExpressibleByArgument { case read, extract }

    @Argument(help: "read — только дерево документа; extract — весь разбор с проверками.")
    var stage: Stage

    @Argument(help: "Файлы .docx.")
    var files: [String]

    func run() throws {
        let start = Date()
        var cells = 0
        var failed = 0
        for path in files {
            switch stage {
            case .read:
                do {
                    let tree = try DocxReader().read(path: path)
                    for t in tree.tables { for r in t.rows { cells += r.cells.count } }
                } catch { failed += 1 }
            case .extract:
                let e = Extractor().extract(path: path)
                if e.isUnreadable { failed += 1 }
                cells += e.documents.reduce(0) { $0 + $1.allItems.count }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let out = JSONValue.object([
            ("stage", .string(stage.rawValue)), ("files", .number(Double(files.count))), ("failed", .number(Double(failed))),
            ("seconds", .number(seconds)), ("filesPerSecond", .number(Double(files.count) / max(seconds, 1e-9))),
            ("units", .number(Double(cells))), ("peakRSSMB", .number(Double(usage.ru_maxrss) / 1024)),
        ])
        printOut(JSONWriter(indent: 0).string(out))
    }
}
