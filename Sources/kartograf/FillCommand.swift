import ArgumentParser

struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fill", abstract: "(ещё не реализовано)")

    func run() throws {
        printError("Команда «fill» ещё не реализована.")
        throw ExitCode(1)
    }
}
