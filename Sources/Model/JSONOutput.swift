/// Where a value's JSON goes, one event at a time: `JSONBytesOutput` writes the text
/// as `JSONWriter` formats it, `JSONTreeOutput` builds a `JSONValue`. A type says once
/// how it encodes (`JSONEncodable`) and both forms follow from that one definition, so
/// the per-file export is written straight to bytes without building a tree first.
public protocol JSONOutput {
    mutating func null()
    mutating func bool(_ value: Bool)
    mutating func number(_ value: Double)
    mutating func string(_ value: String)
    /// A day as its ISO string; `JSONBytesOutput` writes the digits without building the string.
    mutating func day(_ value: Day)
    mutating func beginArray()
    mutating func endArray()
    mutating func beginObject()
    /// Names the next value of the open object.
    mutating func key(_ name: String)
    mutating func endObject()
}

/// A value that writes itself into any `JSONOutput`; its `json` tree comes from the same encoding.
public protocol JSONEncodable: JSONRepresentable {
    func encode<Output: JSONOutput>(into out: inout Output)

    /// `encode(into:)` for each of the two outputs, supplied by the extension below and not meant
    /// to be written by hand. Being requirements, they are compiled for each conforming type where
    /// the conformance is declared, with the output type known; a caller in another module reaching
    /// the generic `encode` directly would run unspecialised code, as slow as building the tree.
    func encodeBytes(into out: inout JSONBytesOutput)
    func encodeTree(into out: inout JSONTreeOutput)
}

extension JSONEncodable {
    public func encodeBytes(into out: inout JSONBytesOutput) { encode(into: &out) }
    public func encodeTree(into out: inout JSONTreeOutput) { encode(into: &out) }

    public var json: JSONValue {
        var out = JSONTreeOutput()
        encodeTree(into: &out)
        return out.value
    }
}

extension JSONOutput {
    public mutating func day(_ value: Day) { string(value.iso) }

    public mutating func field(_ name: String, _ value: Day?) {
        key(name)
        if let value { day(value) } else { null() }
    }

    /// A string, or `null` for nil.
    public mutating func string(orNull value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func object(_ fields: (inout Self) -> Void) {
        beginObject()
        fields(&self)
        endObject()
    }

    public mutating func array<Items: Sequence>(_ items: Items, _ element: (inout Self, Items.Element) -> Void) {
        beginArray()
        for item in items { element(&self, item) }
        endArray()
    }

    public mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(orNull: value)
    }

    /// Whole numbers are written without a fraction (`JSONWriter`'s number format).
    public mutating func field(_ name: String, _ value: Int?) {
        key(name)
        if let value { number(Double(value)) } else { null() }
    }

    public mutating func field(_ name: String, _ value: (some JSONEncodable)?) {
        key(name)
        if let value { value.encode(into: &self) } else { null() }
    }

    public mutating func field(_ name: String, _ values: [some JSONEncodable]) {
        key(name)
        array(values) { out, value in value.encode(into: &out) }
    }
}

extension JSONValue: JSONEncodable {
    public var json: JSONValue { self }

    public func encode<Output: JSONOutput>(into out: inout Output) {
        switch self {
        case .null: out.null()
        case let .bool(b): out.bool(b)
        case let .number(n): out.number(n)
        case let .string(s): out.string(s)
        case let .array(items): out.array(items) { out, item in item.encode(into: &out) }
        case let .object(pairs):
            out.object { out in
                for (name, value) in pairs {
                    out.key(name)
                    value.encode(into: &out)
                }
            }
        }
    }
}

/// Builds the `JSONValue` of an encoding: for callers that read or compare the tree.
public struct JSONTreeOutput: JSONOutput {
    /// An array or object still open: its keys (objects only) and values so far.
    private struct Open {
        var keys: [String] = []
        var values: [JSONValue] = []
    }

    private var open: [Open] = []
    /// The finished value once every array and object is closed.
    public private(set) var value: JSONValue = .null

    public init() {}

    private mutating func add(_ v: JSONValue) {
        if open.isEmpty { value = v } else { open[open.count - 1].values.append(v) }
    }

    public mutating func null() { add(.null) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func number(_ value: Double) { add(.number(value)) }
    public mutating func string(_ value: String) { add(.string(value)) }
    public mutating func beginArray() { open.append(Open()) }
    public mutating func endArray() { add(.array(open.removeLast().values)) }
    public mutating func beginObject() { open.append(Open()) }
    public mutating func key(_ name: String) { open[open.count - 1].keys.append(name) }

    public mutating func endObject() {
        let closed = open.removeLast()
        add(.object(Array(zip(closed.keys, closed.values))))
    }
}
