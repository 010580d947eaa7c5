import CZlib
import Foundation

/// Builds a ZIP archive (a .docx or .xlsx package) in memory: each entry deflated with zlib
/// (or stored, for `mimetype`-style entries added with `store: true`), then the central directory.
/// Entries taken from a `ZipWriter.Deflated` are copied already compressed.
///
/// The format is written here rather than through libzip: a protocol is built for every file of
/// a run, and libzip's archive machinery (sources, a time-zone lookup per entry) cost as much as
/// the compression itself. Reading stays with libzip, which checks every archive it opens.
public struct ZipWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "Не удалось собрать архив: \(reason)" }
    }

    /// One entry's data as it goes into the archive.
    fileprivate struct Compressed {
        var method: UInt16  // 0 stored, 8 deflated
        var crc: UInt32
        var size: Int
        var data: [UInt8]

        init(_ bytes: [UInt8], store: Bool, level: Int) throws {
            crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            size = bytes.count
            if store {
                method = 0
                data = bytes
            } else {
                method = 8
                data = try Compressed.deflate(bytes, level: level)
            }
        }

        /// Raw deflate (no zlib header), as ZIP wants it.
        private static func deflate(_ bytes: [UInt8], level: Int) throws -> [UInt8] {
            var stream = z_stream()
            guard deflateInit2_(&stream, Int32(level), Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw Failure(reason: "deflateInit")
            }
            defer { deflateEnd(&stream) }
            var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
            let written: Int = try bytes.withUnsafeBufferPointer { input in
                try out.withUnsafeMutableBufferPointer { output in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                    stream.avail_in = uInt(input.count)
                    stream.next_out = output.baseAddress
                    stream.avail_out = uInt(output.count)
                    guard CZlib.deflate(&stream, Z_FINISH) == Z_STREAM_END else { throw Failure(reason: "deflate") }
                    return Int(stream.total_out)
                }
            }
            out.removeSubrange(written...)
            return out
        }
    }

    /// Entries deflated once and then copied, as they are, into any number of archives
    /// (the unchanged parts of a template filled for every file of a run).
    public final class Deflated: Sendable {
        fileprivate let entries: [String: Compressed]

        public init(_ entries: [(name: String, bytes: [UInt8])], level: Int = 6) throws {
            var compressed: [String: Compressed] = [:]
            for entry in entries where compressed[entry.name] == nil {
                compressed[entry.name] = try Compressed(entry.bytes, store: false, level: level)
            }
            self.entries = compressed
        }

        public func contains(_ name: String) -> Bool { entries[name] != nil }
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

    /// The archive's bytes. A later entry of the same name replaces an earlier one.
    public func bytes() throws -> [UInt8] {
        var order: [String] = []
        var chosen: [String: Compressed] = [:]
        for entry in entries {
            let data: Compressed
            switch entry.content {
            case let .bytes(bytes, store):
                data = try Compressed(bytes, store: store, level: level)
            case let .copy(deflated):
                guard let found = deflated.entries[entry.name] else { throw Failure(reason: "нет части «\(entry.name)»") }
                data = found
            }
            if chosen.updateValue(data, forKey: entry.name) == nil { order.append(entry.name) }
        }
        guard order.count < 0xFFFF else { throw Failure(reason: "слишком много частей") }

        var out: [UInt8] = []
        out.reserveCapacity(chosen.values.reduce(22) { $0 + $1.data.count + 2 * (46 + 64) })
        var central: [UInt8] = []
        central.reserveCapacity(order.reduce(0) { $0 + 46 + $1.utf8.count })
        for name in order {
            let entry = chosen[name]!
            let nameBytes = Array(name.utf8)
            guard out.count <= 0xFFFF_FFFF, entry.size <= 0xFFFF_FFFF, entry.data.count <= 0xFFFF_FFFF,
                  nameBytes.count <= 0xFFFF else {
                throw Failure(reason: "часть «\(name)» слишком велика")
            }
            let offset = UInt32(out.count)
            // Local file header.
            out.fields(30) { header in
                header.le32(0x0403_4B50)
                header.entryFields(entry, nameLength: nameBytes.count)
            }
            out.append(contentsOf: nameBytes)
            out.append(contentsOf: entry.data)
            // Its central directory record.
            central.fields(46) { record in
                record.le32(0x0201_4B50)
                record.le16(20)  // made by: MS-DOS attributes, ZIP 2.0
                record.entryFields(entry, nameLength: nameBytes.count)
                record.le16(0)  // comment length
                record.le16(0)  // disk number
                record.le16(0)  // internal attributes
                record.le32(0)  // external attributes
                record.le32(offset)
            }
            central.append(contentsOf: nameBytes)
        }
        guard out.count <= 0xFFFF_FFFF, central.count <= 0xFFFF_FFFF else { throw Failure(reason: "архив слишком велик") }
        let centralOffset = UInt32(out.count)
        out.append(contentsOf: central)
        // End of central directory.
        out.fields(22) { end in
            end.le32(0x0605_4B50)
            end.le16(0)
            end.le16(0)
            end.le16(UInt16(order.count))
            end.le16(UInt16(order.count))
            end.le32(UInt32(central.count))
            end.le32(centralOffset)
            end.le16(0)
        }
        return out
    }

    /// Writes the archive to `path` through a temporary file and a rename.
    public func write(to path: String) throws {
        let data = Data(try bytes())
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

private extension [UInt8] {
    /// Appends `count` bytes of little-endian fields, gathered first on the stack: appending
    /// headers byte by byte cost more than all the rest of assembling a protocol's archive
    /// but copying its data.
    mutating func fields(_ count: Int, _ write: (inout ZipFields) -> Void) {
        Swift.withUnsafeTemporaryAllocation(byteCount: count, alignment: 1) { raw in
            var fields = ZipFields(raw: raw)
            write(&fields)
            precondition(fields.offset == count, "ZIP header of \(fields.offset) bytes, not \(count)")
            append(contentsOf: UnsafeRawBufferPointer(raw))
        }
    }
}

/// Little-endian fields written in order into a header's bytes.
private struct ZipFields {
    let raw: UnsafeMutableRawBufferPointer
    var offset = 0

    mutating func le16(_ v: UInt16) {
        raw.storeBytes(of: v.littleEndian, toByteOffset: offset, as: UInt16.self)
        offset += 2
    }

    mutating func le32(_ v: UInt32) {
        raw.storeBytes(of: v.littleEndian, toByteOffset: offset, as: UInt32.self)
        offset += 4
    }

    /// The fields a local header and a central record share, from «version needed» to «extra length».
    mutating func entryFields(_ entry: ZipWriter.Compressed, nameLength: Int) {
        le16(20)  // version needed: deflate
        le16(0x0800)  // flags: the name is UTF-8
        le16(entry.method)
        // A fixed time stamp (1980-01-01 00:00) keeps the output reproducible.
        le16(0)
        le16(0x21)
        le32(entry.crc)
        le32(UInt32(entry.data.count))
        le32(UInt32(entry.size))
        le16(UInt16(nameLength))
        le16(0)  // extra field length
    }
}
