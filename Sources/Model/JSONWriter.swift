/// Writes `JSONValue` as UTF-8 JSON: non-ASCII kept as is, keys in their given order.
/// Works on bytes: exports of large roadmaps are written for every file of a batch.
public struct JSONWriter: Sendable {
    public var indent: Int

    /// `indent` 0 writes everything on one line.
    public init(indent: Int = 2) { self.indent = indent }

    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, into: &out, level: 0)
        return out
    }

    private func newline(_ out: inout [UInt8], _ level: Int) {
        guard indent > 0 else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * level))
    }

    private func write(_ value: JSONValue, into out: inout [UInt8], level: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .number(n):
            if n.isFinite, n == n.rounded(), abs(n) < 1e15 { out.append(contentsOf: String(Int64(n)).utf8) }
            else if n.isFinite { out.append(contentsOf: String(n).utf8) }
            else { out.append(contentsOf: "null".utf8) }
        case let .string(s): JSONWriter.escape(s, into: &out)
        case let .array(items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, level + 1)
                write(item, into: &out, level: level + 1)
            }
            newline(&out, level)
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, level + 1)
                JSONWriter.escape(k, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent > 0 { out.append(0x20) }
                write(v, into: &out, level: level + 1)
            }
            newline(&out, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string literal: quotes, backslashes and control characters escaped,
    /// U+2028/U+2029 too (they end lines in JavaScript); everything else as UTF-8.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let utf8 = Array(s.utf8)
        utf8.withUnsafeBufferPointer { bytes in
            var i = 0
            var runStart = 0
            func flush(_ end: Int) {
                if end > runStart { out.append(contentsOf: bytes[runStart..<end]) }
            }
            while i < bytes.count {
                let b = bytes[i]
                var escaped: [UInt8]?
                var width = 1
                switch b {
                case UInt8(ascii: "\""): escaped = Array("\\\"".utf8)
                case UInt8(ascii: "\\"): escaped = Array("\\\\".utf8)
                case 0x0A: escaped = Array("\\n".utf8)
                case 0x0D: escaped = Array("\\r".utf8)
                case 0x09: escaped = Array("\\t".utf8)
                case 0..<0x20:
                    escaped = Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]]
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escaped = Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    width = 3
                default: break
                }
                if let escaped {
                    flush(i)
                    out.append(contentsOf: escaped)
                    i += width
                    runStart = i
                } else {
                    i += 1
                }
            }
            flush(bytes.count)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A JSON string literal appended to a `String`.
    public static func escape(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
