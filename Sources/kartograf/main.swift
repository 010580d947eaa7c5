import ArgumentParser
import CMalloc
import Foundation

// A batch allocates and frees the same large buffers (zip windows, XML buffers, outputs)
// for every file. By default glibc hands the big ones back to the kernel each time and
// faults them in again. Keep buffers up to 4 MiB in the heap (those of ordinary files);
// larger ones, which only a very long document needs (its JSON, its row arrays), are mapped
// apart and go back to the kernel when freed, so that they do not stay in the heap as garbage.
_ = mallopt(M_MMAP_THRESHOLD, 4 << 20)
_ = mallopt(M_TRIM_THRESHOLD, 128 << 20)

// libzip turns every entry's DOS time into a time_t with mktime, and with TZ unset glibc
// stats /etc/localtime on each such call to see whether it changed: eight stats per input.
// Naming the same zone file once makes glibc read it once; times are unchanged.
if getenv("TZ") == nil { setenv("TZ", ":/etc/localtime", 0) }

// Usage errors exit with 2, as cli.md says (ArgumentParser's default is 64).
do {
    var command = try Kartograf.parseAsRoot()
    try requireInstalledData()
    try command.run()
} catch {
    let code = Kartograf.exitCode(for: error)
    if code == .validationFailure {
        // Our own usage errors are Russian sentences: shown as they are, with where to find help.
        if error is ValidationError {
            printError("Ошибка: \(Kartograf.message(for: error))")
            printError("Справка: kartograf --help, kartograf <команда> --help.")
        } else {
            printError(Kartograf.fullMessage(for: error))
        }
        exit(2)
    }
    Kartograf.exit(withError: error)
}
