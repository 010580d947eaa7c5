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

    private static let spaces = [UInt8](repeating: 0x20, count: 256)

    private func newline(_ out: inout [UInt8], _ level: Int) {
        guard indent > 0 else { return }
        out.append(0x0A)
        var width = indent * level
        while width > 0 {
            let run = min(width, JSONWriter.spaces.count)
            out.append(contentsOf: JSONWriter.spaces[0..<run])
            width -= run
        }
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
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                // Most text needs no escape: one comparison per byte until something does.
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0xE2 else {
                    i += 1
                    continue
                }
                var width = 1
                let escaped: String
                switch b {
                case UInt8(ascii: "\""): escaped = "\\\""
                case UInt8(ascii: "\\"): escaped = "\\\\"
                case 0x0A: escaped = "\\n"
                case 0x0D: escaped = "\\r"
                case 0x09: escaped = "\\t"
                case 0..<0x20: escaped = "\\u00" + String(decoding: [hex[Int(b >> 4)], hex[Int(b & 0xF)]], as: UTF8.self)
                default:  // 0xE2: U+2028 and U+2029 are escaped, other characters it starts are not
                    guard i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else {
                        i += 1
                        continue
                    }
                    escaped = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                out.append(contentsOf: escaped.utf8)
                i += width
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
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
