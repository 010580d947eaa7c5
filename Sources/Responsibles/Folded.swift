import Foundation

/// A word folded for lexicon lookups (`Words.fold`), hashed once and compared by its UTF-8 bytes:
/// `String` hashes and compares Cyrillic text through Unicode normalisation, slow on Linux, and
/// the rules look every token up in a dozen sets. The text is kept in NFC, so equal bytes are
/// exactly canonically equal strings, as `String ==` compares.
struct Folded: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    let text: String
    private let hash: UInt64

    /// `text` as it is: it must already be folded.
    init(_ text: String) {
        // Words of ASCII and basic Cyrillic are NFC already; only the rest is normalised.
        self.text = Words.isPlain(text) ? text : text.precomposedStringWithCanonicalMapping
        self.hash = Self.fnv(self.text.utf8)
    }

    init(stringLiteral value: String) { self.init(value) }

    /// FNV-1a of the bytes.
    private static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    var description: String { text }

    static func == (a: Folded, b: Folded) -> Bool {
        a.hash == b.hash && a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
