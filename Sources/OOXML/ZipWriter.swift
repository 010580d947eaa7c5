import CLibzip
import Foundation

/// Builds a ZIP archive (a .docx or .xlsx package) in memory through libzip: each entry deflated
/// (or stored, for `mimetype`-style entries added with `store: true`), every entry dated
/// 1980-01-02 so that the same entries give the same bytes. Entries taken from a
/// `ZipWriter.Deflated` are copied already compressed.
public struct ZipWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "Не удалось собрать архив: \(reason)" }
    }

    /// Entries deflated once and then copied, as they are, into any number of archives
    /// (the unchanged parts of a template filled for every file of a run).
    public final class Deflated: Sendable {
        /// An archive of the entries. Sound to share: written once in `init`, only read after
        /// (each reader through a libzip source of its own), freed in `deinit`.
        nonisolated(unsafe) fileprivate let archive: UnsafeMutableRawBufferPointer
        private let names: Set<String>

        public init(_ entries: [(name: String, bytes: [UInt8])], level: Int = 6) throws {
            var zip = ZipWriter(level: level)
            var names: Set<String> = []
            for entry in entries where names.insert(entry.name).inserted { zip.add(entry.name, entry.bytes) }
            let bytes = try zip.bytes()
            archive = .allocate(byteCount: bytes.count, alignment: 1)
            archive.copyBytes(from: bytes)
            self.names = names
        }

        deinit { archive.deallocate() }

        public func contains(_ name: String) -> Bool { names.contains(name) }

        /// Opens the archive read-only for one writer; libzip reads the shared bytes through a
        /// source of its own, so that writers on several threads do not share a read position.
        fileprivate func open() throws -> OpaquePointer {
            var error = zip_error_t()
            zip_error_init(&error)
            defer { zip_error_fini(&error) }
            guard let source = zip_source_buffer_create(archive.baseAddress, zip_uint64_t(archive.count), 0, &error) else {
                throw Failure(reason: "zip_source_buffer_create")
            }
            guard let zip = zip_open_from_source(source, ZIP_RDONLY, &error) else {
                zip_source_free(source)
                throw Failure(reason: "zip_open_from_source")
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

    /// 1980-01-02 00:00 UTC: a date every time zone can write as an MS-DOS date.
    private static let fixedTime = time_t(315_619_200)

    /// The archive's bytes. A later entry of the same name replaces an earlier one, in its place.
    public func bytes() throws -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let output = zip_source_buffer_create(nil, 0, 0, &error) else { throw Failure(reason: "zip_source_buffer_create") }
        defer { zip_source_free(output) }
        // Kept past zip_close, which would otherwise free it: the archive is read from it afterwards.
        zip_source_keep(output)
        guard let zip = zip_open_from_source(output, ZIP_TRUNCATE, &error) else {
            throw Failure(reason: "zip_open_from_source")
        }
        var sources: [ObjectIdentifier: OpaquePointer] = [:]
        defer { for s in sources.values { zip_discard(s) } }
        do {
            for entry in entries {
                let source: OpaquePointer
                switch entry.content {
                case let .bytes(bytes, _):
                    // libzip owns (and frees) a malloc'ed copy, so the entry outlives this loop.
                    let copy = malloc(max(bytes.count, 1))
                    bytes.withUnsafeBytes { if let base = $0.baseAddress { copy?.copyMemory(from: base, byteCount: bytes.count) } }
                    guard let copy, let s = zip_source_buffer(zip, copy, zip_uint64_t(bytes.count), 1) else {
                        throw Failure(reason: "zip_source_buffer")
                    }
                    source = s
                case let .copy(deflated):
                    let key = ObjectIdentifier(deflated)
                    if sources[key] == nil { sources[key] = try deflated.open() }
                    let archive = sources[key]!
                    let index = zip_name_locate(archive, entry.name, 0)
                    // The whole entry of another archive: libzip copies its compressed data as it is.
                    guard index >= 0, let s = zip_source_zip(zip, archive, zip_uint64_t(index), 0, 0, -1) else {
                        throw Failure(reason: "нет части «\(entry.name)»")
                    }
                    source = s
                }
                let index = zip_file_add(zip, entry.name, source, zip_flags_t(ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE))
                guard index >= 0 else {
                    zip_source_free(source)
                    throw Failure(reason: "часть «\(entry.name)»: \(String(cString: zip_strerror(zip)))")
                }
                if case let .bytes(_, store) = entry.content {
                    zip_set_file_compression(zip, zip_uint64_t(index), store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, zip_uint32_t(level))
                }
                zip_file_set_mtime(zip, zip_uint64_t(index), ZipWriter.fixedTime, 0)
            }
        } catch {
            zip_discard(zip)
            throw error
        }
        guard zip_close(zip) == 0 else {
            let reason = String(cString: zip_strerror(zip))
            zip_discard(zip)
            throw Failure(reason: reason)
        }
        return try ZipWriter.contents(of: output)
    }

    /// Everything written to a buffer source.
    private static func contents(of source: OpaquePointer) throws -> [UInt8] {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_stat(source, &stat) == 0, zip_source_open(source) == 0 else { throw Failure(reason: "zip_source_open") }
        defer { zip_source_close(source) }
        let size = Int(stat.size)
        // Sound: zip_source_read writes at most `size` bytes, and `count` is what it wrote.
        let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = max(0, Int(zip_source_read(source, buffer.baseAddress, zip_uint64_t(size))))
        }
        guard out.count == size else { throw Failure(reason: "zip_source_read") }
        return out
    }
}
