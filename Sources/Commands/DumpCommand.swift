import ArgumentParser
import Model
import OOXML

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Показать дерево документа Word: абзацы, таблицы с объединениями, нумерацию.")

    @Argument(help: "Файл .docx.")
    var file: String

    func run() throws {
        do {
            let tree = try DocxReader().read(path: file)
            printOut(TreeDump.text(tree))
        } catch let e as ReadError {
            printError(e.message(file: file))
            throw ExitCode(1)
        }
    }
}
