#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock on a file (`flock`): one process holds it at a time, and the kernel lets it
/// go when the process ends, however it ends, so a killed holder never leaves it stuck.
enum FileLock {
    /// Runs `body` while holding the lock of `path` (created if needed). Where the file cannot be
    /// made (a read-only folder) nobody can change the registry beside it either, and `body` runs unlocked.
    static func exclusively<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        return try body()
    }
}
