import ArgumentParser

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dump", abstract: "(ещё не реализовано)")

    func run() throws {
        printError("Команда «dump» ещё не реализована.")
        throw ExitCode(1)
    }
}
