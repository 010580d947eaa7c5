/// Streams an `Encodable` into `JSONText` as it encodes itself.
///
/// A value's array or object is closed when its `encode(to:)` returns. Containers are written
/// in the order they are asked for, so a value encodes its fields one after the other and does
/// not interleave a nested container with its own fields (`nestedContainer` is written in place;
/// the synthesised conformances and every model type encode this way).
struct JSONStreamEncoder: Encoder {
    let text: JSONText
    /// What this value opened, to be closed when its encoding returns.
    let opened: OpenedContainer
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    final class OpenedContainer {
        enum Kind { case none, array, object }
        var kind = Kind.none
    }

    /// Writes a whole value: a scalar directly, anything else through its `encode(to:)`.
    static func write<T: Encodable>(_ value: T, to text: JSONText) throws {
        // Scalars are told apart by their type, which is cheaper than trying casts one by one.
        if T.self == String.self {
            text.layout.string(value as! String)
        } else if T.self == Int.self {
            text.layout.number(Double(value as! Int))
        } else if T.self == Bool.self {
            text.layout.bool(value as! Bool)
        } else if T.self == Double.self {
            text.layout.number(value as! Double)
        } else if T.self == JSONValue.self {
            text.layout.write(value as! JSONValue)
        } else {
            let opened = OpenedContainer()
            try value.encode(to: JSONStreamEncoder(text: text, opened: opened))
            switch opened.kind {
            case .none: break
            case .array: text.layout.closeArray()
            case .object: text.layout.closeObject()
            }
            try text.flush()
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if opened.kind == .none {
            opened.kind = .object
            text.layout.openObject()
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(text: text))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if opened.kind == .none {
            opened.kind = .array
            text.layout.openArray()
        }
        return UnkeyedContainer(text: text)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(text: text) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let text: JSONText
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        text.layout.key(key.stringValue)
        text.layout.null()
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        text.layout.key(key.stringValue)
        try JSONStreamEncoder.write(value, to: text)
    }

    // Absent optionals are written as null: every field of the export is listed.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                         forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("JSONStreamEncoder: encode a nested value instead of a nested container")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("JSONStreamEncoder: encode a nested value instead of a nested container")
    }

    mutating func superEncoder() -> any Encoder {
        preconditionFailure("JSONStreamEncoder: super encoders are not supported")
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        preconditionFailure("JSONStreamEncoder: super encoders are not supported")
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let text: JSONText
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(text: JSONText) { self.text = text }

    mutating func encodeNil() throws {
        count += 1
        text.layout.null()
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        count += 1
        try JSONStreamEncoder.write(value, to: text)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("JSONStreamEncoder: encode a nested value instead of a nested container")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("JSONStreamEncoder: encode a nested value instead of a nested container")
    }

    mutating func superEncoder() -> any Encoder {
        preconditionFailure("JSONStreamEncoder: super encoders are not supported")
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let text: JSONText
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { text.layout.null() }
    mutating func encode(_ value: Bool) throws { text.layout.bool(value) }
    mutating func encode(_ value: String) throws { text.layout.string(value) }
    mutating func encode(_ value: Double) throws { text.layout.number(value) }
    mutating func encode(_ value: Float) throws { text.layout.number(Double(value)) }
    mutating func encode(_ value: Int) throws { text.layout.number(Double(value)) }
    mutating func encode(_ value: Int8) throws { text.layout.number(Double(value)) }
    mutating func encode(_ value: Int16) throws { text.layout.number(Double(value)) }
    mutating func encode(_ value: Int32) throws { text.layout.number(Double(value)) }
    mutating func encode(_ value: Int64) throws { text.layout.number(Double(value)) }
    mutating func encode(_ value: UInt) throws { text.layout.number(Double(value)) }
    mutating func encode(_ value: UInt8) throws { text.layout.number(Double(value)) }
    mutating func encode(_ value: UInt16) throws { text.layout.number(Double(value)) }
    mutating func encode(_ value: UInt32) throws { text.layout.number(Double(value)) }
    mutating func encode(_ value: UInt64) throws { text.layout.number(Double(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try JSONStreamEncoder.write(value, to: text) }
}
