import Foundation

/// One lexical unit of a deadline cell.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case word, number, dash, comma, dot, slash, openParen, closeParen, quote, placeholder, other
    }

    var kind: Kind
    /// The text as written.
    var text: String
    /// Lower case with `ё` as `е`, for table look-ups.
    var key: String
    /// Numbers: the value (capped) and how many digits were written.
    var value: Int = 0
    var digits: Int = 0
    /// Whether white space stood before the token.
    var spaceBefore: Bool = false

    var isWordLike: Bool { kind == .word || kind == .number }
}

/// A hand-written, single-pass tokenizer: linear in the text, no regular expressions.
enum Tokenizer {
    static func tokenize(_ text: String, lexicon: Lexicon) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var space = false
        while i < scalars.count {
            let c = scalars[i]
            if isSpace(c) {
                space = true
                i += 1
                continue
            }
            if lexicon.isPlaceholder(c) {
                var j = i
                while j < scalars.count, lexicon.isPlaceholder(scalars[j]) { j += 1 }
                tokens.append(Token(kind: .placeholder, text: string(scalars[i..<j]), key: "_", spaceBefore: space))
                i = j
            } else if isDigit(c) {
                var j = i
                var value = 0
                while j < scalars.count, isDigit(scalars[j]) {
                    if value < 1_000_000 { value = value * 10 + Int(scalars[j].value - 48) }
                    j += 1
                }
                let digits = string(scalars[i..<j])
                tokens.append(Token(kind: .number, text: digits, key: digits, value: value, digits: j - i,
                                    spaceBefore: space))
                i = j
            } else if isLetter(c) {
                var j = i
                while j < scalars.count, isLetter(scalars[j]) { j += 1 }
                let word = string(scalars[i..<j])
                let key = Lexicon.fold(scalars[i..<j])
                let kind: Token.Kind = lexicon.isPlaceholderWord(key) ? .placeholder : .word
                tokens.append(Token(kind: kind, text: word, key: key, spaceBefore: space))
                i = j
            } else {
                tokens.append(Token(kind: punctuationKind(c), text: String(Character(c)), key: String(Character(c)),
                                    spaceBefore: space))
                i += 1
            }
            space = false
        }
        return tokens
    }

    /// The scalars as a string, encoded by hand: `UnicodeScalarView.append(contentsOf:)` is slow.
    private static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(slice.count * 2)
        for c in slice { UTF8.encode(c) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value <= 0x20 || c.value == 0x7F }
        return c.properties.isWhitespace
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { (48...57).contains(c.value) }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0x400...0x4FF: return true
        case 0...0x7F: return false
        default: return c.properties.isAlphabetic
        }
    }

    private static func punctuationKind(_ c: Unicode.Scalar) -> Token.Kind {
        switch c {
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": return .dash
        case ",", ";": return .comma
        case ".": return .dot
        case "/", "\\": return .slash
        case "(", "[", "{": return .openParen
        case ")", "]", "}": return .closeParen
        case "«", "»", "\"", "“", "”", "„", "'", "‘", "’": return .quote
        default: return .other
        }
    }
}
