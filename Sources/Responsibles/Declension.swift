import JSON
import Model
import Text

/// The six Russian cases.
public enum GrammaticalCase: String, Sendable, Hashable, CaseIterable, Codable {
    case nominative = "nom", genitive = "gen", dative = "dat", accusative = "acc"
    case instrumental = "ins", prepositional = "pre"
}

public enum Gender: String, Sendable, Hashable, Codable {
    case masculine = "m", feminine = "f"
}

/// Russian declension of names and of the words of roles, read from `declension.json`:
/// suffix tables, not word lists.
public struct Declension: Sendable {
    struct WordParadigm: Codable, Sendable {
        var ending: String
        var forms: [String]
        var nominative: [String]
    }

    struct NameParadigm: Codable, Sendable {
        var gender: String
        /// Letters the stem must end with (`жшчщц` for `-ем` in the instrumental), or any.
        var after: String?
        var cases: [String: [String]]
    }

    struct PatronymicParadigm: Codable, Sendable {
        var gender: String
        var suffixes: [String]
        var cases: [String: [String]]
    }

    struct Tables: Codable, Sendable {
        var nouns: [WordParadigm]
        var adjectives: [WordParadigm]
        var adjectiveEndings: [String]
        var nominativeAdjectiveEndings: [String]
        var surnames: [NameParadigm]
        var firstNames: [NameParadigm]
        var masculineNamesInA: [String]
        var patronymics: [PatronymicParadigm]
    }

    let tables: Tables
    /// The name tables with their cases read and their endings' lengths counted, once.
    private let surnames: [PreparedName]
    private let firstNames: [PreparedName]
    /// The patronymic tables with every `suffix + ending` folded and counted, once.
    private let patronymics: [PreparedPatronymic]

    struct PreparedPatronymic: Sendable {
        struct Ending: Sendable {
            var grammaticalCase: GrammaticalCase
            var ending: String
            var length: Int
            /// The word must be longer than this.
            var shortest: Int
        }
        var gender: Gender
        var endings: [Ending]
    }

    struct PreparedName: Sendable {
        var gender: Gender?
        var after: String?
        var nominativeEnding: String?
        var endings: [(grammaticalCase: GrammaticalCase, ending: String, length: Int)]
        var longest: Int
        /// The endings by their text, and the lengths they come in.
        var byEnding: [String: [(grammaticalCase: GrammaticalCase, length: Int)]] = [:]
        var lengths: [Int] = []

        init(_ paradigm: NameParadigm) {
            gender = Gender(rawValue: paradigm.gender)
            after = paradigm.after
            nominativeEnding = paradigm.cases["nom"]?.first
            endings = paradigm.cases.flatMap { caseName, endings in
                GrammaticalCase(rawValue: caseName).map { c in endings.map { (c, $0, $0.count) } } ?? []
            }
            longest = endings.map(\.length).max() ?? 0
            for e in endings { byEnding[e.ending, default: []].append((e.grammaticalCase, e.length)) }
            lengths = Set(endings.map(\.length)).sorted()
        }
    }

    init(tables: Tables) {
        self.tables = tables
        self.surnames = tables.surnames.map(PreparedName.init)
        self.firstNames = tables.firstNames.map(PreparedName.init)
        var patronymics: [PreparedPatronymic] = []
        for paradigm in tables.patronymics {
            guard let gender = Gender(rawValue: paradigm.gender) else { continue }
            var endings: [PreparedPatronymic.Ending] = []
            for (caseName, caseEndings) in paradigm.cases {
                guard let grammaticalCase = GrammaticalCase(rawValue: caseName) else { continue }
                for suffix in paradigm.suffixes {
                    for ending in caseEndings {
                        let folded = Words.fold(suffix + ending)
                        endings.append(.init(grammaticalCase: grammaticalCase, ending: folded, length: folded.count,
                                             shortest: suffix.count + ending.count + 1))
                    }
                }
            }
            patronymics.append(PreparedPatronymic(gender: gender, endings: endings))
        }
        self.patronymics = patronymics
    }

    /// The bundled tables, or the methodist's `declension.json` from `KARTOGRAF_DATA_DIR` instead.
    public static let shared = Declension(
        tables: DataFiles.override("declension.json", as: Tables.self)
            ?? DataFiles.bundled("declension.json", as: Tables.self)
            ?? Tables(nouns: [], adjectives: [], adjectiveEndings: [], nominativeAdjectiveEndings: [],
                      surnames: [], firstNames: [], masculineNamesInA: [], patronymics: []))

    // MARK: Words of roles and bodies

    /// Every case and number form of a noun or adjective given in the nominative singular
    /// (lower case, `ё` as `е`), and which of them are nominative.
    func forms(of word: String) -> (all: Set<String>, nominative: Set<String>) {
        let word = Words.fold(word)
        // A reflexive participle (`обучающийся`) declines before its `-ся`.
        if Words.hasSuffix(word, "ся"), word.count > 6 {
            let inner = forms(of: String(word.dropLast(2)))
            return (Set(inner.all.map { $0 + "ся" }), Set(inner.nominative.map { $0 + "ся" }))
        }
        let table = isAdjective(word) ? tables.adjectives : tables.nouns
        let paradigm = table.filter { Words.hasSuffix(word, $0.ending) }.max { $0.ending.count < $1.ending.count }
        guard let paradigm else { return ([word], [word]) }
        let stem = String(word.dropLast(paradigm.ending.count))
        return (Set(paradigm.forms.map { stem + $0 }).union([word]), Set(paradigm.nominative.map { stem + $0 }).union([word]))
    }

    /// A word in the nominative masculine singular of an adjective (`классный`, `старший`, `ответственный`).
    func isAdjective(_ word: String) -> Bool {
        let w = Words.fold(word)
        let stem = Words.hasSuffix(w, "ся") ? String(w.dropLast(2)) : w
        return stem.count > 3 && tables.adjectives.contains { Words.hasSuffix(stem, $0.ending) }
    }

    /// A word with an adjective ending in any case (`методическая`, `молодёжной`).
    func looksAdjectival(_ word: String, nominativeOnly: Bool = false) -> Bool {
        let w = Words.fold(word)
        let endings = nominativeOnly ? tables.nominativeAdjectiveEndings : tables.adjectiveEndings
        return w.count > 4 && endings.contains { Words.hasSuffix(w, $0) }
    }

    // MARK: People

    /// Gender and possible cases of a patronymic form (`Петровичу` → masculine, dative), or `nil`.
    public func patronymic(_ word: String) -> (gender: Gender, cases: Set<GrammaticalCase>)? {
        let w = Array(Words.fold(word))
        var tails: [Int: String] = [:]
        for paradigm in patronymics {
            var cases: Set<GrammaticalCase> = []
            for e in paradigm.endings where w.count > e.shortest && e.length <= w.count {
                let tail = tails[e.length] ?? String(w.suffix(e.length))
                tails[e.length] = tail
                if tail == e.ending { cases.insert(e.grammaticalCase) }
            }
            if !cases.isEmpty { return (paradigm.gender, cases) }
        }
        return nil
    }

    /// The nominative of a surname form. With gender and case unknown (initials only) a nominative
    /// reading wins, then a feminine one (orders appoint people in the accusative), then a masculine one.
    public func nominativeSurname(_ word: String, gender: Gender? = nil, cases: Set<GrammaticalCase>? = nil) -> String {
        nominative(word, paradigms: surnames, gender: gender, cases: cases)
    }

    /// The nominative of a first-name form (`Сергею` → `Сергей`).
    public func nominativeFirstName(_ word: String, gender: Gender? = nil, cases: Set<GrammaticalCase>? = nil) -> String {
        nominative(word, paradigms: firstNames, gender: gender ?? firstNameGender(word), cases: cases)
    }

    /// The gender a first name in the nominative tells (`Лариса` feminine, `Сергей` masculine).
    public func firstNameGender(_ word: String) -> Gender? {
        let w = Words.fold(word)
        guard let last = w.last else { return nil }
        if tables.masculineNamesInA.map(Words.fold).contains(w) { return .masculine }
        if last == "а" || last == "я" { return .feminine }
        if "бвгджзклмнпрстфхцчшщй".contains(last) { return .masculine }
        return nil
    }

    private func nominative(_ word: String, paradigms: [PreparedName], gender: Gender?,
                            cases: Set<GrammaticalCase>?) -> String {
        let lower = Array(word.lowercased())
        // The word's last letters, by how many: an ending is compared with the tail of its length.
        let longest = min(paradigms.map(\.longest).max() ?? 0, lower.count)
        let tails = (0...longest).map { String(lower.suffix($0)) }
        var best: (length: Int, rank: Int, nominativeEnding: String)?
        for paradigm in paradigms {
            if let gender, let paradigmGender = paradigm.gender, gender != paradigmGender { continue }
            guard let nominativeEnding = paradigm.nominativeEnding else { continue }
            for tailLength in paradigm.lengths where lower.count - tailLength >= 2 {
                for (grammaticalCase, length) in paradigm.byEnding[tails[tailLength]] ?? [] where length == tailLength {
                    if let cases, !cases.contains(grammaticalCase) { continue }
                    if let after = paradigm.after, let last = lower.dropLast(length).last, !after.contains(last) { continue }
                    let rank = Self.rank(grammaticalCase, paradigm.gender)
                    if let b = best, b.length > length || (b.length == length && b.rank <= rank) { continue }
                    best = (length, rank, nominativeEnding)
                }
            }
        }
        if let best {
            let stem = String(word.dropLast(best.length))
            return stem + Self.matchingCase(best.nominativeEnding, like: stem)
        }
        // A form that does not agree with the case or gender the name's other words tell: read it alone.
        if cases != nil { return nominative(word, paradigms: paradigms, gender: gender, cases: nil) }
        if gender != nil { return nominative(word, paradigms: paradigms, gender: nil, cases: nil) }
        return word
    }

    /// Preference between readings of the same length: nominative, then feminine, then masculine,
    /// then paradigms shared by both genders (`Глинку`).
    private static func rank(_ grammaticalCase: GrammaticalCase, _ gender: Gender?) -> Int {
        if grammaticalCase == .nominative { return 0 }
        let order: [GrammaticalCase] = [.accusative, .genitive, .dative, .instrumental, .prepositional]
        let feminine: [GrammaticalCase] = order
        let masculine: [GrammaticalCase] = [.dative, .genitive, .accusative, .instrumental, .prepositional]
        switch gender {
        case .feminine: return 1 + feminine.firstIndex(of: grammaticalCase)!
        case .masculine: return 10 + masculine.firstIndex(of: grammaticalCase)!
        case nil: return 20 + order.firstIndex(of: grammaticalCase)!
        }
    }

    /// An ending in capitals after a stem written in capitals (`ИВАНОВУ` → `ИВАНОВА`).
    private static func matchingCase(_ ending: String, like stem: String) -> String {
        let letters = stem.filter(\.isLetter)
        return letters.count > 1 && letters.allSatisfy(\.isUppercase) ? ending.uppercased() : ending
    }
}
