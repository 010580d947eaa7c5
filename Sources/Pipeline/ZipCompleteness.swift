#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells whether a ZIP file (a .docx) has been written to its end: its last bytes
/// hold an end-of-central-directory record whose comment runs exactly to the end.
public enum ZipCompleteness {
    public enum State: Sendable, Equatable { case notZip, incomplete, complete }

    public static func state(path: String) -> State {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .incomplete }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 4)
        guard pread(fd, &head, 4, 0) == 4 else { return .notZip }
        guard head[0] == 0x50, head[1] == 0x4B else { return .notZip }

        var st = stat()
        guard fstat(fd, &st) == 0 else { return .incomplete }
        let size = Int(st.st_size)
        let tailLength = min(size, 22 + 65_535)
        var tail = [UInt8](repeating: 0, count: tailLength)
        guard pread(fd, &tail, tailLength, off_t(size - tailLength)) == tailLength else { return .incomplete }
        var i = tailLength - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 {
                let commentLength = Int(tail[i + 20]) | Int(tail[i + 21]) << 8
                if i + 22 + commentLength == tailLength { return .complete }
            }
            i -= 1
        }
        return .incomplete
    }
}
