import ArgumentParser

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "(ещё не реализовано)")

    func run() throws {
        printError("Команда «run» ещё не реализована.")
        throw ExitCode(1)
    }
}
