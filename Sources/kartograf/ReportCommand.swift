import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "(ещё не реализовано)")

    func run() throws {
        printError("Команда «report» ещё не реализована.")
        throw ExitCode(1)
    }
}
