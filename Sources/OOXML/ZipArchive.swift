import CLibzip
import Foundation

/// A read-only ZIP archive (libzip) whose entries are read in memory with every inflated
/// byte counted against `ReadLimits`.
///
/// libzip's strict consistency check (`ZIP_CHECKCONS`) is left off: it refuses valid packages
/// whose local headers disagree with the central directory about fields nothing reads (times,
/// "version needed"), which some writers produce. Sizes and offsets come from the central
/// directory, every entry is inflated under the limits and its CRC checked at the end, and an
/// entry whose data runs past the end of the file is reported as a truncated file.
/// Not thread-safe: one archive belongs to one reading task.
public final class ZipArchive {
    private let zip: OpaquePointer
    /// The bytes an in-memory archive is read from. Sound: libzip only reads them, and they are
    /// freed in `deinit` after `zip_discard`.
    private var ownedBuffer: UnsafeMutableRawPointer?
    public let limits: ReadLimits
    private var inflatedTotal = 0
    /// Entry names in archive order.
    public let entryNames: [String]
    private let indexByName: [String: Int]

    /// Opens a file on disk.
    public convenience init(path: String, limits: ReadLimits = .standard) throws {
        var errorCode: Int32 = 0
        guard let z = zip_open(path, ZIP_RDONLY, &errorCode) else {
            throw ZipArchive.openError(errorCode)
        }
        try self.init(zip: z, buffer: nil, limits: limits)
    }

    /// Opens an archive held in memory (the bytes are copied).
    public convenience init(bytes: [UInt8], limits: ReadLimits = .standard) throws {
        guard !bytes.isEmpty else { throw ReadError.empty }
        let buf = UnsafeMutableRawPointer.allocate(byteCount: bytes.count, alignment: 1)
        bytes.withUnsafeBytes { buf.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        var err = zip_error_t()
        zip_error_init(&err)
        defer { zip_error_fini(&err) }
        guard let src = zip_source_buffer_create(buf, zip_uint64_t(bytes.count), 0, &err) else {
            buf.deallocate()
            throw ReadError.corruptArchive("zip_source_buffer_create")
        }
        guard let z = zip_open_from_source(src, ZIP_RDONLY, &err) else {
            zip_source_free(src)
            buf.deallocate()
            let e = ZipArchive.openError(zip_error_code_zip(&err))
            // A local header at the start but no central directory: the download was cut short.
            if e == .notZip, bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { throw ReadError.truncated }
            throw e
        }
        try self.init(zip: z, buffer: buf, limits: limits)
    }

    private init(zip: OpaquePointer, buffer: UnsafeMutableRawPointer?, limits: ReadLimits) throws {
        self.zip = zip
        self.ownedBuffer = buffer
        self.limits = limits
        let count = Int(zip_get_num_entries(zip, 0))
        guard count <= limits.maxEntries else {
            zip_discard(zip)
            buffer?.deallocate()
            throw ReadError.tooManyEntries(count)
        }
        var names: [String] = []
        var index: [String: Int] = [:]
        names.reserveCapacity(count)
        for i in 0..<count {
            guard let c = zip_get_name(zip, zip_uint64_t(i), zip_flags_t(ZIP_FL_ENC_GUESS)) else { continue }
            let name = String(cString: c)
            names.append(name)
            if index[name] == nil { index[name] = i }
            // Part names are case-insensitive in OPC.
            let lower = name.lowercased()
            if index[lower] == nil { index[lower] = i }
        }
        entryNames = names
        indexByName = index
    }

    deinit {
        zip_discard(zip)
        ownedBuffer?.deallocate()
    }

    public func contains(_ name: String) -> Bool { entryIndex(name) != nil }

    private func entryIndex(_ name: String) -> Int? {
        let n = name.hasPrefix("/") ? String(name.dropFirst()) : name
        return indexByName[n] ?? indexByName[n.lowercased()]
    }

    private static func openError(_ code: Int32) -> ReadError {
        switch code {
        case ZIP_ER_NOZIP: return .notZip
        case ZIP_ER_INCONS: return .truncated
        case ZIP_ER_NOENT: return .notFound("")
        case ZIP_ER_MEMORY: return .corruptArchive("нехватка памяти")
        case ZIP_ER_READ, ZIP_ER_OPEN: return .ioFailure("ошибка чтения")
        default: return .corruptArchive("код libzip \(code)")
        }
    }

    /// Opens an entry for streaming; `nil` when the archive has no such entry.
    public func open(_ name: String) throws -> ZipEntryStream? {
        guard let i = entryIndex(name) else { return nil }
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(zip, zip_uint64_t(i), 0, &st) == 0 else { throw ReadError.corruptArchive("zip_stat") }
        let declaredSize = (st.valid & zip_uint64_t(ZIP_STAT_SIZE)) != 0 ? Int(clamping: st.size) : 0
        let compressed = (st.valid & zip_uint64_t(ZIP_STAT_COMP_SIZE)) != 0 ? Int(clamping: st.comp_size) : 0
        // Reject early what declares itself too large; what lies is caught while inflating.
        if declaredSize > limits.maxEntryBytes { throw ReadError.entryTooLarge(entry: name, limit: limits.maxEntryBytes) }
        if declaredSize > limits.ratioThresholdBytes, compressed > 0, declaredSize / compressed > limits.maxRatio {
            throw ReadError.suspiciousRatio(entry: name)
        }
        if (st.valid & zip_uint64_t(ZIP_STAT_ENCRYPTION_METHOD)) != 0, st.encryption_method != UInt16(ZIP_EM_NONE) {
            throw ReadError.encrypted
        }
        guard let file = zip_fopen_index(zip, zip_uint64_t(i), 0) else {
            let code = zip_error_code_zip(zip_get_error(zip))
            if code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD { throw ReadError.encrypted }
            // The local header lies past the end, or is cut: the file is shorter than its directory says.
            if code == ZIP_ER_READ || code == ZIP_ER_SEEK || code == ZIP_ER_EOF || code == ZIP_ER_INCONS { throw ReadError.truncated }
            throw ReadError.corruptArchive("zip_fopen \(name)")
        }
        return ZipEntryStream(archive: self, file: file, name: name, compressedSize: compressed)
    }

    /// Reads a whole entry into memory under the limits; `nil` when absent.
    public func read(_ name: String) throws -> [UInt8]? {
        guard let stream = try open(name) else { return nil }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = try stream.read(into: &chunk)
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    fileprivate func account(_ n: Int) throws {
        inflatedTotal += n
        if inflatedTotal > limits.maxTotalBytes { throw ReadError.totalTooLarge(limit: limits.maxTotalBytes) }
    }
}

/// One entry being inflated; counts bytes and enforces size and ratio caps.
public final class ZipEntryStream {
    private let archive: ZipArchive
    private var file: OpaquePointer?
    public let name: String
    private let compressedSize: Int
    public private(set) var bytesRead = 0

    fileprivate init(archive: ZipArchive, file: OpaquePointer, name: String, compressedSize: Int) {
        self.archive = archive
        self.file = file
        self.name = name
        self.compressedSize = compressedSize
    }

    deinit { close() }

    public func close() {
        if let f = file { zip_fclose(f) }
        file = nil
    }

    /// Fills `buffer` with up to its size in bytes; 0 at the end.
    public func read(into buffer: inout [UInt8]) throws -> Int {
        guard let f = file, !buffer.isEmpty else { return 0 }
        let n = zip_fread(f, &buffer, zip_uint64_t(buffer.count))
        if n < 0 {
            let code = zip_error_code_zip(zip_file_get_error(f))
            if code == ZIP_ER_CRC { throw ReadError.corruptArchive("контрольная сумма части «\(name)» не сходится") }
            if code == ZIP_ER_EOF || code == ZIP_ER_READ || code == ZIP_ER_ZLIB { throw ReadError.truncated }
            throw ReadError.corruptArchive("часть «\(name)»: код libzip \(code)")
        }
        let count = Int(n)
        bytesRead += count
        let limits = archive.limits
        if bytesRead > limits.maxEntryBytes { throw ReadError.entryTooLarge(entry: name, limit: limits.maxEntryBytes) }
        if bytesRead > limits.ratioThresholdBytes, bytesRead / max(compressedSize, 1) > limits.maxRatio {
            throw ReadError.suspiciousRatio(entry: name)
        }
        try archive.account(count)
        return count
    }
}
