import Foundation
import Model
import Text
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about a file in the inbox.
public struct InboxFile: Sendable, Hashable {
    public var path: String
    public var name: String
    public var size: Int
    public var modified: Double

    /// Stat of a regular file (not following a symbolic link); `nil` when it is gone or not a regular file.
    public init?(path: String) {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.path = path
        self.name = PathText.lastComponent(path)
        self.size = Int(st.st_size)
        self.modified = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
    }
}

/// File operations that never leave a half-written file under its final name.
enum Files {
    /// Lists the input files directly inside `folder`, oldest first (then by name).
    static func inputs(in folder: String) -> [InboxFile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter(InboxFilter.isInput)
            .compactMap { InboxFile(path: PathText.appending(folder, $0)) }
            .sorted { ($0.modified, $0.name) < ($1.modified, $1.name) }
    }

    private static let knownFolders = Locked<Set<String>>([])

    static func ensureFolder(_ path: String) throws {
        if knownFolders.withLock({ $0.contains(path) }) { return }
        // A new organisation's folder, whose parent exists, is one mkdir; FileManager first
        // looks at every folder of the path. It stays the way for anything else (and its errors).
        if mkdir(path, 0o755) != 0 {
            var st = stat()
            let isFolder = errno == EEXIST && stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
            if !isFolder { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        }
        knownFolders.withLock { _ = $0.insert(path) }
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Writes `bytes` to a temporary file in `tempFolder` and renames it to `path`.
    static func writeAtomically(_ bytes: [UInt8], to path: String, tempFolder: String) throws {
        try install(writeTemporary(bytes, in: tempFolder), at: path)
    }

    /// Writes `bytes` to a new temporary file in `tempFolder`; returns its path.
    static func writeTemporary(_ bytes: [UInt8], in tempFolder: String) throws -> String {
        let temp = TempNames.next(in: tempFolder)
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PipelineError.io("не удалось создать «\(temp)»: \(String(cString: strerror(errno)))") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd); unlink(temp)
                throw PipelineError.io("не удалось записать «\(temp)»: \(reason)")
            }
            offset += n
        }
        close(fd)
        return temp
    }

    /// Renames a finished temporary file to its final `path`.
    static func install(_ temp: String, at path: String) throws {
        try ensureFolder(PathText.parent(path))
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw PipelineError.io("не удалось сохранить «\(path)»: \(reason)")
        }
    }

    /// Moves a file; across file systems, copies it beside the target under a
    /// temporary name, renames it into place, then removes the original.
    static func move(_ source: String, to target: String, tempFolder: String) throws {
        try ensureFolder(PathText.parent(target))
        if rename(source, target) == 0 { return }
        guard errno == EXDEV else {
            throw PipelineError.io("не удалось переместить «\(source)»: \(String(cString: strerror(errno)))")
        }
        let temp = TempNames.next(in: tempFolder)
        try FileManager.default.copyItem(atPath: source, toPath: temp)
        guard rename(temp, target) == 0 else {
            unlink(temp)
            throw PipelineError.io("не удалось переместить «\(source)»: \(String(cString: strerror(errno)))")
        }
        unlink(source)
    }
}

/// Temporary file names `<pid>-<n>.tmp` in the output's private folder, so that a
/// later run can tell the leftovers of a killed process from those of a live one.
enum TempNames {
    private static let counter = Counter()
    /// This process: asked once (a system call per temporary file otherwise).
    private static let pid = getpid()

    static func next(in folder: String) -> String {
        PathText.appending(folder, "\(pid)-\(counter.next()).tmp")
    }

    /// Removes leftovers of processes that are no longer running.
    static func sweep(_ folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names {
            let pidText = name.split(separator: "-").first.map(String.init) ?? ""
            if let other = pid_t(pidText), other != pid, kill(other, 0) != 0, errno == ESRCH {
                let path = PathText.appending(folder, name)
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

/// A value guarded by a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// A failure of the pipeline itself (not of an input file), said in Russian.
public enum PipelineError: Error, CustomStringConvertible {
    case io(String)
    case registry(String)
    case inboxMissing(String)
    case sameFolder(String)

    public var description: String {
        switch self {
        case let .io(text): return text
        case let .registry(text): return "Реестр: \(text)"
        case let .inboxMissing(path): return "Папка входящих «\(path)» не найдена."
        case let .sameFolder(path):
            return "Папка результатов не может совпадать с папкой входящих («\(path)»): укажите другую в --out."
        }
    }
}
