import ArgumentParser

struct ResponsiblesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "responsibles", abstract: "(ещё не реализовано)")

    func run() throws {
        printError("Команда «responsibles» ещё не реализована.")
        throw ExitCode(1)
    }
}
