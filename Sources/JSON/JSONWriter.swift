import Foundation

/// Writes JSON as UTF-8 text: non-ASCII kept as is, keys in their given order.
///
/// With an indent, each element of an array or object goes on its own line, indented by its
/// depth, and empty ones are `[]` and `{}`; an array or object of plain values only (strings,
/// numbers, booleans, nulls) that fits on a line of `lineWidth` characters is written on one
/// line, as `{"from": "2023-01-01", "to": "2025-12-31"}` and `["recurring"]`. Indent 0 writes
/// everything on one line without spaces.
public struct JSONWriter: Sendable {
    /// The widest line, in characters with its indentation, that a plain array or object is joined into.
    public static let lineWidth = 100

    public var indent: Int

    public init(indent: Int = 2) { self.indent = indent }

    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, depth: 0, lineStart: 0, into: &out)
        return out
    }

    public func string(_ value: JSONValue) -> String { String(decoding: bytes(value), as: UTF8.self) }

    public func bytes(_ value: some Encodable) -> [UInt8] { bytes(value.json) }

    public func string(_ value: some Encodable) -> String { string(value.json) }

    /// Writes `value`, whose line started at `lineStart` in `out`.
    private func write(_ value: JSONValue, depth: Int, lineStart: Int, into out: inout [UInt8]) {
        switch value {
        case let .array(items):
            writeContainer(open: "[", close: "]", count: items.count, depth: depth, lineStart: lineStart, into: &out,
                           isPlain: items.allSatisfy(\.isScalar)) { i, line, out in
                write(items[i], depth: depth + 1, lineStart: line, into: &out)
            }
        case let .object(pairs):
            writeContainer(open: "{", close: "}", count: pairs.count, depth: depth, lineStart: lineStart, into: &out,
                           isPlain: pairs.allSatisfy(\.1.isScalar)) { i, line, out in
                Self.escape(pairs[i].0, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent > 0 { out.append(0x20) }
                write(pairs[i].1, depth: depth + 1, lineStart: line, into: &out)
            }
        default:
            writeScalar(value, into: &out)
        }
    }

    /// An array or object: joined on one line when plain and narrow enough, else one element a line.
    private func writeContainer(open: Character, close: Character, count: Int, depth: Int, lineStart: Int,
                                into out: inout [UInt8], isPlain: Bool,
                                element: (_ index: Int, _ lineStart: Int, inout [UInt8]) -> Void) {
        let start = out.count
        out.append(contentsOf: open.utf8)
        guard count > 0 else {
            out.append(contentsOf: close.utf8)
            return
        }
        if indent == 0 || isPlain {
            for i in 0..<count {
                if i > 0 { out.append(contentsOf: indent == 0 ? [UInt8(ascii: ",")] : Array(", ".utf8)) }
                element(i, lineStart, &out)
            }
            out.append(contentsOf: close.utf8)
            if indent == 0 || Self.characters(in: out[lineStart...]) <= Self.lineWidth { return }
            out.removeSubrange(start + 1..<out.count)  // too wide: written again, one element a line
        }
        for i in 0..<count {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            let elementLine = newline(depth + 1, into: &out)
            element(i, elementLine, &out)
        }
        _ = newline(depth, into: &out)
        out.append(contentsOf: close.utf8)
    }

    /// A line break and the indentation of `depth`; returns where the new line starts.
    private func newline(_ depth: Int, into out: inout [UInt8]) -> Int {
        out.append(0x0A)
        let start = out.count
        out.append(contentsOf: repeatElement(0x20, count: indent * depth))
        return start
    }

    private func writeScalar(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .number(n): out.append(contentsOf: Self.number(n).utf8)
        case let .string(s): Self.escape(s, into: &out)
        case .array, .object: break
        }
    }

    /// Whole numbers below 10^15 without a fraction; not finite ones as `null`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Characters (not bytes) of UTF-8 text: continuation bytes do not count.
    private static func characters(in bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped,
    /// U+2028/U+2029 too (they end lines in JavaScript); everything else as UTF-8.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case ..<0x20: out.append(contentsOf: "\\u00\(hexDigit(b >> 4))\(hexDigit(b & 0xF))".utf8)
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                out.append(contentsOf: (bytes[i + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ v: UInt8) -> Character { Character(String(v, radix: 16)) }

    /// A JSON string literal appended to a `String`.
    public static func escape(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}

extension JSONValue {
    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// A value decoded from this tree through its `Decodable` conformance.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(type, from: Data(JSONWriter(indent: 0).bytes(self)))
    }
}
