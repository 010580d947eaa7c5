import ArgumentParser
import Commands
import RegistryPostgres

/// `kartograf-server`: every command of `kartograf`, with the desk (`serve`) and registries on a
/// PostgreSQL server (`--registry postgres://…`, `registry copy`). `kartograf` hands these to it.
struct KartografServer: ParsableCommand {
    static let configuration = KartografCommandLine.configuration(
        subcommands: KartografCommandLine.commands + [ServeCommand.self, RegistryCommand.self])
}

PostgresRegistry.register()
KartografCommandLine.main(KartografServer.self)
