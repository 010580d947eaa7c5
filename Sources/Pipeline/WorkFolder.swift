import Foundation
import Model
import Text
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder that belongs to one running process: its temporary files under the output, or the
/// inputs it has claimed in the inbox.
///
/// Beside the folder `<name>`, the file `<name>.lock` is held with `flock` for the process's
/// life. The kernel lets go of it when the process ends, however it ends (kill -9 too), so
/// another process tells a live owner's folder from a dead one's by trying the lock; a reused
/// process id does not fool it. The lock is taken before the folder is made (it is made held,
/// then renamed into place) and removed after it, so a folder without its lock, or a lock free,
/// is always a dead one's.
final class WorkFolder: Sendable {
    static let lockSuffix = ".lock"

    let path: String
    private let parent: String
    private let lockPath: String
    private let descriptor: Int32
    private let removed = Locked(false)
    private let counter = Counter()

    /// Makes a new folder of this process in `parent` (created if needed).
    init(in parent: String) throws(PipelineError) {
        self.parent = parent
        let name = "\(getpid())-" + (0..<4).map { _ in String(UInt8.random(in: 0...255), radix: 16) }.joined()
        path = PathText.appending(parent, name)
        lockPath = path + Self.lockSuffix
        // `<pid>-<n>.lock.tmp`: removed by `reap` as a legacy temporary once its process has ended.
        let pendingLock = lockPath + ".tmp"
        var fd: Int32 = -1
        // The parent may be removed by a process ending just now (`remove`): made again then.
        for _ in 0..<3 {
            if mkdir(parent, 0o755) != 0 && errno != EEXIST {
                if errno == ENOENT { try Files.ensureFolder(PathText.parent(parent)); continue }
                throw PipelineError.system("создать папку", parent, errno)
            }
            fd = open(pendingLock, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 || errno != ENOENT { break }
        }
        descriptor = fd
        guard descriptor >= 0 else { throw PipelineError.system("создать файл", pendingLock, errno) }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        // The lock appears under its name already held: a process reaping the parent at this moment
        // would otherwise find it free, take it for a dead one's and remove it.
        guard rename(pendingLock, lockPath) == 0 else {
            let code = errno
            unlink(pendingLock)
            close(descriptor)
            throw PipelineError.system("создать файл", lockPath, code)
        }
        guard mkdir(path, 0o755) == 0 else {
            let code = errno
            unlink(lockPath)
            close(descriptor)
            throw PipelineError.system("создать папку", path, code)
        }
    }

    /// A new path for a temporary file in this folder.
    func temporaryPath(_ suffix: String = ".tmp") -> String {
        PathText.appending(path, "\(counter.next())\(suffix)")
    }

    /// Removes the folder and lets go of it. `keepingFiles`: a folder that still holds files
    /// (claimed inputs not yet put back) stays for the next process to take over; `evenEmpty`: so does
    /// an empty one.
    func remove(keepingFiles: Bool = false, evenEmpty: Bool = false) {
        guard removed.withLock({ done in defer { done = true }; return !done }) else { return }
        let empty = Files.allFiles(under: path).isEmpty
        if !keepingFiles || (empty && !evenEmpty) {
            if (try? FileManager.default.removeItem(atPath: path)) != nil || !Files.exists(path) {
                unlink(lockPath)
            }
        }
        close(descriptor)
        rmdir(parent)  // only when no other process has a folder in it
    }

    /// The work folder a path lies in (`…/.kartograf-tmp/<name>/x` → `…/.kartograf-tmp/<name>`),
    /// for paths under `parent`.
    static func owner(of path: String, parent: String) -> String? {
        let prefix = parent.hasSuffix("/") ? parent : parent + "/"
        guard path.hasPrefix(prefix) else { return nil }
        let rest = path.dropFirst(prefix.count)
        guard let name = rest.split(separator: "/", maxSplits: 1).first, name.count < rest.count else { return nil }
        return prefix + name
    }

    /// Whether the process that made `folder` is still running.
    static func isLive(_ folder: String) -> Bool {
        let fd = open(folder + lockSuffix, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK
    }

    /// Takes over every folder in `parent` whose process has ended: `body` runs with its lock
    /// held (so no other process takes it over at once) and says whether it is done with it; the
    /// folder and its lock are then removed. Returns how many were taken over.
    @discardableResult
    static func reap(in parent: String, _ body: (String) -> Bool) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return 0 }
        var reaped = 0
        for name in names.sorted() where !name.hasSuffix(lockSuffix) {
            let folder = PathText.appending(parent, name)
            var st = stat()
            guard lstat(folder, &st) == 0 else { continue }
            guard st.st_mode & S_IFMT == S_IFDIR else {
                removeLegacyTemporary(folder, name: name)
                continue
            }
            let fd = open(folder + lockSuffix, O_RDWR | O_CLOEXEC)
            if fd >= 0 {
                defer { close(fd) }
                guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }  // live
                var lockStat = stat()
                guard fstat(fd, &lockStat) == 0, lockStat.st_nlink > 0 else { continue }  // taken over meanwhile
                guard body(folder) else { continue }
                if (try? FileManager.default.removeItem(atPath: folder)) != nil || !Files.exists(folder) {
                    unlink(folder + lockSuffix)
                }
            } else {
                guard body(folder) else { continue }
                _ = try? FileManager.default.removeItem(atPath: folder)
            }
            reaped += 1
        }
        // Locks whose folder is gone and whose process has ended.
        for name in names where name.hasSuffix(lockSuffix) {
            let lock = PathText.appending(parent, name)
            guard !Files.exists(String(lock.dropLast(lockSuffix.count))) else { continue }
            let fd = open(lock, O_RDWR | O_CLOEXEC)
            guard fd >= 0 else { continue }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { unlink(lock) }
            close(fd)
        }
        return reaped
    }

    /// Temporary files `<pid>-<n>.tmp` of older versions, and locks being made (`<pid>-<n>.lock.tmp`),
    /// whose process has ended.
    private static func removeLegacyTemporary(_ path: String, name: String) {
        guard name.hasSuffix(".tmp"), let pid = pid_t(name.split(separator: "-").first ?? ""),
              kill(pid, 0) != 0, errno == ESRCH else { return }
        unlink(path)
    }
}
