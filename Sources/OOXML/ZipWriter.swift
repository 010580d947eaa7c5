import CLibzip
import Foundation

/// Builds a ZIP archive (a .docx or .xlsx package) in memory with libzip.
/// Entries are deflated, except `mimetype`-style entries added with `store: true`.
public struct ZipWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "Не удалось собрать архив: \(reason)" }
    }

    private var entries: [(name: String, bytes: [UInt8], store: Bool)] = []

    public init() {}

    public mutating func add(_ name: String, _ bytes: [UInt8], store: Bool = false) {
        entries.append((name, bytes, store))
    }

    public mutating func add(_ name: String, text: String) {
        add(name, Array(text.utf8))
    }

    /// The archive's bytes.
    public func bytes() throws -> [UInt8] {
        var err = zip_error_t()
        zip_error_init(&err)
        defer { zip_error_fini(&err) }
        guard let src = zip_source_buffer_create(nil, 0, 0, &err) else { throw Failure(reason: "буфер") }
        zip_source_keep(src)
        defer { zip_source_free(src) }
        guard let zip = zip_open_from_source(src, ZIP_TRUNCATE, &err) else { throw Failure(reason: "zip_open") }
        for entry in entries {
            let count = entry.bytes.count
            let buf = malloc(max(count, 1))!
            entry.bytes.withUnsafeBytes { if count > 0 { buf.copyMemory(from: $0.baseAddress!, byteCount: count) } }
            // freep = 1: libzip frees the copy when it is done with it.
            guard let s = zip_source_buffer(zip, buf, zip_uint64_t(count), 1) else {
                free(buf)
                zip_discard(zip)
                throw Failure(reason: "zip_source_buffer")
            }
            let index = zip_file_add(zip, entry.name, s, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
            if index < 0 {
                zip_source_free(s)
                zip_discard(zip)
                throw Failure(reason: "zip_file_add \(entry.name)")
            }
            zip_set_file_compression(zip, zip_uint64_t(index), entry.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 6)
            // A fixed time stamp keeps output reproducible.
            zip_file_set_dostime(zip, zip_uint64_t(index), 0, 0x21, 0)
        }
        guard zip_close(zip) == 0 else {
            zip_discard(zip)
            throw Failure(reason: "zip_close")
        }
        guard zip_source_open(src) == 0 else { throw Failure(reason: "zip_source_open") }
        defer { zip_source_close(src) }
        zip_source_seek(src, 0, SEEK_END)
        let size = Int(zip_source_tell(src))
        zip_source_seek(src, 0, SEEK_SET)
        var out = [UInt8](repeating: 0, count: size)
        let read = out.withUnsafeMutableBytes { zip_source_read(src, $0.baseAddress, zip_uint64_t(size)) }
        guard read == size else { throw Failure(reason: "zip_source_read") }
        return out
    }

    /// Writes the archive to `path` through a temporary file and a rename.
    public func write(to path: String) throws {
        let data = Data(try bytes())
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
