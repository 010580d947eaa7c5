import ArgumentParser

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "(ещё не реализовано)")

    func run() throws {
        printError("Команда «status» ещё не реализована.")
        throw ExitCode(1)
    }
}
