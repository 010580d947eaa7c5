import ArgumentParser

struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deadline", abstract: "(ещё не реализовано)")

    func run() throws {
        printError("Команда «deadline» ещё не реализована.")
        throw ExitCode(1)
    }
}
