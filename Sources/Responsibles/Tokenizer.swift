/// What stands between a token and the one before it.
struct Gap: OptionSet, Sendable, Hashable {
    let rawValue: Int
    static let comma = Gap(rawValue: 1)
    static let semicolon = Gap(rawValue: 2)
    static let line = Gap(rawValue: 4)
    static let paragraph = Gap(rawValue: 8)
    static let colon = Gap(rawValue: 16)
    static let dash = Gap(rawValue: 32)
    /// A tab or a run of spaces (justified text, a flattened table).
    static let wide = Gap(rawValue: 64)
    /// Nothing at all: `зам.директора` cut after the dot.
    static let glued = Gap(rawValue: 128)

    /// Only spaces (one or many) or nothing: never separates by itself.
    var isSoft: Bool { intersection([.comma, .semicolon, .line, .paragraph, .colon, .dash]).isEmpty }
    /// A comma or semicolon, a line or paragraph break, a colon or a spaced dash.
    var isStrong: Bool { !isSoft }
    /// Commas, semicolons, paragraph breaks, colons and dashes; a bare line break is weaker.
    var isPunctuation: Bool { !intersection([.comma, .semicolon, .paragraph, .colon, .dash]).isEmpty }
}

/// One word of a cell.
struct Token: Sendable {
    /// As written, without separating punctuation; a word rejoined over a hyphen loses its space.
    var word: String
    /// `word` lower case, `ё` as `е`, without surrounding brackets, quotes and final dots.
    var folded: Folded
    /// Character offsets into the tokenizer's `text`.
    var start: Int
    var end: Int
    var gap: Gap
    /// Bracket depth before the token.
    var depth: Int

    var opensBracket: Bool { depth == 0 && word.hasPrefix("(") }
}

/// Cuts a cell into tokens and keeps the text with whitespace folded, so that an entry's text
/// is the stretch of it between its first and last token.
struct Tokenizer {
    /// The cell with every run of whitespace (line breaks too) folded to one space.
    private(set) var text: [Character] = []
    private(set) var tokens: [Token] = []

    init(_ raw: String) {
        var words: [(start: Int, end: Int, gap: Gap)] = []
        var gap = Gap()
        var spaces = 0
        var newlines = 0
        var inWord = false
        for c in raw {
            // Most characters are letters of a word: only the others are asked what they are.
            if !Words.isCyrillicLetter(c) {
                if c.isNewline || c == "\u{2028}" || c == "\u{2029}" {
                    newlines += 1
                    inWord = false
                    continue
                }
                if c.isWhitespace {
                    spaces += c == "\t" ? 2 : 1
                    inWord = false
                    continue
                }
                if Words.isOne(c, of: "\u{AD}\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}") { continue }
            }
            if !inWord {
                if newlines >= 2 { gap.insert(.paragraph) } else if newlines == 1 { gap.insert(.line) }
                if spaces >= 2 { gap.insert(.wide) }
                if !text.isEmpty { text.append(" ") }
                words.append((text.count, text.count, gap))
                gap = []
                spaces = 0
                newlines = 0
                inWord = true
            }
            text.append(c)
            words[words.count - 1].end = text.count
        }
        var depth = 0
        var carried = Gap()
        for w in words {
            cut(w.start, w.end, gap: w.gap.union(carried), depth: &depth, carried: &carried)
        }
        mergeHyphens()
    }

    /// Splits one whitespace-delimited word at separating punctuation.
    private mutating func cut(_ start: Int, _ end: Int, gap: Gap, depth: inout Int, carried: inout Gap) {
        carried = []
        let chars = Array(text[start..<end])
        if depth == 0, chars.allSatisfy({ Words.isOne($0, of: "-‐‑–—") }) {
            carried = gap.union(.dash)
            return
        }
        var pieceStart = 0
        var pieceGap = gap
        var tokenDepth = depth
        func emit(_ upTo: Int, then next: Gap) {
            if upTo > pieceStart {
                appendToken(start + pieceStart, start + upTo, gap: pieceGap, depth: tokenDepth)
                pieceGap = next
            } else {
                pieceGap.formUnion(next)
            }
        }
        var k = 0
        while k < chars.count {
            let c = chars[k]
            if Words.isCyrillicLetter(c) { k += 1; continue }   // no punctuation to look at
            switch c {
            case "(":
                // `Алимова Н.Е.(по согласованию)`: a bracket opens a new token.
                if depth == 0, k > pieceStart {
                    emit(k, then: .glued)
                    pieceStart = k
                    tokenDepth = depth
                }
                depth += 1
            case "«", "“", "„": depth += 1
            case ")", "»", "”": depth = max(0, depth - 1)
            case ",", ";":
                guard depth == 0 else { break }
                let between = k > 0 && k + 1 < chars.count && chars[k - 1].isNumber && chars[k + 1].isNumber
                if !between {
                    emit(k, then: c == "," ? .comma : .semicolon)
                    pieceStart = k + 1
                    tokenDepth = depth
                }
            case ":":
                if depth == 0, k + 1 == chars.count || !chars[k + 1].isNumber {
                    emit(k, then: .colon)
                    pieceStart = k + 1
                    tokenDepth = depth
                }
            case ".":
                // `зам.директора`, `О.А.Кулешова`: a dot followed by a word of three letters or more.
                let rest = chars[(k + 1)...].prefix(while: Words.isLetter)
                if rest.count >= 3, k > pieceStart {
                    emit(k + 1, then: .glued)
                    pieceStart = k + 1
                    tokenDepth = depth
                }
            default: break
            }
            k += 1
        }
        emit(chars.count, then: [])
        if pieceStart >= chars.count { carried = pieceGap }
    }

    private mutating func appendToken(_ start: Int, _ end: Int, gap: Gap, depth: Int) {
        let word = Self.string(text[start..<end])
        guard word.contains(where: { Words.isLetterOrNumber($0) || Words.isOne($0, of: "()«»") }) else { return }
        tokens.append(Token(word: word, folded: Folded(Words.fold(Words.bare(word))), start: start, end: end, gap: gap, depth: depth))
    }

    /// `педагог- психолог`, `педагог -психолог` and a word hyphenated at a line end are one word.
    private mutating func mergeHyphens() {
        var merged: [Token] = []
        for token in tokens {
            if var last = merged.last, token.gap.subtracting([.line, .wide]).isEmpty,
               (Self.longerThanOne(last.word) && last.word.last.map { Words.isOne($0, of: "-‐‑") } == true && last.word.dropLast().last?.isLetter == true)
                || (Self.longerThanOne(token.word) && token.word.first.map { Words.isOne($0, of: "-‐‑") } == true && token.word.dropFirst().first?.isLetter == true) {
                last.word += token.word
                last.folded = Folded(Words.fold(Words.bare(last.word)))
                last.end = token.end
                merged[merged.count - 1] = last
            } else {
                merged.append(token)
            }
        }
        tokens = merged
    }

    /// `word.count > 1` without counting every character of a long word.
    private static func longerThanOne(_ word: String) -> Bool {
        guard let first = word.indices.first else { return false }
        return word.index(after: first) != word.endIndex
    }

    /// The text of tokens `range` as written, whitespace folded.
    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return Self.string(text[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end])
    }

    /// The characters as a string: appended one by one, much faster than `String(_:)` of a slice.
    private static func string(_ characters: ArraySlice<Character>) -> String {
        var result = ""
        for c in characters { result.append(c) }
        return result
    }
}
