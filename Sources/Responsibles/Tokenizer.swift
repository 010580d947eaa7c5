import Text
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
    /// UTF-8 offsets into the tokenizer's text.
    var start: Int
    var end: Int
    var gap: Gap
    /// Bracket depth before the token.
    var depth: Int

    var opensBracket: Bool { depth == 0 && word.hasPrefix("(") }
}

/// Cuts a cell into tokens and keeps the text with whitespace folded, so that an entry's text
/// is the stretch of it between its first and last token.
///
/// The rules read characters, but breaking text into `Character`s is slow on Linux. Each
/// character is kept as its first scalar (what `isLetter`, `isNumber`, `isWhitespace` and
/// `isNewline` ask about a character); the few characters of several scalars (a letter with a
/// combining accent) are also kept whole in `clusters` and asked as before. A cell whose
/// scalars can only be characters of their own, nearly every cell, is read scalar by scalar.
struct Tokenizer {
    /// The cell's UTF-8 with every run of whitespace (line breaks too) folded to one space.
    private var bytes: [UInt8] = []
    /// Each character of `bytes`: its first scalar and where its UTF-8 begins and ends.
    private var units: [Unicode.Scalar] = []
    private var unitStarts: [Int] = []
    private var unitEnds: [Int] = []
    /// The characters of several scalars, by their index in `units`.
    private var clusters: [Int: Character] = [:]
    private(set) var tokens: [Token] = []

    init(_ raw: String) {
        var words: [(start: Int, end: Int, gap: Gap)] = []
        var gap = Gap()
        var spaces = 0
        var newlines = 0
        var inWord = false
        bytes.reserveCapacity(raw.utf8.count)
        units.reserveCapacity(raw.utf8.count)
        func read(_ c: Unicode.Scalar, whole: Character?) {
            // Most characters are letters of a word: only the others are asked what they are.
            if !Words.isCyrillicLetter(c) {
                if Self.isNewline(c) {
                    newlines += 1
                    inWord = false
                    return
                }
                if c.value < 0x80 ? c == " " || (0x09...0x0D).contains(c.value) : c.properties.isWhitespace {
                    spaces += whole == nil && c == "\t" ? 2 : 1
                    inWord = false
                    return
                }
                if whole == nil && Self.isInvisible(c) { return }
            }
            if !inWord {
                if newlines >= 2 { gap.insert(.paragraph) } else if newlines == 1 { gap.insert(.line) }
                if spaces >= 2 { gap.insert(.wide) }
                if !units.isEmpty { bytes.append(0x20) }
                words.append((units.count, units.count, gap))
                gap = []
                spaces = 0
                newlines = 0
                inWord = true
            }
            if let whole {
                clusters[units.count] = whole
            }
            unitStarts.append(bytes.count)
            if let whole { bytes.append(contentsOf: whole.utf8) } else { bytes.append(contentsOf: UTF8.encode(c)!) }
            unitEnds.append(bytes.count)
            units.append(c)
            words[words.count - 1].end = units.count
        }
        if Self.isSimple(raw) {
            var previous: Unicode.Scalar = "\0"
            for c in raw.unicodeScalars {
                // `\r\n` is one character, one line break.
                if !(c == "\n" && previous == "\r") { read(c, whole: nil) }
                previous = c
            }
        } else {
            for c in raw {
                let scalars = c.unicodeScalars
                let first = scalars.first!
                read(first, whole: scalars.index(after: scalars.startIndex) == scalars.endIndex ? nil : c)
            }
        }
        var depth = 0
        var carried = Gap()
        for w in words {
            cut(w.start, w.end, gap: w.gap.union(carried), depth: &depth, carried: &carried)
        }
        mergeHyphens()
        splitPeopleAfterHyphens()
    }

    /// Every scalar of `raw` is a character of its own, but for `\r\n`: ASCII, Latin, the
    /// Cyrillic letters and the general punctuation, none of which join a neighbour.
    private static func isSimple(_ raw: String) -> Bool {
        raw.unicodeScalars.allSatisfy { c in
            let v = c.value
            return v < 0x300 || (0x0400..<0x0483).contains(v) || ((0x2000...0x206F).contains(v) && v != 0x200C && v != 0x200D)
                || v == 0x2116   // №
        }
    }

    /// `Character.isNewline` of a character beginning with `c`.
    private static func isNewline(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Is unit `k` a character of one scalar? Only such a character can be punctuation, a dash
    /// or a bracket (`Words.isOne` finds no character of several scalars among them).
    private func isSingle(_ k: Int) -> Bool { clusters.isEmpty || clusters[k] == nil }

    /// Soft hyphen, zero-width spaces and joiners, word joiner, byte order mark: read as nothing.
    private static func isInvisible(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return true
        default: return false
        }
    }

    /// `-‐‑–—`
    private static func isDash(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2D, 0x2010, 0x2011, 0x2013, 0x2014: return true
        default: return false
        }
    }

    /// `-‐‑`
    private static func isHyphen(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2D, 0x2010, 0x2011: return true
        default: return false
        }
    }

    /// `()«»`
    private static func isBracket(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x28, 0x29, 0xAB, 0xBB: return true
        default: return false
        }
    }

    /// The character at unit `k` as the rules ask it.
    private func isNumber(_ k: Int) -> Bool {
        let v = units[k].value
        if v < 0x80 { return (0x30...0x39).contains(v) }
        return !Words.isCyrillicLetter(units[k]) && units[k].properties.numericType != nil
    }

    private func isLetter(_ k: Int) -> Bool {
        let v = units[k].value
        if v < 0x80 { return (0x61...0x7A).contains(v | 0x20) }
        return Words.isCyrillicLetter(units[k]) || units[k].properties.isAlphabetic
    }

    /// Splits one whitespace-delimited word (units `start..<end`) at separating punctuation.
    private mutating func cut(_ start: Int, _ end: Int, gap: Gap, depth: inout Int, carried: inout Gap) {
        carried = []
        if depth == 0, (start..<end).allSatisfy({ isSingle($0) && Self.isDash(units[$0]) }) {
            carried = gap.union(.dash)
            return
        }
        var pieceStart = start
        var pieceGap = gap
        var tokenDepth = depth
        func emit(_ upTo: Int, then next: Gap, nextStart: Int? = nil) {
            if upTo > pieceStart {
                appendToken(pieceStart, upTo, gap: pieceGap, depth: tokenDepth)
                pieceGap = next
            } else {
                pieceGap.formUnion(next)
            }
            if let nextStart {
                pieceStart = nextStart
                tokenDepth = depth
            }
        }
        let initialsWithCommas = commasOfInitials(start, end)
        var k = start
        while k < end {
            let c = units[k]
            // No punctuation to look at in a letter, nor in a character of several scalars.
            if Words.isCyrillicLetter(c) || !isSingle(k) { k += 1; continue }
            switch c {
            case "(":
                // `Алимова Н.Е.(по согласованию)`: a bracket opens a new token.
                if depth == 0, k > pieceStart {
                    emit(k, then: .glued, nextStart: k)
                }
                depth += 1
            case "«", "“", "„": depth += 1
            case ")", "»", "”": depth = max(0, depth - 1)
            case ",", ";":
                guard depth == 0 else { break }
                let between = k > start && k + 1 < end && isNumber(k - 1) && isNumber(k + 1)
                if !between, c == ",", initialsWithCommas.contains(k) { break }
                if !between {
                    emit(k, then: c == "," ? .comma : .semicolon, nextStart: k + 1)
                }
            case ":":
                if depth == 0, k + 1 == end || !isNumber(k + 1) {
                    emit(k, then: .colon, nextStart: k + 1)
                }
            case ".":
                // `зам.директора`, `О.А.Кулешова`: a dot followed by a word of three letters or more;
                // `дир.по`: a dot after an abbreviated word (two small letters) and before any word.
                var letters = 0
                while letters < 3, k + 1 + letters < end, isLetter(k + 1 + letters) { letters += 1 }
                let abbreviated = k >= pieceStart + 2 && isSmallLetter(k - 1) && isSmallLetter(k - 2) && letters >= 1
                if letters >= 3 || abbreviated, k > pieceStart {
                    emit(k + 1, then: .glued, nextStart: k + 1)
                }
            default: break
            }
            k += 1
        }
        emit(end, then: [])
        if pieceStart >= end { carried = pieceGap }
    }

    /// `П,Р,` and `П,Р.`: initials typed with commas for dots. The commas between the capitals
    /// (not the last one, which separates as any comma) when units `start..<end` are two or three
    /// single capitals each followed by a comma or a dot, at least one a comma; else none.
    private func commasOfInitials(_ start: Int, _ end: Int) -> Set<Int> {
        let count = end - start
        guard count == 4 || count == 6 || count == 3 || count == 5 else { return [] }
        var commas: Set<Int> = []
        var k = start
        while k < end {
            guard isCapital(k) else { return [] }
            if k + 1 == end { break }   // `П,Р`: the last capital without a mark
            guard isSingle(k + 1), units[k + 1] == "," || units[k + 1] == "." else { return [] }
            if units[k + 1] == ",", k + 2 < end { commas.insert(k + 1) }
            k += 2
        }
        let capitals = (count + 1) / 2
        return (2...3).contains(capitals) ? commas : []
    }

    private func isCapital(_ k: Int) -> Bool {
        let v = units[k].value
        return (0x0410...0x042F).contains(v) || v == 0x0401
    }

    private func isSmallLetter(_ k: Int) -> Bool {
        let v = units[k].value
        return (0x0430...0x044F).contains(v) || v == 0x0451 || (0x61...0x7A).contains(v)
    }

    private mutating func appendToken(_ start: Int, _ end: Int, gap: Gap, depth: Int) {
        let hasContent = (start..<end).contains { k in
            if let whole = clusters.isEmpty ? nil : clusters[k] {
                return Words.isLetterOrNumber(whole) || Words.isOne(whole, of: "()«»")
            }
            return isLetter(k) || isNumber(k) || Self.isBracket(units[k])
        }
        guard hasContent else { return }
        let from = unitStarts[start], to = unitEnds[end - 1]
        let word = String(decoding: bytes[from..<to], as: UTF8.self)
        let folded = Folded(Words.fold(Words.bare(word)))
        tokens.append(Token(word: word, folded: folded, start: from, end: to, gap: gap, depth: depth))
    }

    /// `педагог- психолог`, `педагог -психолог` and a word hyphenated at a line end are one word.
    /// A chain of such pieces grows one word in place and is folded once, when it is complete.
    private mutating func mergeHyphens() {
        var merged: [Token] = []
        var grown: [Int] = []
        for token in tokens {
            // No copy of the growing word may be alive when it grows, or each step copies it whole.
            let joins = !merged.isEmpty && token.gap.subtracting([.line, .wide]).isEmpty
                && (Self.endsWithHyphen(merged[merged.count - 1].word) || Self.beginsWithHyphen(token.word))
            if joins {
                let k = merged.count - 1
                merged[k].word += token.word
                merged[k].end = token.end
                if grown.last != k { grown.append(k) }
            } else {
                merged.append(token)
            }
        }
        for k in grown { merged[k].folded = Folded(Words.fold(Words.bare(merged[k].word))) }
        tokens = merged
    }

    /// `учитель информатики-Сидоров П.Р.`, `по ВР–Петрова А.С.`: a surname glued by a hyphen or a
    /// dash to the word before it, with initials after it, is a word of its own after a dash.
    private mutating func splitPeopleAfterHyphens() {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        for (k, token) in tokens.enumerated() {
            guard k + 1 < tokens.count, tokens[k + 1].gap.isSoft,
                  PersonName.initialLetters(PersonName.core(tokens[k + 1].word)) != nil,
                  !PersonName.isName(PersonName.core(token.word)),   // a double surname stays whole
                  let dash = token.word.lastIndex(where: { Words.isOne($0, of: "-‐‑–—") }),
                  case let left = String(token.word[..<dash]), left.filter(Words.isLetter).count >= 2,
                  case let right = String(token.word[token.word.index(after: dash)...]), PersonName.isName(right)
            else {
                out.append(token)
                continue
            }
            let leftEnd = token.start + left.utf8.count
            out.append(Token(word: left, folded: Folded(Words.fold(Words.bare(left))), start: token.start, end: leftEnd,
                             gap: token.gap, depth: token.depth))
            out.append(Token(word: right, folded: Folded(Words.fold(Words.bare(right))), start: token.end - right.utf8.count,
                             end: token.end, gap: .dash, depth: token.depth))
        }
        tokens = out
    }

    /// A letter and then a hyphen ends the word (`педагог-`).
    private static func endsWithHyphen(_ word: String) -> Bool {
        // A word can end with a hyphen character only if its last scalar is one.
        guard word.unicodeScalars.last.map(isHyphen) == true, longerThanOne(word),
              word.last.map({ Words.isOne($0, of: "-‐‑") }) == true else { return false }
        // `word[..<index(before: endIndex)]`, not `dropLast()`, which counts the whole word.
        return word[..<word.index(before: word.endIndex)].last?.isLetter == true
    }

    /// A hyphen and then a letter begins the word (`-психолог`).
    private static func beginsWithHyphen(_ word: String) -> Bool {
        word.unicodeScalars.first.map(isHyphen) == true && longerThanOne(word)
            && word.first.map { Words.isOne($0, of: "-‐‑") } == true && word.dropFirst().first?.isLetter == true
    }

    /// `word.count > 1` without counting every character of a long word.
    private static func longerThanOne(_ word: String) -> Bool {
        guard let first = word.indices.first else { return false }
        return word.index(after: first) != word.endIndex
    }

    /// The text of tokens `range` as written, whitespace folded.
    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return String(decoding: bytes[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end], as: UTF8.self)
    }
}
