import Foundation

/// A strict JSON parser that keeps object key order. Depth-limited so hostile
/// input cannot exhaust the stack.
public struct JSONParser {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let offset: Int
        public let reason: String
        public var description: String { "JSON: \(reason) (байт \(offset))" }
    }

    private let bytes: [UInt8]
    private var pos = 0
    private let maxDepth: Int

    public static func parse(_ text: String, maxDepth: Int = 256) throws -> JSONValue {
        try parse(bytes: Array(text.utf8), maxDepth: maxDepth)
    }

    public static func parse(bytes: [UInt8], maxDepth: Int = 256) throws -> JSONValue {
        var p = JSONParser(bytes: bytes, maxDepth: maxDepth)
        return try p.parseDocument()
    }

    private mutating func parseDocument() throws -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
        let v = try value(depth: 0)
        skipSpace()
        guard pos == bytes.count else { throw fail("лишние символы после значения") }
        return v
    }

    private func fail(_ reason: String) -> Failure { Failure(offset: pos, reason: reason) }

    private mutating func skipSpace() {
        while pos < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[pos]) { pos += 1 }
    }

    private mutating func value(depth: Int) throws -> JSONValue {
        guard depth < maxDepth else { throw fail("слишком глубокая вложенность") }
        skipSpace()
        guard pos < bytes.count else { throw fail("неожиданный конец") }
        switch bytes[pos] {
        case UInt8(ascii: "{"):
            pos += 1
            var pairs: [(String, JSONValue)] = []
            skipSpace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(pairs) }
            while true {
                skipSpace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("ожидался ключ") }
                let k = try string()
                skipSpace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("ожидалось «:»") }
                pos += 1
                pairs.append((k, try value(depth: depth + 1)))
                skipSpace()
                guard pos < bytes.count else { throw fail("неожиданный конец") }
                if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(pairs) }
                throw fail("ожидалось «,» или «}»")
            }
        case UInt8(ascii: "["):
            pos += 1
            var items: [JSONValue] = []
            skipSpace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard pos < bytes.count else { throw fail("неожиданный конец") }
                if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
                throw fail("ожидалось «,» или «]»")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            return .number(try number())
        }
    }

    private mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard pos + w.count <= bytes.count, Array(bytes[pos..<pos + w.count]) == w else { throw fail("неизвестное слово") }
        pos += w.count
    }

    private mutating func number() throws -> Double {
        let start = pos
        while pos < bytes.count, "+-0123456789.eE".utf8.contains(bytes[pos]) { pos += 1 }
        guard pos > start, let s = String(bytes: bytes[start..<pos], encoding: .utf8), let d = Double(s)
        else { throw fail("неверное число") }
        return d
    }

    private mutating func hex4() throws -> UInt32 {
        guard pos + 4 <= bytes.count,
              let s = String(bytes: bytes[pos..<pos + 4], encoding: .ascii), let v = UInt32(s, radix: 16)
        else { throw fail("неверная escape-последовательность") }
        pos += 4
        return v
    }

    private mutating func string() throws -> String {
        pos += 1
        var buf: [UInt8] = []
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: buf, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                pos += 1
                guard pos < bytes.count else { break }
                let e = bytes[pos]
                pos += 1
                switch e {
                case UInt8(ascii: "n"): buf.append(0x0A)
                case UInt8(ascii: "t"): buf.append(0x09)
                case UInt8(ascii: "r"): buf.append(0x0D)
                case UInt8(ascii: "b"): buf.append(0x08)
                case UInt8(ascii: "f"): buf.append(0x0C)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), pos + 6 <= bytes.count,
                       bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") {
                        pos += 2
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low &- 0xDC00)
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    buf.append(contentsOf: Array(String(scalar).utf8))
                default: buf.append(e)
                }
                continue
            }
            if b < 0x20 { throw fail("управляющий символ в строке") }
            buf.append(b)
            pos += 1
        }
        throw fail("незакрытая строка")
    }
}
