import ArgumentParser

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "(ещё не реализовано)")

    func run() throws {
        printError("Команда «watch» ещё не реализована.")
        throw ExitCode(1)
    }
}
