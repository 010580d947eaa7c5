import JSON
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
        /// Contracted posts written as one capitalised word: a head (`ЗД`) alone or followed by
        /// the abbreviation of a line of work (`ЗДУВР` → `заместитель директора по УВР`).
        var acronymHeads: [String: String]?
        var acronymSubjects: [String]?
    }

    /// One word of a role as the matcher sees it.
    indirect enum Word: Sendable {
        /// Declines: any of `forms` (folded); `nominative` are the nominative ones; `base` is the nominative singular.
        case declinable(base: String, forms: Set<Folded>, nominative: Set<Folded>)
        /// A hyphenated word whose halves both decline (`педагог-психолог`).
        case compound(Word, Word)
        /// Stays as written (`директора` in `заместитель директора`).
        case fixed(Folded)
    }

    /// One way to write a role: its words and the canonical key it stands for.
    struct Variant: Sendable {
        var key: String
        var words: [Word]
        /// The nominative form of each word, which an abbreviation's words are compared with.
        var bases: [Folded]
        /// For each compound word, by its position: how its first half may begin a glued spelling.
        var glued: [Int: Glued] = [:]
    }

    /// The first halves of a compound word written glued (`педагогпсихолог`), shortest first,
    /// with whether each is nominative; `prefix` is what all of them begin with.
    struct Glued: Sendable {
        var lefts: [(form: String, length: Int, isNominative: Bool)]
        var prefix: String
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
    /// Indices of the variants whose first word may be the folded token (its forms, a compound's
    /// first half or glued spelling), in lexicon order.
    let variantsByFirstForm: [Folded: [Int]]
    /// Indices of the variants by the nominative of their first word, for abbreviations (`зам.`).
    let variantsByFirstBase: [Folded: [Int]]
    /// Variants beginning with a compound word, tried on every hyphenated token and every token
    /// beginning as the compound's first half does.
    let compoundVariants: [(index: Int, prefix: String)]
    /// Variants of no word at all (a blank synonym): with one, every variant is tried everywhere.
    let emptyVariants: [Int]
    let abbreviations: [Folded: [Folded]]
    let organisationPhrases: [[Folded]]
    let organisationTypes: Set<Folded>
    let quantifiers: Set<Folded>
    /// `acronymHeads`, longest first, and `acronymSubjects` as written (letter case decides).
    let acronymHeads: [(short: String, role: String)]
    let acronymSubjects: Set<String>
    /// Every form of every declining word: a word that is a role word is no surname.
    let vocabulary: Set<Folded>

    /// The bundled lexicon with the methodist's `roles.json` from `KARTOGRAF_DATA_DIR` added (it wins).
    public static let shared = RoleLexicon(
        files: [DataFiles.override("roles.json", as: File.self), DataFiles.bundled("roles.json", as: File.self)].compactMap { $0 },
        declension: .shared)

    init(files: [File], declension: Declension) {
        var irregular: [String: [String]] = [:]
        var abbreviations: [Folded: [Folded]] = [:]
        var organisationWords: [String] = []
        var organisationTypes: Set<String> = []
        var quantifiers: Set<Folded> = []
        var acronymHeads: [String: String] = [:]
        var acronymSubjects: Set<String> = []
        for file in files.reversed() {
            for (short, role) in file.acronymHeads ?? [:] { acronymHeads[short] = role.lowercased() }
            acronymSubjects.formUnion(file.acronymSubjects ?? [])
            quantifiers.formUnion((file.quantifiers ?? []).map { Folded(Words.fold($0)) })
            for (word, forms) in file.forms ?? [:] { irregular[Words.fold(word), default: []] += forms.map(Words.fold) }
            for (short, full) in file.abbreviations ?? [:] {
                abbreviations[Folded(Words.fold(short))] = full.split(separator: " ").map { Folded(Words.fold(String($0))) }
            }
            organisationWords += file.organisationWords ?? []
            organisationTypes.formUnion(file.organisationTypes ?? [])
        }
        // Role phrases share their words (`директора`, `заместитель`): each is declined once.
        var declined: [String: (all: Set<String>, nominative: Set<String>)] = [:]
        func declinable(_ word: String) -> Word {
            let (all, nominative) = declined[word] ?? declension.forms(of: word)
            declined[word] = (all, nominative)
            let base = Words.fold(word)
            return .declinable(base: base, forms: Set(all.union(irregular[base] ?? []).map { Folded($0) }),
                               nominative: Set(nominative.map { Folded($0) }))
        }
        func words(of phrase: String) -> [Word] {
            var result: [Word] = []
            var declining = true
            for raw in phrase.split(separator: " ").map(String.init) {
                guard declining else { result.append(.fixed(Folded(Words.fold(raw)))); continue }
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
                    let words = words(of: phrase)
                    variants.append(Variant(key: key, words: words, bases: words.map(Self.nominativeBase)))
                }
            }
        }
        var vocabulary: Set<Folded> = []
        var collected: Set<String> = []   // the same base always has the same forms
        func collect(_ word: Word) {
            switch word {
            case let .declinable(base, forms, _): if collected.insert(base).inserted { vocabulary.formUnion(forms) }
            case let .compound(a, b): collect(a); collect(b)
            case .fixed: break
            }
        }
        variants.forEach { $0.words.forEach(collect) }
        var byForm: [Folded: [Int]] = [:]
        var byBase: [Folded: [Int]] = [:]
        var compoundVariants: [(index: Int, prefix: String)] = []
        var emptyVariants: [Int] = []
        func add(_ index: Int, _ keys: some Sequence<Folded>) {
            for key in Set(keys) { byForm[key, default: []].append(index) }
        }
        for index in variants.indices {
            for (w, word) in variants[index].words.enumerated() {
                if case let .compound(first, _) = word { variants[index].glued[w] = Self.glued(first) }
            }
            let variant = variants[index]
            guard let head = variant.words.first else { emptyVariants.append(index); continue }
            byBase[variant.bases[0], default: []].append(index)
            switch head {
            case let .fixed(text): add(index, [text])
            case let .declinable(_, forms, _): add(index, forms)
            case let .compound(first, _):
                let prefix = variant.glued[0]!.prefix
                compoundVariants.append((index, prefix))
                add(index, Self.forms(first).0)
            }
        }
        self.variants = variants
        self.variantsByFirstForm = byForm
        self.variantsByFirstBase = byBase
        self.compoundVariants = compoundVariants
        self.emptyVariants = emptyVariants
        self.abbreviations = abbreviations
        self.organisationPhrases = organisationWords.map { $0.split(separator: " ").map { Folded(Words.fold(String($0))) } }
            .sorted { $0.count > $1.count }
        self.organisationTypes = Set(organisationTypes.map { Folded(Words.fold($0)) })
        self.quantifiers = quantifiers
        self.acronymHeads = acronymHeads.map { (short: $0.key, role: $0.value) }
            .sorted { ($0.short.count, $0.short) > ($1.short.count, $1.short) }
        self.acronymSubjects = acronymSubjects
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
        if let key = acronym(tokens[i].word) {
            // `ЗД УВР`: the head and its line of work written apart.
            if i + 1 < tokens.count, tokens[i + 1].gap.isSoft, acronymHeads.contains(where: { $0.role == key }),
               case let subject = Words.bare(tokens[i + 1].word), acronymSubjects.contains(subject) {
                return Match(key: key + " по " + subject, end: i + 2, isNominative: true)
            }
            return Match(key: key, end: i + 1, isNominative: true)
        }
        var best: Match?
        for index in candidates(tokens[i]) {
            guard let m = match(variants[index], tokens, at: i) else { continue }
            if best == nil || m.end > best!.end { best = m }
        }
        return best
    }

    /// The role a contracted post stands for: `ЗД` → `заместитель директора`, `ЗДУВР` →
    /// `заместитель директора по УВР`; `nil` for any other word.
    func acronym(_ word: String) -> String? {
        // An acronym is a dozen letters at most: a long word is not stripped and counted through.
        guard !acronymHeads.isEmpty, word.utf8.count <= 64 else { return nil }
        let core = Words.bare(word)
        guard core.count <= 12 else { return nil }
        for head in acronymHeads where core.hasPrefix(head.short) {
            let rest = String(core.dropFirst(head.short.count))
            if rest.isEmpty { return head.role }
            if acronymSubjects.contains(rest) { return head.role + " по " + rest }
        }
        return nil
    }

    /// The variants that may begin at a token, in lexicon order: only their first word is looked up.
    private func candidates(_ token: Token) -> [Int] {
        if !emptyVariants.isEmpty { return Array(variants.indices) }
        if let full = expanded(token) {
            // An abbreviation standing for nothing (a blank in `roles.json`): every variant is tried.
            guard let first = full.first else { return Array(variants.indices) }
            return variantsByFirstBase[first] ?? []
        }
        let byForm = variantsByFirstForm[token.folded] ?? []
        let folded = token.folded.text
        let hyphenated = folded.contains(where: Self.isHyphen)
        let compounds = compoundVariants.filter { hyphenated || Words.hasPrefix(folded, $0.prefix) }
        guard !compounds.isEmpty else { return byForm }
        return Array(Set(byForm + compounds.map(\.index))).sorted()
    }

    private static func isHyphen(_ c: Character) -> Bool { Words.isOne(c, of: "-‐‑–—") }

    /// A token and what it stands for: its own folded form, or the words of an abbreviation (`зам.`).
    private func expanded(_ token: Token) -> [Folded]? {
        let short = token.folded
        guard let full = abbreviations[short] else { return nil }
        // A bare `ст`, `кл` … only with its dot; longer abbreviations (`зам`) also without.
        if short.text.count < 3 && !token.word.hasSuffix(".") { return nil }
        return full
    }

    private func match(_ variant: Variant, _ tokens: [Token], at start: Int) -> Match? {
        var t = start
        var w = 0
        var pending: [Folded] = []   // words of an abbreviation still to match
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
                guard variant.bases[w] == pending.first else { return nil }
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
                guard let (next, isNominative) = matchCompound(first, second, variant.glued[w]!, tokens, at: t) else { return nil }
                if w == 0 { nominative = isNominative }
                t = next
            }
            w += 1
        }
        guard pending.isEmpty else { return nil }
        return Match(key: variant.key, end: t, isNominative: nominative)
    }

    private static func nominativeBase(_ word: Word) -> Folded { Folded(nominativeText(word)) }

    private static func nominativeText(_ word: Word) -> String {
        switch word {
        case let .declinable(base, _, _): return base
        case let .compound(a, b): return nominativeText(a) + "-" + nominativeText(b)
        case let .fixed(text): return text.text
        }
    }

    /// The first halves a glued compound may begin with, shortest first.
    private static func glued(_ first: Word) -> Glued {
        let (a, aNominative) = forms(first)
        let lefts = a.filter { !$0.text.isEmpty }.map { (form: $0.text, length: $0.text.count, isNominative: aNominative.contains($0)) }
            .sorted { ($0.length, $0.form) < ($1.length, $1.form) }
        var prefix = lefts.first.map { Array($0.form) } ?? []
        for left in lefts {
            prefix = Array(zip(prefix, left.form).prefix { $0 == $1 }.map(\.0))
        }
        return Glued(lefts: lefts, prefix: String(prefix))
    }

    private static func forms(_ word: Word) -> (Set<Folded>, Set<Folded>) {
        if case let .declinable(_, forms, nominative) = word { return (forms, nominative) }
        return ([], [])
    }

    /// `педагог-психолог`, `педагог- психолог`, `педагогпсихолог`, `педагоги организаторы`, `педагог - психолог`.
    private func matchCompound(_ first: Word, _ second: Word, _ glued: Glued, _ tokens: [Token], at t: Int) -> (Int, Bool)? {
        let (a, aNominative) = Self.forms(first)
        let (b, _) = Self.forms(second)
        let folded = tokens[t].folded
        let word = folded.text
        if let hyphen = word.firstIndex(where: Self.isHyphen) {
            let left = Folded(String(word[..<hyphen]).trimmingSpaces)
            let right = Folded(String(word[word.index(after: hyphen)...]).trimmingSpaces)
            if isHalf(left, of: a) && isHalf(right, of: b) { return (t + 1, aNominative.contains(left) || !a.contains(left)) }
            return nil
        }
        // Glued: the shortest first half after which the rest is a second half.
        let length = word.prefix(41).count   // a glued compound is short; longer words are not counted through
        if length <= 40 {
            for left in glued.lefts where left.length < length {
                if Words.hasPrefix(word, left.form), b.contains(Folded(String(word.dropFirst(left.length)))) {
                    return (t + 1, left.isNominative)
                }
            }
        }
        if isHalf(folded, of: a), t + 1 < tokens.count, !tokens[t + 1].gap.subtracting([.dash, .line]).isPunctuation,
           isHalf(tokens[t + 1].folded, of: b) {
            return (t + 2, aNominative.contains(folded))
        }
        return nil
    }

    /// One half of a compound, written whole or abbreviated (`пед.-психолог`, `педагог-орг.`,
    /// `учит.-предметник`): an abbreviation counts when it stands for one word of the half's forms.
    private func isHalf(_ half: Folded, of forms: Set<Folded>) -> Bool {
        if forms.contains(half) { return true }
        let short = half.text.hasSuffix(".") ? Folded(String(half.text.dropLast())) : half
        guard let full = abbreviations[short], full.count == 1 else { return false }
        return forms.contains(full[0])
    }

    // MARK: Organisation words

    /// How many tokens from `i` name the organisation itself (`школы`, `ОО`, `образовательной
    /// организации`, `МБОУ лицей №1` up to a preposition), or 0.
    func organisationLength(_ tokens: [Token], at i: Int, end: Int) -> Int {
        guard i < end else { return 0 }
        if organisationTypes.contains(tokens[i].folded) {
            var j = i + 1
            while j < end, !Self.organisationEnds.contains(tokens[j].folded) { j += 1 }
            return j - i
        }
        for phrase in organisationPhrases where i + phrase.count <= end {
            if phrase.indices.allSatisfy({ tokens[i + $0].folded == phrase[$0] }) { return phrase.count }
        }
        return 0
    }

    /// The prepositions that end an organisation's name (`МБОУ лицей №1 по …`).
    private static let organisationEnds: Set<Folded> = ["по", "за", "в", "на", "с", "со", "для"]

    func isOrganisationType(_ token: Token) -> Bool { organisationTypes.contains(token.folded) }
}

extension String {
    var trimmingSpaces: String {
        // A string whose first and last bytes are no spaces has no space to trim.
        guard utf8.first == 0x20 || utf8.last == 0x20 else { return self }
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
