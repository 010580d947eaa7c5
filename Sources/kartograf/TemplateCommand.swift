import ArgumentParser

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "template", abstract: "(ещё не реализовано)")

    func run() throws {
        printError("Команда «template» ещё не реализована.")
        throw ExitCode(1)
    }
}
