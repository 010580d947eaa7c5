/// Writes JSON as UTF-8 text: non-ASCII kept as is, keys in their given order.
/// Works on bytes: exports of large roadmaps are written for every file of a batch.
public struct JSONWriter: Sendable {
    public var indent: Int

    /// `indent` 0 writes everything on one line.
    public init(indent: Int = 2) { self.indent = indent }

    public func string(_ value: some JSONEncodable) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    public func bytes(_ value: some JSONEncodable) -> [UInt8] { encoded(value) }

    // The `JSONValue` forms let callers write `.object(…)` and `.array(…)` in place.
    public func string(_ value: JSONValue) -> String { String(decoding: encoded(value), as: UTF8.self) }
    public func bytes(_ value: JSONValue) -> [UInt8] { encoded(value) }

    private func encoded(_ value: some JSONEncodable) -> [UInt8] {
        var out = JSONBytesOutput(indent: indent)
        value.encodeBytes(into: &out)
        return out.bytes
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped,
    /// U+2028/U+2029 too (they end lines in JavaScript); everything else as UTF-8.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        var buffer = ByteBuffer(capacity: s.utf8.count + 2)
        escape(s, into: &buffer)
        out += buffer.bytes
    }

    /// A JSON string literal appended to a `String`.
    public static func escape(_ s: String, into out: inout String) {
        var buffer = ByteBuffer(capacity: s.utf8.count + 2)
        escape(s, into: &buffer)
        out += String(decoding: buffer.bytes, as: UTF8.self)
    }

    static func escape(_ s: String, into out: inout ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                // Most text needs no escape: eight bytes at a time are passed over until some may.
                // The last eight bytes are tested as one word too, overlapping bytes already passed.
                let word = min(i, bytes.count - 8)
                if word >= 0, !mayNeedEscape(UnsafeRawPointer(bytes.baseAddress! + word).loadUnaligned(as: UInt64.self)) {
                    i = word + 8
                    continue
                }
                let stop = min(i + 8, bytes.count)
                while i < stop {
                    let b = bytes[i]
                    guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0xE2 else {
                        i += 1
                        continue
                    }
                    // 0xE2 starts U+2028 and U+2029, which are escaped, and other characters, which are not.
                    let lineSeparator = b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80
                        && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
                    if b == 0xE2, !lineSeparator {
                        i += 1
                        continue
                    }
                    out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    switch b {
                    case UInt8(ascii: "\""): out.append("\\\"")
                    case UInt8(ascii: "\\"): out.append("\\\\")
                    case 0x0A: out.append("\\n")
                    case 0x0D: out.append("\\r")
                    case 0x09: out.append("\\t")
                    case 0..<0x20:
                        out.append("\\u00")
                        out.append(hexDigit(b >> 4))
                        out.append(hexDigit(b & 0xF))
                    default: out.append(bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    }
                    i += lineSeparator ? 3 : 1
                    runStart = i
                }
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes may need an escape: below 0x20, `"`, `\\` or 0xE2.
    /// The standard word tests: (x - 0x01…) & ~x & 0x80… is non-zero exactly when a byte of x is
    /// zero, and with 0x20… subtracted when a byte is below 0x20.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        return (word &- ones &* 0x20) & ~word & highs != 0
            || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) || hasZeroByte(word ^ (ones &* 0xE2))
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }
}

/// The text `JSONWriter` writes, built event by event: each element of an array or
/// object on its own line, indented by its depth; empty ones as `[]` and `{}`. An array or
/// object of plain values only (strings, numbers, booleans, nulls) that fits on a line of
/// `lineWidth` characters is written on one line, as `{"from": "2023-01-01", "to": "2025-12-31"}`
/// and `["recurring"]`: a roadmap's dates and kinds read as one line each, not four.
///
/// The innermost open array or object is written joined while it may still fit, and broken
/// onto lines (`breakJoined`) when an array or object opens inside it or its line grows too
/// wide; so each byte is written once and only a broken container's bytes are moved.
public struct JSONBytesOutput: JSONOutput {
    /// The widest line, in characters with its indentation, that a plain array or object is joined into.
    public static let lineWidth = 100

    private var buffer: ByteBuffer
    private let indent: Int
    /// Arrays and objects open around the next element.
    private var depth = 0
    /// Whether the innermost open array or object has no element yet.
    private var openIsEmpty = true
    /// Whether a key was just written, so the next value follows it on the same line.
    private var afterKey = false
    /// Where the current line starts in the buffer.
    private var lineStart = 0
    /// The bracket of the innermost open array or object while it is written joined, or -1.
    private var joinedStart = -1
    /// Where each element of the joined array or object starts.
    private var joinedElements: [Int] = []
    /// UTF-8 continuation bytes on the current line before `counted`, while an array or object is joined.
    private var continuationBytes = 0
    private var counted = 0
    /// Where a joined array or object is copied while it is broken onto lines.
    private var scratch = ByteBuffer(capacity: 256)

    public init(indent: Int = 2) {
        self.indent = indent
        buffer = ByteBuffer(capacity: 4096)
    }

    /// The text written so far.
    public var bytes: [UInt8] { buffer.bytes }

    /// A line break and the indentation of a level, cut from one literal (longer indents in pieces).
    private static let lineBreak: StaticString = "\n                                                                "

    /// The separator and line break in front of an array element or an object key.
    @inline(__always)
    private mutating func startElement() {
        guard depth > 0 else { return }
        if joinedStart >= 0 {
            if !openIsEmpty {
                buffer.append(UInt8(ascii: ","))
                buffer.append(0x20)
            }
            openIsEmpty = false
            joinedElements.append(buffer.count)
            return
        }
        if !openIsEmpty { buffer.append(UInt8(ascii: ",")) }
        openIsEmpty = false
        newline(depth)
    }

    private mutating func startValue() {
        if afterKey { afterKey = false } else { startElement() }
    }

    private mutating func newline(_ level: Int) {
        guard indent > 0 else { return }
        var width = indent * level
        lineStart = buffer.count + 1
        Self.lineBreak.withUTF8Buffer { line in
            let spaces = line.count - 1
            var run = min(width, spaces)
            buffer.append(UnsafeBufferPointer(rebasing: line[0..<1 + run]))
            width -= run
            while width > 0 {
                run = min(width, spaces)
                buffer.append(UnsafeBufferPointer(rebasing: line[1..<1 + run]))
                width -= run
            }
        }
    }

    /// Breaks the joined array or object onto lines once its line, with the closing bracket,
    /// passes `lineWidth` characters. Bytes are counted first: a line that many bytes long fits
    /// whatever its letters; only a longer one has its UTF-8 continuation bytes discounted.
    private mutating func measureJoined() {
        guard joinedStart >= 0, buffer.count - lineStart + 1 > Self.lineWidth else { return }
        continuationBytes += Self.continuationBytes(in: buffer.view(counted..<buffer.count))
        counted = buffer.count
        if buffer.count - lineStart - continuationBytes + 1 > Self.lineWidth { breakJoined() }
    }

    /// How many bytes are UTF-8 continuation bytes (10xxxxxx), eight at a time.
    private static func continuationBytes(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let highs: UInt64 = 0x8080_8080_8080_8080
        var count = 0
        var i = 0
        while i + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            count += (word & ~(word << 1) & highs).nonzeroBitCount  // bit 7 set, bit 6 clear
            i += 8
        }
        while i < bytes.count {
            if bytes[i] & 0xC0 == 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// Puts each element of the joined array or object on a line of its own, as if it had never
    /// been joined; what follows is written that way too.
    private mutating func breakJoined() {
        let start = joinedStart
        joinedStart = -1
        guard !joinedElements.isEmpty else { return }
        scratch.removeAll()
        scratch.append(buffer.view(start..<buffer.count))
        buffer.truncate(to: start)
        let joined = scratch.view(0..<scratch.count)
        buffer.append(joined[0])  // the bracket
        for (n, elementStart) in joinedElements.enumerated() {
            let end = n + 1 < joinedElements.count ? joinedElements[n + 1] - 2 : start + joined.count
            if n > 0 { buffer.append(UInt8(ascii: ",")) }
            newline(depth)
            buffer.append(UnsafeBufferPointer(rebasing: joined[elementStart - start..<end - start]))
        }
    }

    private mutating func open(_ bracket: UInt8) {
        if joinedStart >= 0 { breakJoined() }  // an array or object inside: not plain
        startValue()
        let start = buffer.count
        buffer.append(bracket)
        depth += 1
        openIsEmpty = true
        guard indent > 0 else { return }
        joinedStart = start
        joinedElements.removeAll(keepingCapacity: true)
        continuationBytes = 0
        counted = lineStart
        measureJoined()
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if joinedStart >= 0 {
            joinedStart = -1  // the bracket follows the last element on its line
        } else if !openIsEmpty {
            newline(depth)
        }
        buffer.append(bracket)
        openIsEmpty = false
    }

    public mutating func null() {
        startValue()
        buffer.append("null")
        measureJoined()
    }

    public mutating func bool(_ value: Bool) {
        startValue()
        buffer.append(value ? "true" : "false")
        measureJoined()
    }

    /// Whole numbers below 10^15 without a fraction; not finite ones as `null`.
    public mutating func number(_ value: Double) {
        startValue()
        if value.isFinite {
            var text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
            text.withUTF8 { buffer.append($0) }
        } else {
            buffer.append("null")
        }
        measureJoined()
    }

    public mutating func string(_ value: String) {
        startValue()
        JSONWriter.escape(value, into: &buffer)
        measureJoined()
    }

    /// `"YYYY-MM-DD"`, digits written in place: a roadmap's export holds hundreds of dates.
    public mutating func day(_ value: Day) {
        startValue()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { quoted in
            quoted[0] = UInt8(ascii: "\"")
            value.writeISO(into: UnsafeMutableBufferPointer(rebasing: quoted[1..<11]))
            quoted[11] = UInt8(ascii: "\"")
            buffer.append(UnsafeBufferPointer(quoted))
        }
        measureJoined()
    }

    public mutating func beginArray() { open(UInt8(ascii: "[")) }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }

    public mutating func key(_ name: String) {
        startElement()
        // Keys are mostly this program's own short ASCII names: copied as they are when no byte
        // needs an escape, which the general escape's word-at-a-time scan costs twice as much to find.
        var name = name
        let plain = name.withUTF8 { bytes -> Bool in
            guard bytes.count <= 32, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) else {
                return false
            }
            buffer.append(UInt8(ascii: "\""))
            buffer.append(bytes)
            buffer.append(UInt8(ascii: "\""))
            return true
        }
        if !plain { JSONWriter.escape(name, into: &buffer) }
        buffer.append(UInt8(ascii: ":"))
        if indent > 0 { buffer.append(0x20) }
        afterKey = true
    }

    public mutating func endObject() { close(UInt8(ascii: "}")) }
}
