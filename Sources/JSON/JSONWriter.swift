import Foundation

/// Writes JSON as UTF-8 text: non-ASCII kept as is, keys in the order a value encodes them.
///
/// With an indent, each element of an array or object goes on its own line, indented by its
/// depth, and empty ones are `[]` and `{}`; an array or object of plain values only (strings,
/// numbers, booleans, nulls) that fits on a line of `lineWidth` characters is written on one
/// line, as `{"from": "2023-01-01", "to": "2025-12-31"}` and `["recurring"]`. Indent 0 writes
/// everything on one line without spaces.
///
/// Any `Encodable` is written as it encodes itself, streamed (`JSONStreamEncoder` into `JSONLayout`): an export
/// is written straight to text without building a tree first. Optional properties are written
/// as `null` when absent, also through synthesised conformances: the export lists every field.
public struct JSONWriter: Sendable {
    /// The widest line, in characters with its indentation, that a plain array or object is joined into.
    public static let lineWidth = 100

    public var indent: Int

    public init(indent: Int = 2) { self.indent = indent }

    public func bytes(_ value: some Encodable) throws -> [UInt8] {
        let text = JSONText(indent: indent)
        try JSONStreamEncoder.write(value, to: text)
        return text.layout.bytes
    }

    public func string(_ value: some Encodable) throws -> String {
        String(decoding: try bytes(value), as: UTF8.self)
    }

    /// Streams `value` to `sink` a piece at a time as the text is settled, so that a large export
    /// is never held whole: memory stays at about `JSONText.pieceSize` bytes.
    public func write(_ value: some Encodable, to sink: @escaping (ArraySlice<UInt8>) throws -> Void) throws {
        let text = JSONText(indent: indent, sink: sink)
        try JSONStreamEncoder.write(value, to: text)
        try text.flush(all: true)
    }

    /// A tree cannot fail to encode.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var layout = JSONLayout(indent: indent)
        layout.write(value)
        return layout.bytes
    }

    public func string(_ value: JSONValue) -> String { String(decoding: bytes(value), as: UTF8.self) }

    /// A JSON string literal: quotes, backslashes and control characters escaped,
    /// U+2028/U+2029 too (they end lines in JavaScript); everything else as UTF-8.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            guard utf8.contains(where: mayNeedEscape) else {
                out.append(contentsOf: utf8)
                return
            }
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                case ..<0x20: out.append(contentsOf: "\\u00\(hexDigit(b >> 4))\(hexDigit(b & 0xF))".utf8)
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    out.append(contentsOf: (utf8[i + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                    i += 2
                default: out.append(b)
                }
                i += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Below 0x20, `"`, `\` and 0xE2 (which starts U+2028 and U+2029, among others).
    private static func mayNeedEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0xE2
    }

    private static func hexDigit(_ v: UInt8) -> Character { Character(String(v, radix: 16)) }

    /// Whole numbers below 10^15 without a fraction; not finite ones as `null`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension JSONValue {
    /// The tree of any `Encodable`, read back from the text it writes.
    public init(encoding value: some Encodable) throws {
        self = try JSONParser.parse(bytes: try JSONWriter(indent: 0).bytes(value))
    }

    /// A value decoded from this tree through its `Decodable` conformance.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(type, from: Data(JSONWriter(indent: 0).bytes(self)))
    }
}

extension Encodable {
    /// The value's JSON tree, for callers that read or compare it. Model values cannot fail to
    /// encode; should some other value's encoding throw, the tree is the error's description.
    public var json: JSONValue {
        do { return try JSONValue(encoding: self) } catch { return .string("\(error)") }
    }
}

/// The text being written, with the layout's state: the arrays and objects still open.
///
/// The innermost open array or object is written joined on one line while it may still fit,
/// and broken onto lines (`breakInnermost`) when an array or object opens inside it or its line
/// grows too wide; so each byte is written once and only a broken container's bytes are moved.
struct JSONLayout {
    private struct Open {
        /// Where its bracket is.
        var start: Int
        /// Where each element starts, while it is joined.
        var elements: [Int] = []
        var joined: Bool
        var isEmpty = true
    }

    private(set) var bytes: [UInt8] = []
    private let indent: Int
    private var open: [Open] = []
    /// Whether a key was just written, so the next value follows it on the same line.
    private var afterKey = false
    /// Where the current line starts.
    private var lineStart = 0

    init(indent: Int) {
        self.indent = indent
        bytes.reserveCapacity(4096)
    }

    /// The bytes no later layout decision can change, taken off the front of `bytes`: everything
    /// before the current line and before the innermost array or object still joined on one line
    /// (with no indent, nothing is joined or measured: everything).
    mutating func takeSettled() -> ArraySlice<UInt8> {
        var end = indent > 0 ? lineStart : bytes.count
        if let last = open.last, last.joined { end = min(end, last.start) }
        guard end > 0 else { return [] }
        let settled = bytes[0..<end]
        bytes.removeSubrange(0..<end)
        lineStart -= end
        for i in open.indices {
            open[i].start -= end
            for j in open[i].elements.indices { open[i].elements[j] -= end }
        }
        return settled
    }

    /// Everything written, once the value is complete.
    mutating func takeAll() -> ArraySlice<UInt8> {
        defer { bytes.removeAll() }
        return bytes[...]
    }

    mutating func openArray() { openContainer("[") }
    mutating func openObject() { openContainer("{") }
    mutating func closeArray() { closeContainer("]") }
    mutating func closeObject() { closeContainer("}") }

    mutating func key(_ name: String) {
        startElement()
        JSONWriter.escape(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if indent > 0 { bytes.append(0x20) }
        afterKey = true
    }

    mutating func null() { scalar("null") }
    mutating func bool(_ value: Bool) { scalar(value ? "true" : "false") }
    mutating func number(_ value: Double) { scalar(JSONWriter.number(value)) }

    mutating func string(_ value: String) {
        startValue()
        JSONWriter.escape(value, into: &bytes)
        fitInnermost()
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: null()
        case let .bool(b): bool(b)
        case let .number(n): number(n)
        case let .string(s): string(s)
        case let .array(items):
            openArray()
            for item in items { write(item) }
            closeArray()
        case let .object(pairs):
            openObject()
            for (name, item) in pairs {
                key(name)
                write(item)
            }
            closeObject()
        }
    }

    private mutating func scalar(_ text: String) {
        startValue()
        bytes.append(contentsOf: text.utf8)
        fitInnermost()
    }

    private mutating func startValue() {
        if afterKey { afterKey = false } else { startElement() }
    }

    /// The separator and line break in front of an array element or an object key.
    private mutating func startElement() {
        guard !open.isEmpty else { return }
        let first = open[open.count - 1].isEmpty
        open[open.count - 1].isEmpty = false
        if !first { bytes.append(UInt8(ascii: ",")) }
        if open[open.count - 1].joined {
            if !first { bytes.append(0x20) }
            open[open.count - 1].elements.append(bytes.count)
        } else {
            newline(depth: open.count)
        }
    }

    private mutating func openContainer(_ bracket: Character) {
        if open.last?.joined == true { breakInnermost() }  // an array or object inside: not plain
        startValue()
        open.append(Open(start: bytes.count, joined: indent > 0))
        bytes.append(contentsOf: bracket.utf8)
        fitInnermost()
    }

    private mutating func closeContainer(_ bracket: Character) {
        let closed = open.removeLast()
        if !closed.joined && !closed.isEmpty { newline(depth: open.count) }
        bytes.append(contentsOf: bracket.utf8)
    }

    private mutating func newline(depth: Int) {
        guard indent > 0 else { return }
        bytes.append(0x0A)
        lineStart = bytes.count
        for _ in 0..<(indent * depth) { bytes.append(0x20) }
    }

    /// Breaks the innermost joined array or object onto lines once its line, with the closing
    /// bracket, passes `lineWidth` characters (UTF-8 continuation bytes do not count).
    private mutating func fitInnermost() {
        guard open.last?.joined == true, bytes.count - lineStart + 1 > JSONWriter.lineWidth else { return }
        let characters = bytes[lineStart...].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        if characters + 1 > JSONWriter.lineWidth { breakInnermost() }
    }

    /// Puts each element of the innermost joined array or object on a line of its own, as if it
    /// had never been joined; what follows is written that way too.
    private mutating func breakInnermost() {
        let container = open[open.count - 1]
        open[open.count - 1].joined = false
        open[open.count - 1].elements = []
        guard !container.elements.isEmpty else { return }
        let written = Array(bytes[container.start...])
        bytes.removeSubrange(container.start...)
        bytes.append(written[0])  // the bracket
        for (n, elementStart) in container.elements.enumerated() {
            let end = n + 1 < container.elements.count ? container.elements[n + 1] - 2 : container.start + written.count
            if n > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(depth: open.count)
            bytes.append(contentsOf: written[(elementStart - container.start)..<(end - container.start)])
        }
    }
}

/// The text an encoder streams into: one layout shared by the containers of one value, and
/// where its settled bytes go when it is streamed.
final class JSONText {
    /// The settled bytes are handed on once they are this many.
    static let pieceSize = 64 * 1024

    var layout: JSONLayout
    private let sink: ((ArraySlice<UInt8>) throws -> Void)?

    init(indent: Int, sink: ((ArraySlice<UInt8>) throws -> Void)? = nil) {
        layout = JSONLayout(indent: indent)
        self.sink = sink
    }

    /// Hands the settled bytes to the sink: once there are enough of them, or `all` at the end.
    func flush(all: Bool = false) throws {
        guard let sink, all || layout.bytes.count >= JSONText.pieceSize else { return }
        let settled = all ? layout.takeAll() : layout.takeSettled()
        if !settled.isEmpty { try sink(settled) }
    }
}
