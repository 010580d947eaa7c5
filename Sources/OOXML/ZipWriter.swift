import CLibzip
import Foundation

/// Builds a ZIP archive (a .docx or .xlsx package) in memory with libzip.
/// Entries are deflated, except `mimetype`-style entries added with `store: true`;
/// entries taken from a `ZipWriter.Deflated` are copied already compressed.
public struct ZipWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "Не удалось собрать архив: \(reason)" }
    }

    /// Entries deflated once and then copied, as they are, into any number of archives
    /// (the unchanged parts of a template filled for every file of a run).
    ///
    /// `@unchecked Sendable`: the archive is written in `init` and only read afterwards.
    public final class Deflated: @unchecked Sendable {
        /// An archive holding the entries, in a buffer that never moves (libzip reads it in place).
        private let buffer: UnsafeMutableRawPointer
        private let count: Int
        private let indices: [String: Int]

        public init(_ entries: [(name: String, bytes: [UInt8])], level: Int = 6) throws {
            var writer = ZipWriter(level: level)
            for entry in entries { writer.add(entry.name, entry.bytes) }
            let archive = try writer.bytes()
            let count = archive.count
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 1)
            archive.withUnsafeBytes { if count > 0 { buffer.copyMemory(from: $0.baseAddress!, byteCount: count) } }
            self.buffer = buffer
            self.count = count
            indices = Dictionary(entries.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        }

        deinit { buffer.deallocate() }

        public func contains(_ name: String) -> Bool { indices[name] != nil }

        fileprivate func index(of name: String) -> Int? { indices[name] }

        /// The archive opened for reading; the caller discards it.
        fileprivate func open() throws -> OpaquePointer {
            var err = zip_error_t()
            zip_error_init(&err)
            defer { zip_error_fini(&err) }
            guard let src = zip_source_buffer_create(buffer, zip_uint64_t(count), 0, &err) else {
                throw Failure(reason: "буфер")
            }
            guard let zip = zip_open_from_source(src, ZIP_RDONLY, &err) else {
                zip_source_free(src)
                throw Failure(reason: "zip_open")
            }
            return zip
        }
    }

    private enum Content {
        case bytes([UInt8], store: Bool)
        case copy(Deflated)
    }

    private var entries: [(name: String, content: Content)] = []
    /// The deflate level of added entries: 1 is fastest, 9 smallest.
    public var level: Int

    public init(level: Int = 6) { self.level = level }

    public mutating func add(_ name: String, _ bytes: [UInt8], store: Bool = false) {
        entries.append((name, .bytes(bytes, store: store)))
    }

    public mutating func add(_ name: String, text: String) {
        add(name, Array(text.utf8))
    }

    /// Adds the entry `name` of `deflated` without compressing it again.
    public mutating func add(_ name: String, from deflated: Deflated) {
        entries.append((name, .copy(deflated)))
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
        // Archives that entries are copied from, open until this one is closed.
        var sources: [ObjectIdentifier: OpaquePointer] = [:]
        defer { for source in sources.values { zip_discard(source) } }
        for entry in entries {
            let s: OpaquePointer
            switch entry.content {
            case let .copy(deflated):
                let key = ObjectIdentifier(deflated)
                if sources[key] == nil {
                    do { sources[key] = try deflated.open() } catch { zip_discard(zip); throw error }
                }
                // A whole entry of another archive: libzip copies its compressed data.
                guard let index = deflated.index(of: entry.name), let from = sources[key],
                      let source = zip_source_zip(zip, from, zip_uint64_t(index), 0, 0, -1) else {
                    zip_discard(zip)
                    throw Failure(reason: "zip_source_zip \(entry.name)")
                }
                s = source
            case let .bytes(bytes, _):
                let count = bytes.count
                let buf = malloc(max(count, 1))!
                bytes.withUnsafeBytes { if count > 0 { buf.copyMemory(from: $0.baseAddress!, byteCount: count) } }
                // freep = 1: libzip frees the copy when it is done with it.
                guard let source = zip_source_buffer(zip, buf, zip_uint64_t(count), 1) else {
                    free(buf)
                    zip_discard(zip)
                    throw Failure(reason: "zip_source_buffer")
                }
                s = source
            }
            let index = zip_file_add(zip, entry.name, s, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
            if index < 0 {
                zip_source_free(s)
                zip_discard(zip)
                throw Failure(reason: "zip_file_add \(entry.name)")
            }
            if case let .bytes(_, store) = entry.content {
                zip_set_file_compression(zip, zip_uint64_t(index), store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, zip_uint32_t(level))
            }
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
