import ArgumentParser
import Commands
import Foundation

/// `kartograf`: the commands over files and the SQLite registry. The desk and a registry on a
/// PostgreSQL server are `kartograf-server`'s, which this hands them to.
struct Kartograf: ParsableCommand {
    static let configuration = KartografCommandLine.configuration(subcommands: KartografCommandLine.commands)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if ServerCommands.needed(arguments: arguments, environment: ProcessInfo.processInfo.environment) {
    ServerCommands.handOver(arguments: arguments)
}
KartografCommandLine.main(Kartograf.self)
