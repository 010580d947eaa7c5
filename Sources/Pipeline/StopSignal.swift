#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM ask the pipeline to stop after the file in hand.
public enum StopSignal {
    // Sound: a sig_atomic_t written only by the handler (async-signal-safe) and read elsewhere.
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    /// Installs the handlers (without SA_RESTART, so a waiting `poll` wakes up).
    public static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in StopSignal.flag = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
    }

    public static var requested: Bool { flag != 0 }
}
