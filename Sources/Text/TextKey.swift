/// A text as a dictionary or set key, compared and hashed as its UTF-8 bytes: `String`
/// hashing normalises Unicode as it goes, several times slower for Cyrillic. (Two spellings
/// that differ only in normalisation are then different keys, which only costs a second parse.)
public struct TextKey: Hashable {
    public var text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: Self, b: Self) -> Bool { sameBytes(a.text, b.text) }

    public func hash(into hasher: inout Hasher) { hashBytes(text, into: &hasher) }
}

/// Whether two texts are the same bytes.
public func sameBytes(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
}

/// Feeds a text's bytes (and length, so that consecutive texts stay apart) to a hasher.
public func hashBytes(_ text: String, into hasher: inout Hasher) {
    var text = text
    // Sound: the buffer is the string's own contiguous UTF-8, read only within the closure.
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    hasher.combine(text.utf8.count)
}
