import ArgumentParser
import Foundation

// Usage errors exit with 2, as cli.md says (ArgumentParser's default is 64).
do {
    var command = try Kartograf.parseAsRoot()
    try command.run()
} catch {
    let code = Kartograf.exitCode(for: error)
    if code == .validationFailure {
        printError(Kartograf.fullMessage(for: error))
        exit(2)
    }
    Kartograf.exit(withError: error)
}
