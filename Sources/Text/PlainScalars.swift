/// The scalars the stages' fast paths (recognition, responsibles) read one by one: ASCII, basic Cyrillic
/// (U+0400–U+045F), Latin-1 punctuation (U+0080–U+00BF), the dashes, quotes and bullets
/// of U+2010–U+2027, and `№`. None of them combines with its neighbours (`\r\n` aside),
/// so on such a text one scalar is one `Character` and byte comparisons agree with
/// `String`'s. A text holding anything else takes the general (Character-level) path.
/// One table for every stage; inlinable so that it stays a fast path in the stages using it.
public enum PlainScalars {
    /// The scalar starting at byte `i` and its width, or nil when it is not a plain one.
    @inlinable @inline(__always)
    public static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: UInt32, width: Int)? {
        let c = b[i]
        // `\r` is left out: `\r\n` is one character.
        if c < 0x80 { return c == 0x0D ? nil : (UInt32(c), 1) }
        guard i + 1 < b.count else { return nil }
        let n = b[i + 1]
        switch c {
        case 0xC2 where n >= 0x80 && n <= 0xBF, 0xD0 where n >= 0x80 && n <= 0xBF, 0xD1 where n >= 0x80 && n <= 0x9F:
            return (UInt32(c & 0x1F) << 6 | UInt32(n & 0x3F), 2)
        case 0xE2:
            guard i + 2 < b.count else { return nil }
            let m = b[i + 2]
            if n == 0x80 && m >= 0x90 && m <= 0xA7 { return (0x2000 | UInt32(m & 0x3F), 3) }
            if n == 0x84 && m == 0x96 { return (0x2116, 3) }
            return nil
        default:
            return nil
        }
    }

    /// `Character.isLetter` for a plain scalar.
    @inlinable @inline(__always)
    public static func isLetter(_ s: UInt32) -> Bool {
        if s < 0x80 { return (s | 0x20) >= 0x61 && (s | 0x20) <= 0x7A }
        if s >= 0x400 && s <= 0x45F { return true }
        return s == 0xAA || s == 0xB5 || s == 0xBA
    }

    /// `Character.isUppercase` for a plain scalar.
    @inlinable @inline(__always)
    public static func isUppercase(_ s: UInt32) -> Bool {
        (s >= 0x41 && s <= 0x5A) || (s >= 0x400 && s <= 0x42F)
    }

    /// `Character.isLowercase` for a plain scalar.
    @inlinable @inline(__always)
    public static func isLowercase(_ s: UInt32) -> Bool {
        (s >= 0x61 && s <= 0x7A) || (s >= 0x430 && s <= 0x45F) || s == 0xAA || s == 0xB5 || s == 0xBA
    }

    /// The lower-case form of a plain scalar (`String.lowercased()`).
    @inlinable @inline(__always)
    public static func lowercased(_ s: UInt32) -> UInt32 {
        if s >= 0x41 && s <= 0x5A { return s + 0x20 }
        if s >= 0x410 && s <= 0x42F { return s + 0x20 }
        if s >= 0x400 && s <= 0x40F { return s + 0x50 }
        return s
    }

    /// Appends the UTF-8 bytes of a plain scalar.
    @inlinable @inline(__always)
    public static func append(_ s: UInt32, to out: inout [UInt8]) {
        if s < 0x80 {
            out.append(UInt8(s))
        } else if s < 0x800 {
            out.append(UInt8(0xC0 | (s >> 6)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (s >> 12)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        }
    }

    /// The string of plain scalars.
    @inlinable
    public static func string<S: Sequence<UInt32>>(_ scalars: S) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount * 2)
        for s in scalars { append(s, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `Character.isWhitespace` for a plain scalar.
    @inlinable @inline(__always)
    public static func isWhitespace(_ s: UInt32) -> Bool { (s >= 0x09 && s <= 0x0D) || s == 0x20 || s == 0x85 || s == 0xA0 }

    /// `Character.isNumber` for a plain scalar: digits, and `¹ ² ³ ¼ ½ ¾`.
    @inlinable @inline(__always)
    public static func isNumber(_ s: UInt32) -> Bool {
        (s >= 0x30 && s <= 0x39) || s == 0xB2 || s == 0xB3 || s == 0xB9 || (s >= 0xBC && s <= 0xBE)
    }

    /// True when the bytes `bytes` stand in `b` at `i` (a plain loop: `elementsEqual` on slices is generic and slow).
    @inlinable @inline(__always)
    public static func has(_ bytes: [UInt8], in b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i >= 0, i + bytes.count <= b.count else { return false }
        var k = 0
        while k < bytes.count, b[i + k] == bytes[k] { k += 1 }
        return k == bytes.count
    }

    /// True when `text` holds the byte `byte` (an ASCII character), read off its contiguous bytes.
    @inlinable
    public static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? text.utf8.contains(byte)
    }

    /// True when every scalar of the text is plain.
    @inlinable
    public static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isPlain($0) }
    }

    /// True when every scalar of the bytes is plain.
    @inlinable
    public static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            guard let (_, w) = decode(b, i) else { return false }
            i += w
        }
        return true
    }

    /// `text.count`: on a plain text the number of its scalars, counted on the bytes.
    @inlinable
    public static func characterCount(_ text: String) -> Int {
        var text = text
        let plainCount: Int? = text.withUTF8 { b in
            var i = 0
            var count = 0
            while i < b.count {
                guard let (_, w) = decode(b, i) else { return nil }
                i += w
                count += 1
            }
            return count
        }
        return plainCount ?? text.count
    }

    /// The plain scalars of `text`, or nil when it holds any other.
    @inlinable
    public static func scalars(of text: String) -> [UInt32]? {
        var text = text
        return text.withUTF8 { b -> [UInt32]? in
            var out: [UInt32] = []
            out.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                guard let (s, w) = decode(b, i) else { return nil }
                out.append(s)
                i += w
            }
            return out
        }
    }
}
