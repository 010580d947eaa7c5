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
    /// The path inside the inbox: `карта.docx`, or `Школа 5/карта.docx` for a file in a subfolder.
    public var relative: String
    public var name: String
    /// The subfolder it lies in (`Школа 5`), a hint of its organisation; `nil` at the top of the inbox.
    public var folder: String?
    public var size: Int
    public var modified: Double

    /// Stat of a regular file (not following a symbolic link); `nil` when it is gone or not a regular file.
    public init?(path: String, relative: String? = nil) {
        guard let stat = FileStat(path: path) else { return nil }
        self.path = path
        self.relative = relative ?? PathText.lastComponent(path)
        self.name = PathText.lastComponent(path)
        let parent = PathText.parent(self.relative)
        self.folder = self.relative.contains("/") && !parent.isEmpty ? parent : nil
        self.size = stat.size
        self.modified = stat.modified
    }
}

/// A file of the inbox the pipeline does not take, and why.
public struct IgnoredFile: Sendable, Hashable {
    /// The path inside the inbox.
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }
}

/// What an inbox holds: the inputs, oldest first, and what is left alone.
public struct InboxScan: Sendable {
    public var files: [InboxFile] = []
    public var ignored: [IgnoredFile] = []
    /// The subfolders searched, relative to the inbox.
    var folders: [String] = []
}

/// Size and modification time of a regular file: what tells that a writer has changed it.
struct FileStat: Equatable {
    var size: Int
    var seconds: Int
    var nanoseconds: Int
    var modified: Double { Double(seconds) + Double(nanoseconds) / 1e9 }

    init?(path: String) {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int(st.st_size)
        seconds = Int(st.st_mtim.tv_sec)
        nanoseconds = Int(st.st_mtim.tv_nsec)
    }
}

/// File operations that never leave a half-written file under its final name.
enum Files {
    /// The folder of kartograf's own state inside an inbox (claims of running processes); never an input.
    static let inboxStateFolder = ".kartograf"
    /// How deep subfolders of the inbox are searched.
    static let maxDepth = 8

    /// The inputs in `folder` and its subfolders, oldest first (then by path), and what is left alone.
    static func scan(_ folder: String) -> InboxScan {
        var scan = InboxScan()
        walk(folder, relative: "", depth: 0, into: &scan)
        scan.files.sort { ($0.modified, $0.relative) < ($1.modified, $1.relative) }
        scan.ignored.sort { $0.file < $1.file }
        return scan
    }

    private static func walk(_ folder: String, relative: String, depth: Int, into scan: inout InboxScan) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            if !relative.isEmpty { scan.ignored.append(IgnoredFile(file: relative, reason: "папку не удалось прочитать")) }
            return
        }
        for name in names {
            if relative.isEmpty && name == inboxStateFolder { continue }
            let path = PathText.appending(folder, name)
            let inside = relative.isEmpty ? name : relative + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }  // gone meanwhile
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                if name.hasPrefix(".") {
                    scan.ignored.append(IgnoredFile(file: inside + "/", reason: "скрытая папка"))
                } else if depth + 1 >= maxDepth {
                    scan.ignored.append(IgnoredFile(file: inside + "/", reason: "папка вложена глубже \(maxDepth) уровней"))
                } else {
                    scan.folders.append(inside)
                    walk(path, relative: inside, depth: depth + 1, into: &scan)
                }
            case S_IFREG:
                if let reason = InboxFilter.reasonToLeave(name) {
                    scan.ignored.append(IgnoredFile(file: inside, reason: reason))
                } else if let file = InboxFile(path: path, relative: inside) {
                    scan.files.append(file)
                }
            case S_IFLNK:
                scan.ignored.append(IgnoredFile(file: inside, reason: "символическая ссылка, а не файл"))
            default:
                scan.ignored.append(IgnoredFile(file: inside, reason: "не обычный файл"))
            }
        }
    }

    private static let knownFolders = Locked<Set<String>>([])

    /// Creates `path` and its missing parents.
    static func ensureFolder(_ path: String) throws(PipelineError) {
        if knownFolders.withLock({ $0.contains(path) }) { return }
        if mkdir(path, 0o755) != 0 {
            let code = errno
            var st = stat()
            if code == EEXIST && stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR {
                // there already
            } else if code == ENOENT && !path.isEmpty && PathText.parent(path) != path {
                try ensureFolder(PathText.parent(path))
                if mkdir(path, 0o755) != 0 && errno != EEXIST { throw PipelineError.system("создать папку", path, errno) }
            } else {
                throw PipelineError.system("создать папку", path, code)
            }
        }
        knownFolders.withLock { _ = $0.insert(path) }
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Writes `bytes` to a new file `path` (which must not exist).
    static func write(_ bytes: [UInt8], to path: String) throws(PipelineError) {
        let file = try NewFile(path)
        try file.write(bytes[...])
        try file.finish()
    }

    /// Copies a file to a new file `target` (which must not exist).
    static func copy(_ source: String, to target: String) throws(PipelineError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw PipelineError.system("прочитать файл", source, errno) }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw PipelineError.system("создать файл", target, errno) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        func fail(_ action: String, _ path: String, _ code: Int32) -> PipelineError {
            close(output)
            unlink(target)
            return PipelineError.system(action, path, code)
        }
        while true {
            let n = read(input, &buffer, buffer.count)
            if n < 0 { if errno == EINTR { continue }; throw fail("прочитать файл", source, errno) }
            if n == 0 { break }
            if let code = writeAll(output, buffer[0..<n]) { throw fail("записать файл", target, code) }
        }
        try finish(output, target)
    }

    /// Writes all of `bytes`, again after a partial write or an interruption; the error number
    /// when writing fails.
    fileprivate static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Int32? {
        var rest = bytes
        while !rest.isEmpty {
            let n = Glibc.write(fd, Array(rest), rest.count)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            rest = rest.dropFirst(n)
        }
        return nil
    }

    /// Closes a file just written; a full disk may only show now, when the last blocks are
    /// flushed, and then the file is removed.
    fileprivate static func finish(_ fd: Int32, _ path: String) throws(PipelineError) {
        if close(fd) != 0 && errno != EINTR {
            let code = errno
            unlink(path)
            throw PipelineError.system("записать файл", path, code)
        }
    }

    /// Renames a finished temporary file to its final `path`.
    static func install(_ temp: String, at path: String) throws(PipelineError) {
        try ensureFolder(PathText.parent(path))
        guard rename(temp, path) == 0 else { throw PipelineError.system("сохранить файл", path, errno) }
    }

    /// Moves a file; across file systems, copies it under a temporary name `temp()` on the target's
    /// file system, renames it into place, then removes the original.
    static func move(_ source: String, to target: String, temp: () -> String) throws(PipelineError) {
        try ensureFolder(PathText.parent(target))
        if rename(source, target) == 0 { return }
        guard errno == EXDEV else { throw PipelineError.system("перенести файл", source, errno) }
        let copy = temp()
        try Files.copy(source, to: copy)
        guard rename(copy, target) == 0 else {
            let code = errno
            unlink(copy)
            throw PipelineError.system("перенести файл", target, code)
        }
        unlink(source)
    }

    /// A name beside `path` that is free: `path` itself, or `name (2).ext`…
    static func free(_ path: String) -> String {
        guard exists(path) else { return path }
        let folder = PathText.parent(path), name = PathText.lastComponent(path)
        var n = 2
        while exists(PathText.appending(folder, SafeName.numbered(name, n))) { n += 1 }
        return PathText.appending(folder, SafeName.numbered(name, n))
    }

    /// Every regular file under `folder`, as paths relative to it.
    static func allFiles(under folder: String) -> [String] {
        var found: [String] = []
        func walk(_ path: String, _ relative: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names {
                let child = PathText.appending(path, name), inside = relative.isEmpty ? name : relative + "/" + name
                var st = stat()
                guard lstat(child, &st) == 0 else { continue }
                if st.st_mode & S_IFMT == S_IFDIR { walk(child, inside) } else { found.append(inside) }
            }
        }
        walk(folder, "")
        return found
    }
}

/// A thread-safe counter.
final class Counter: Sendable {
    private let value = Locked(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
}

/// A value guarded by a lock.
final class Locked<Value>: @unchecked Sendable {
    // Sound: `value` is only reached through `withLock`, which holds `lock`.
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Writing a file the command line produces (`fill -o`, `template default -o`): checked for a
/// folder that exists and a name that is not a folder, written under a temporary name beside
/// it and renamed, so that an interrupted write leaves no partial file under either name.
public enum OutputFile {
    /// The reason `path` cannot take a new file, in Russian; `nil` when it can.
    public static func problem(_ path: String) -> String? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return "«\(path)» — это папка: укажите имя файла, например «\(PathText.appending(path, "отчёт.docx"))»."
        }
        let parent = PathText.parent(path).isEmpty ? "." : PathText.parent(path)
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) else {
            return "Папки «\(parent)» нет: создайте её или укажите другую для «\(PathText.lastComponent(path))»."
        }
        guard isFolder.boolValue else { return "«\(parent)» — это файл, а не папка." }
        return nil
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(PipelineError) {
        if let problem = problem(path) { throw PipelineError.io(action: "записать", path: path, reason: problem) }
        let parent = PathText.parent(path).isEmpty ? "." : PathText.parent(path)
        let temp = PathText.appending(parent, ".\(PathText.lastComponent(path)).kartograf-\(getpid()).tmp")
        unlink(temp)
        try Files.write(bytes, to: temp)
        guard rename(temp, path) == 0 else {
            let code = errno
            unlink(temp)
            throw PipelineError.system("сохранить файл", path, code)
        }
    }
}

/// A new file (which must not exist) written a piece at a time; removed unless finished.
final class NewFile {
    let path: String
    private let fd: Int32
    private var isOpen = true

    init(_ path: String) throws(PipelineError) {
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PipelineError.system("создать файл", path, errno) }
        self.path = path
    }

    func write(_ bytes: ArraySlice<UInt8>) throws(PipelineError) {
        guard let code = Files.writeAll(fd, bytes) else { return }
        abandon()
        throw PipelineError.system("записать файл", path, code)
    }

    /// Closes the file, complete.
    func finish() throws(PipelineError) {
        isOpen = false
        try Files.finish(fd, path)
    }

    private func abandon() {
        guard isOpen else { return }
        isOpen = false
        close(fd)
        unlink(path)
    }

    deinit { abandon() }
}
