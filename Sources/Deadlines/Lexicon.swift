import Foundation
import JSON
import Model
import Text

/// The words of deadline cells, read from the JSON tables in `Resources`.
///
/// Methodists change these tables, not the code. A directory named by the
/// environment variable `KARTOGRAF_DATA_DIR` may hold a file of the same name
/// (`months.json`, `phrases.json`, …); it is then read instead of the built-in one.
struct Lexicon: Sendable {
    /// What a phrase of `phrases.json` means, under the case's name. Numbered in order: the number
    /// is the meaning's bit in a mask and its index in `phraseTables`.
    enum PhraseMeaning: Int, Sendable, CaseIterable {
        case continuous, event, yearly, halfYearly, quarterly, monthly, vague, next, following
        case frequencyLeads, until, notLater, untilEnd, since, during, through, skip, reference

        var bit: UInt32 { 1 << UInt32(rawValue) }
    }

    /// The time units named by words (`units.json`).
    enum UnitWord: String, Sendable, CaseIterable {
        case year, academic, quarter, half, decade, month, week, term, day, dayOfMonth, times
    }

    /// Data files that could not be read, for the command line to report.
    var problems: [DataFileProblem] = []
    var months: [String: Int] = [:]
    var ordinals: [String: Int] = [:]
    var counts: [String: Int] = [:]
    var decadePositions: [String: Int] = [:]
    var units: [String: Set<UnitWord>] = [:]
    var placeholderWords: Set<String> = [] {
        didSet { longestPlaceholderWord = placeholderWords.map(\.utf8.count).max() ?? 0 }
    }
    var placeholderCharacters: Set<Unicode.Scalar> = [] {
        didSet {
            asciiPlaceholders = (0, 0)
            for c in placeholderCharacters where c.value < 0x80 {
                if c.value < 64 { asciiPlaceholders.0 |= 1 << c.value } else { asciiPlaceholders.1 |= 1 << (c.value - 64) }
            }
            otherPlaceholders = placeholderCharacters.contains { $0.value >= 0x80 }
        }
    }
    /// The tokenizer asks about every character and word: these answer most questions
    /// without hashing (the ASCII placeholder characters as bits, the longest placeholder word).
    private var asciiPlaceholders: (UInt64, UInt64) = (0, 0)
    private var otherPlaceholders = false
    private var longestPlaceholderWord = 0

    func isPlaceholder(_ c: Unicode.Scalar) -> Bool {
        if c.value < 64 { return asciiPlaceholders.0 & (1 << c.value) != 0 }
        if c.value < 128 { return asciiPlaceholders.1 & (1 << (c.value - 64)) != 0 }
        return otherPlaceholders && placeholderCharacters.contains(c)
    }

    /// `key` is a word that is a blank (`Х`, `XX`).
    func isPlaceholderWord(_ key: String) -> Bool {
        key.utf8.count <= longestPlaceholderWord && placeholderWords.contains(key)
    }
    var phrases: [PhraseMeaning: PhraseTable] = [:] {
        didSet { phraseTables = PhraseMeaning.allCases.map { phrases[$0] ?? PhraseTable([]) } }
    }
    /// `phrases` by `PhraseMeaning.rawValue`.
    private var phraseTables = PhraseMeaning.allCases.map { _ in PhraseTable([]) }
    /// For a quick reject: the meanings whose phrases may start with a word (bit = `PhraseMeaning` index).
    var firstWordMeanings: [String: UInt32] = [:]
    /// Prefixes as UTF-8 bytes: `String.hasPrefix` compares by characters and is slow on Linux,
    /// while keys are runs of letters (no combining marks), for which the bytes decide alike.
    var firstPrefixMeanings: [(prefix: [UInt8], meanings: UInt32)] = []

    /// The meanings of the phrases that may start at a token with this key.
    func meaningsStarting(with key: String) -> UInt32 {
        var mask = firstWordMeanings[key] ?? 0
        for entry in firstPrefixMeanings where key.utf8.starts(with: entry.prefix) { mask |= entry.meanings }
        return mask
    }

    /// Loaded once per process.
    static let shared = Lexicon.load()

    func phrases(_ meaning: PhraseMeaning) -> PhraseTable { phraseTables[meaning.rawValue] }

    /// Phrases read as another wording (`aliases` of `phrases.json`: «в конце учебного года» as «май»),
    /// and the tokens of each wording.
    var aliases = PhraseTable([])
    var aliasTokens: [[Token]] = []

    /// `tokens` with every alias phrase replaced by the tokens of its wording.
    func rewritingAliases(_ tokens: [Token]) -> [Token] {
        guard !aliasTokens.isEmpty else { return tokens }
        var out: [Token] = []
        var i = 0
        while i < tokens.count {
            guard let match = aliases.longestPhrase(in: tokens, at: i) else {
                out.append(tokens[i])
                i += 1
                continue
            }
            var replacement = aliasTokens[match.index]
            if !replacement.isEmpty { replacement[0].spaceBefore = tokens[i].spaceBefore }
            out += replacement
            i = match.end
        }
        return out
    }

    func isUnit(_ key: String, _ unit: UnitWord) -> Bool { units[key]?.contains(unit) ?? false }

    static func load() -> Lexicon {
        var lexicon = Lexicon()
        var problems: [DataFileProblem] = []
        if let months = table("months", problems: &problems) { lexicon.months = numberMap(months) }
        if let numbers = table("numbers", problems: &problems) {
            lexicon.ordinals = numberMap(numbers["ordinals"])
            lexicon.counts = numberMap(numbers["counts"])
            lexicon.decadePositions = numberMap(numbers["decadePositions"])
        }
        if let units = table("units", problems: &problems)?.objectValue {
            for (key, words) in units {
                guard let unit = UnitWord(rawValue: key) else { continue }
                for word in words.arrayValue ?? [] {
                    if let w = word.stringValue { lexicon.units[fold(w), default: []].insert(unit) }
                }
            }
        }
        if let placeholders = table("placeholders", problems: &problems) {
            lexicon.placeholderWords = Set((placeholders["words"]?.arrayValue ?? []).compactMap { $0.stringValue.map(fold) })
            for c in placeholders["characters"]?.arrayValue ?? [] {
                if let s = c.stringValue { lexicon.placeholderCharacters.formUnion(s.unicodeScalars) }
            }
        }
        if let phrases = table("phrases", problems: &problems) {
            for meaning in PhraseMeaning.allCases {
                let patterns = (phrases["\(meaning)"]?.arrayValue ?? []).compactMap(\.stringValue)
                lexicon.phrases[meaning] = PhraseTable(patterns)
                let bit = meaning.bit
                for pattern in patterns {
                    guard let first = pattern.split(separator: " ").first.map({ fold(String($0)) }) else { continue }
                    if first.hasSuffix("*") {
                        lexicon.firstPrefixMeanings.append((Array(first.dropLast().utf8), bit))
                    } else {
                        lexicon.firstWordMeanings[first, default: 0] |= bit
                    }
                }
            }
            if let aliases = phrases["aliases"]?.objectValue {
                lexicon.aliases = PhraseTable(aliases.map(\.0))
                lexicon.aliasTokens = aliases.map { Tokenizer.tokenize($0.1.stringValue ?? "", lexicon: lexicon) }
            }
        }
        lexicon.problems = problems
        return lexicon
    }

    /// Lower case, `ё` as `е`: the form every table and token key is compared in.
    static func fold(_ text: String) -> String {
        fold(Array(text.unicodeScalars)[...])
    }

    /// `fold` over scalars, each by `RussianFold`'s rule; the result is built as UTF-8 bytes
    /// (appending scalars to a `String` one by one is slow).
    static func fold(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 2)
        for c in scalars { UTF8.encode(RussianFold.fold(c)) { out.append($0) } }
        return String(decoding: out, as: UTF8.self)
    }

    private static func numberMap(_ value: JSONValue?) -> [String: Int] {
        var map: [String: Int] = [:]
        for (key, words) in value?.objectValue ?? [] {
            guard let n = Int(key) else { continue }
            for word in words.arrayValue ?? [] { if let w = word.stringValue { map[fold(w)] = n } }
        }
        return map
    }

    /// The directory of the built-in tables: the resource bundle beside the executable,
    /// else SwiftPM's `Bundle.module` (which also knows the build directory). Looked up once:
    /// asking `Bundle` costs more than reading a table.
    static let bundledResources: URL? =
        DataLocation.resourcesBesideExecutable(module: "Deadlines")
            ?? Bundle.module.url(forResource: "Resources", withExtension: nil)

    /// One JSON table: the override directory first, then the bundled resource
    /// (the bundle is not touched when the override directory holds the file).
    /// A file that cannot be read is noted in `problems` (the override then gives way to the bundled one).
    private static func table(_ name: String, problems: inout [DataFileProblem]) -> JSONValue? {
        let file = name + ".json"
        func attempt(_ url: URL) -> JSONValue? {
            let result = read(url)
            if case let .failure(problem) = result { problems.append(problem) }
            return try? result.get()
        }
        if let url = DataLocation.override(file), let value = attempt(url) { return value }
        guard let url = bundledResources?.appendingPathComponent(file) else { return nil }
        return attempt(url)
    }

    private static func read(_ url: URL) -> Result<JSONValue, DataFileProblem> {
        DataLocation.utf8Contents(of: url).flatMap { bytes in
            do {
                return .success(try JSONParser.parse(bytes: bytes))
            } catch {
                return .failure(DataFileProblem("Файл данных «\(url.path)» — неверный JSON (\(error)): исправьте его или уберите из папки."))
            }
        }
    }
}

/// Phrases of one meaning, indexed by their first word for a quick longest match.
struct PhraseTable: Sendable {
    struct Phrase: Sendable {
        let words: [Word]
        /// Its place among the patterns the table was made from.
        var index = 0
    }

    enum Word: Sendable {
        case exact(String)
        /// The prefix's UTF-8 bytes (see `Lexicon.firstPrefixMeanings`).
        case prefix([UInt8])

        func matches(_ key: String) -> Bool {
            switch self {
            case let .exact(w): return key == w
            case let .prefix(p): return key.utf8.starts(with: p)
            }
        }
    }

    private var byFirstWord: [String: [Phrase]] = [:]
    private var byFirstPrefix: [Phrase] = []

    init(_ patterns: [String]) {
        for (index, pattern) in patterns.enumerated() {
            let words: [Word] = pattern.split(separator: " ").map { part in
                let w = Lexicon.fold(String(part))
                return w.hasSuffix("*") ? .prefix(Array(w.dropLast().utf8)) : .exact(w)
            }
            guard let first = words.first else { continue }
            let phrase = Phrase(words: words, index: index)
            switch first {
            case let .exact(w): byFirstWord[w, default: []].append(phrase)
            case .prefix: byFirstPrefix.append(phrase)
            }
        }
    }

    /// The index just past the longest phrase starting at `i`, or nil.
    /// Only word and number tokens take part; a phrase never spans punctuation.
    func longestMatch(in tokens: [Token], at i: Int) -> Int? {
        longestPhrase(in: tokens, at: i)?.end
    }

    /// The longest phrase starting at `i`: the index just past it and the phrase's pattern index.
    func longestPhrase(in tokens: [Token], at i: Int) -> (end: Int, index: Int)? {
        guard i < tokens.count, tokens[i].isWordLike else { return nil }
        var best: (end: Int, index: Int)?
        func consider(_ phrase: Phrase) {
            var j = i
            for word in phrase.words {
                guard j < tokens.count, tokens[j].isWordLike, word.matches(tokens[j].key) else { return }
                j += 1
            }
            if j > (best?.end ?? i) { best = (j, phrase.index) }
        }
        for phrase in byFirstWord[tokens[i].key] ?? [] { consider(phrase) }
        for phrase in byFirstPrefix { consider(phrase) }
        return best
    }
}
