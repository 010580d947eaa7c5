/// The role lexicon (`roles.json`): canonical roles with their synonyms, abbreviated words,
/// and the words that name the organisation itself.
public struct RoleLexicon: Sendable {
    struct File: Codable, Sendable {
        struct Role: Codable, Sendable {
            var key: String
            var synonyms: [String]?
        }
        var roles: [Role]?
        var forms: [String: [String]]?
        var abbreviations: [String: String]?
        var organisationWords: [String]?
        var organisationTypes: [String]?
        var quantifiers: [String]?
    }

    /// One word of a role as the matcher sees it.
    indirect enum Word: Sendable {
        /// Declines: any of `forms` (folded); `nominative` are the nominative ones; `base` is the nominative singular.
        case declinable(base: String, forms: Set<String>, nominative: Set<String>)
        /// A hyphenated word whose halves both decline (`педагог-психолог`).
        case compound(Word, Word)
        /// Stays as written (`директора` in `заместитель директора`).
        case fixed(String)
    }

    /// One way to write a role: its words and the canonical key it stands for.
    struct Variant: Sendable {
        var key: String
        var words: [Word]
    }

    /// A role found at some token.
    public struct Match: Sendable {
        public var key: String
        /// The token after the role's head.
        public var end: Int
        /// The head is in the nominative (it may begin an entry in a flattened table).
        public var isNominative: Bool
    }

    let variants: [Variant]
    let abbreviations: [String: [String]]
    let organisationPhrases: [[String]]
    let organisationTypes: Set<String>
    let quantifiers: Set<String>
    /// Every form of every declining word: a word that is a role word is no surname.
    let vocabulary: Set<String>

    /// The bundled lexicon with the methodist's `roles.json` from `KARTOGRAF_DATA_DIR` added (it wins).
    public static let shared: RoleLexicon = {
        var files: [File] = []
        if let extra = DataFiles.override("roles.json", as: File.self) { files.append(extra) }
        if let bundled = DataFiles.bundled("roles.json", as: File.self) { files.append(bundled) }
        return RoleLexicon(files: files, declension: .shared)
    }()

    init(files: [File], declension: Declension) {
        var irregular: [String: [String]] = [:]
        var abbreviations: [String: [String]] = [:]
        var organisationWords: [String] = []
        var organisationTypes: Set<String> = []
        var quantifiers: Set<String> = []
        for file in files.reversed() {
            quantifiers.formUnion((file.quantifiers ?? []).map(Words.fold))
            for (word, forms) in file.forms ?? [:] { irregular[Words.fold(word), default: []] += forms.map(Words.fold) }
            for (short, full) in file.abbreviations ?? [:] {
                abbreviations[Words.fold(short)] = full.split(separator: " ").map { Words.fold(String($0)) }
            }
            organisationWords += file.organisationWords ?? []
            organisationTypes.formUnion(file.organisationTypes ?? [])
        }
        func declinable(_ word: String) -> Word {
            let (all, nominative) = declension.forms(of: word)
            let base = Words.fold(word)
            return .declinable(base: base, forms: all.union(irregular[base] ?? []), nominative: nominative)
        }
        func words(of phrase: String) -> [Word] {
            var result: [Word] = []
            var declining = true
            for raw in phrase.split(separator: " ").map(String.init) {
                guard declining else { result.append(.fixed(Words.fold(raw))); continue }
                if raw.contains("-") {
                    let halves = raw.split(separator: "-", maxSplits: 1).map(String.init)
                    result.append(.compound(declinable(halves[0]), declinable(halves[1])))
                    declining = false
                } else {
                    result.append(declinable(raw))
                    if !declension.isAdjective(raw) { declining = false }
                }
            }
            return result
        }
        var variants: [Variant] = []
        var seen: Set<String> = []
        for file in files {
            for role in file.roles ?? [] {
                let key = role.key.lowercased()
                for phrase in [role.key] + (role.synonyms ?? []) where seen.insert(Words.fold(phrase)).inserted {
                    variants.append(Variant(key: key, words: words(of: phrase)))
                }
            }
        }
        var vocabulary: Set<String> = []
        func collect(_ word: Word) {
            switch word {
            case let .declinable(_, forms, _): vocabulary.formUnion(forms)
            case let .compound(a, b): collect(a); collect(b)
            case .fixed: break
            }
        }
        variants.forEach { $0.words.forEach(collect) }
        self.variants = variants
        self.abbreviations = abbreviations
        self.organisationPhrases = organisationWords.map { $0.split(separator: " ").map { Words.fold(String($0)) } }
            .sorted { $0.count > $1.count }
        self.organisationTypes = Set(organisationTypes.map(Words.fold))
        self.quantifiers = quantifiers
        self.vocabulary = vocabulary.union(abbreviations.keys)
    }

    // MARK: Matching

    /// The longest role whose head begins at token `i`.
    func match(_ tokens: [Token], at i: Int) -> Match? {
        // `все педагоги`: a quantifier before a role is no part of it.
        if quantifiers.contains(tokens[i].folded), i + 1 < tokens.count, tokens[i + 1].gap.isSoft,
           !quantifiers.contains(tokens[i + 1].folded) {
            return match(tokens, at: i + 1)
        }
        var best: Match?
        for variant in variants {
            guard let m = match(variant, tokens, at: i) else { continue }
            if best == nil || m.end > best!.end { best = m }
        }
        return best
    }

    /// A token and what it stands for: its own folded form, or the words of an abbreviation (`зам.`).
    private func expanded(_ token: Token) -> [String]? {
        let short = Words.fold(Words.bare(token.word))
        guard let full = abbreviations[short] else { return nil }
        // A bare `ст`, `кл` … only with its dot; longer abbreviations (`зам`) also without.
        if short.count < 3 && !token.word.hasSuffix(".") { return nil }
        return full
    }

    private func match(_ variant: Variant, _ tokens: [Token], at start: Int) -> Match? {
        var t = start
        var w = 0
        var pending: [String] = []   // words of an abbreviation still to match
        var nominative = true
        while w < variant.words.count {
            let word = variant.words[w]
            if pending.isEmpty {
                guard t < tokens.count else { return nil }
                if t > start && tokens[t].gap.isPunctuation { return nil }
                if let full = expanded(tokens[t]) {
                    pending = full
                    t += 1
                }
            }
            if !pending.isEmpty {
                guard Self.nominativeBase(word) == pending.first else { return nil }
                pending.removeFirst()
                w += 1
                continue
            }
            let token = tokens[t]
            switch word {
            case let .fixed(text):
                guard token.folded == text else { return nil }
                t += 1
            case let .declinable(_, forms, nominativeForms):
                guard forms.contains(token.folded) else { return nil }
                if w == 0 { nominative = nominativeForms.contains(token.folded) }
                t += 1
            case let .compound(first, second):
                guard let (next, isNominative) = matchCompound(first, second, tokens, at: t) else { return nil }
                if w == 0 { nominative = isNominative }
                t = next
            }
            w += 1
        }
        guard pending.isEmpty else { return nil }
        return Match(key: variant.key, end: t, isNominative: nominative)
    }

    private static func nominativeBase(_ word: Word) -> String {
        switch word {
        case let .declinable(base, _, _): return base
        case let .compound(a, b): return nominativeBase(a) + "-" + nominativeBase(b)
        case let .fixed(text): return text
        }
    }

    private static func forms(_ word: Word) -> (Set<String>, Set<String>) {
        if case let .declinable(_, forms, nominative) = word { return (forms, nominative) }
        return ([], [])
    }

    /// `педагог-психолог`, `педагог- психолог`, `педагогпсихолог`, `педагоги организаторы`, `педагог - психолог`.
    private func matchCompound(_ first: Word, _ second: Word, _ tokens: [Token], at t: Int) -> (Int, Bool)? {
        let (a, aNominative) = Self.forms(first)
        let (b, _) = Self.forms(second)
        let word = tokens[t].folded
        if let hyphen = word.firstIndex(where: { "-‐‑–—".contains($0) }) {
            let left = String(word[..<hyphen]).trimmingSpaces
            let right = String(word[word.index(after: hyphen)...]).trimmingSpaces
            if a.contains(left) && b.contains(right) { return (t + 1, aNominative.contains(left)) }
            return nil
        }
        for split in word.indices.dropFirst() where word.count <= 40 {
            let left = String(word[..<split])
            if a.contains(left) && b.contains(String(word[split...])) { return (t + 1, aNominative.contains(left)) }
        }
        if a.contains(word), t + 1 < tokens.count, !tokens[t + 1].gap.subtracting([.dash, .line]).isPunctuation,
           b.contains(tokens[t + 1].folded) {
            return (t + 2, aNominative.contains(word))
        }
        return nil
    }

    // MARK: Organisation words

    /// How many tokens from `i` name the organisation itself (`школы`, `ОО`, `образовательной
    /// организации`, `МБОУ лицей №1` up to a preposition), or 0.
    func organisationLength(_ tokens: [Token], at i: Int, end: Int) -> Int {
        guard i < end else { return 0 }
        if organisationTypes.contains(tokens[i].folded) {
            var j = i + 1
            while j < end, !["по", "за", "в", "на", "с", "со", "для"].contains(tokens[j].folded) { j += 1 }
            return j - i
        }
        for phrase in organisationPhrases where i + phrase.count <= end {
            if phrase.indices.allSatisfy({ tokens[i + $0].folded == phrase[$0] }) { return phrase.count }
        }
        return 0
    }

    func isOrganisationType(_ token: Token) -> Bool { organisationTypes.contains(token.folded) }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
