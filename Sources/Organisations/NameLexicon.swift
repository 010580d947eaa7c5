import Foundation
import JSON
import Model
import Text

/// The data organisation names are compared with (`Resources/organisation-names.json`, or a
/// methodist's copy in `$KARTOGRAF_DATA_DIR`): abbreviations and their expansions, legal forms,
/// families of school kinds, the words that start a tail which is not part of a name.
public struct NameLexicon: Sendable {
    /// A run of stemmed words that stands for one canonical token.
    struct Phrase: Sendable {
        var words: [String]
        var canonical: String
        /// The abbreviation as the data writes it («МБУ ДО», «д/с»).
        var abbreviation: String
    }

    enum Gender: Sendable { case feminine, masculine, neuter }

    /// Phrases, longest first.
    let phrases: [Phrase]
    /// Phrases by their first word, longest first.
    let phrasesByFirst: [String: [Phrase]]
    /// Canonical tokens of legal forms (МБОУ, МАДОУ…): left out of a name's core.
    let legalForms: Set<String>
    /// Canonical tokens of kinds of organisation (СОШ, гимназия…): where a name starts in a title.
    let kinds: Set<String>
    /// Token → the family it belongs to («СОШ», «ООШ», «школа» → one).
    let family: [String: String]
    /// The unspecified member of each family (its last: «школа»), which a specific one may stand for.
    let generic: Set<String>
    /// Stemmed words left out of a core («учреждение», «муниципальное»).
    let ignored: Set<String>
    /// Folded single-token abbreviations, which are never stemmed.
    let protected: Set<String>
    let tailPrepositions: Set<String>
    /// Words that end a name wherever they stand past its first two words («по реализации…»).
    let tailWords: Set<String>
    let periodWords: Set<String>
    /// Declinable head nouns by their stem: their nominative and gender («школы» → «школа», feminine).
    let headNouns: [String: (nominative: String, gender: Gender)]
    /// Indeclinable heads (abbreviations, folded: «сош») and legal forms (neuter: учреждение) by gender.
    let headAbbreviations: [String: Gender]
    /// Folded stems of adjectives whose masculine nominative is the stressed «-ой» («городск» of «городской»).
    let stressedAdjectiveStems: Set<String>

    public static let fileName = "organisation-names.json"

    /// The lexicon of the bundled resources (or the override folder), loaded once.
    public static let shared = NameLexicon(json: load())

    static func load() -> JSONValue {
        if let url = DataLocation.override(fileName), let v = read(url) { return v }
        let bundled = DataLocation.resourcesBesideExecutable(module: "Organisations")
            ?? Bundle.module.url(forResource: "Resources", withExtension: nil)
        return bundled.flatMap { read($0.appendingPathComponent(fileName)) } ?? .object([])
    }

    private static func read(_ url: URL) -> JSONValue? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONParser.parse(bytes: [UInt8](data))
    }

    public init(json: JSONValue) {
        func strings(_ v: JSONValue?) -> [String] { v?.arrayValue?.compactMap(\.stringValue) ?? [] }
        var protected: Set<String> = []
        let expansions = json["expansions"]?.arrayValue ?? []
        // Abbreviations written in capitals (and single-word forms in capitals) are protected from stemming.
        for e in expansions {
            let abbreviation = e["abbreviation"]?.stringValue ?? ""
            for form in [abbreviation] + strings(e["forms"]) where form == form.uppercased() && form != form.lowercased() {
                for word in NameText.words(form) { protected.insert(word.text) }
            }
        }
        self.protected = protected
        var phrases: [Phrase] = []
        var legal: Set<String> = []
        var kinds: Set<String> = []
        for e in expansions {
            guard let abbreviation = e["abbreviation"]?.stringValue else { continue }
            let canonical = NameLexicon.canonical(abbreviation)
            if e["legalForm"]?.boolValue == true { legal.insert(canonical) } else { kinds.insert(canonical) }
            for form in [abbreviation] + strings(e["forms"]) {
                let words = NameText.words(form).map { NameLexicon.stem($0.text, protected: protected) }
                if !words.isEmpty { phrases.append(Phrase(words: words, canonical: canonical, abbreviation: abbreviation)) }
            }
        }
        // Geographic and «имени» words are not kinds of organisation.
        for word in ["им", "г", "п", "с", "рн"] { kinds.remove(word) }
        let sorted = phrases.sorted { $0.words.count > $1.words.count }
        self.phrases = sorted
        phrasesByFirst = Dictionary(grouping: sorted, by: { $0.words[0] })
        legalForms = legal
        var family: [String: String] = [:]
        var generic: Set<String> = []
        for list in json["families"]?.arrayValue ?? [] {
            let members = strings(list).map { NameLexicon.token(of: $0, phrases: sorted, protected: protected) }
            guard let label = members.first else { continue }
            for m in members { family[m] = label; kinds.insert(m) }
            if let last = members.last { generic.insert(last) }
        }
        self.generic = generic
        self.kinds = kinds
        self.family = family
        ignored = Set(strings(json["ignoredWords"]).flatMap { NameText.words($0).map { NameLexicon.stem($0.text, protected: protected) } })
        tailPrepositions = Set(strings(json["tailPrepositions"]).map { RussianFold.fold($0) })
        tailWords = Set(strings(json["tailWords"]).map { RussianFold.fold($0) })
        periodWords = Set(strings(json["periodWords"]).map { RussianFold.fold($0) })
        var nouns: [String: (String, Gender)] = [:]
        var abbreviations: [String: Gender] = [:]
        for form in legal { abbreviations[form] = .neuter }
        for (key, gender) in [("feminine", Gender.feminine), ("masculine", .masculine), ("neuter", .neuter)] {
            for word in strings(json["headNouns"]?[key]) {
                let folded = NameText.words(word).map(\.text)
                guard folded.count == 1 else { continue }
                if word == word.lowercased() {
                    nouns[NameLexicon.stem(folded[0], protected: protected)] = (word, gender)
                } else {
                    abbreviations[folded[0]] = gender
                }
            }
        }
        headNouns = nouns
        headAbbreviations = abbreviations
        stressedAdjectiveStems = Set(strings(json["stressedAdjectives"]).compactMap { word in
            let folded = RussianFold.fold(word)
            return folded.hasSuffix("ой") ? String(folded.dropLast(2)) : nil
        })
    }

    /// «МБУ ДО» → «мбудо», «д/с» → «дс»: the token an abbreviation is compared as.
    static func canonical(_ abbreviation: String) -> String {
        NameText.words(abbreviation).map(\.text).joined()
    }

    /// The single token a word or phrase reads as (its canonical abbreviation, else its stem).
    static func token(of text: String, phrases: [Phrase], protected: Set<String>) -> String {
        let words = NameText.words(text).map { stem($0.text, protected: protected) }
        if let p = phrases.first(where: { $0.words == words }) { return p.canonical }
        return words.joined(separator: " ")
    }

    /// Case endings a word may carry; the longest that leaves a stem of three letters is cut.
    static let endings: [String] = [
        "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ая", "яя",
        "ое", "ее", "ые", "ие", "ый", "ий", "ую", "юю", "ых", "их", "ым", "им", "ов", "ев", "ам", "ям", "ах",
        "ях", "ия", "ии", "ию", "ью", "а", "я", "у", "ю", "е", "и", "ы", "о", "ь", "й",
    ]
    private static let endingScalars: [[Unicode.Scalar]] = endings.map { Array($0.unicodeScalars) }
    private static let vowelScalars: Set<Unicode.Scalar> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я", "й", "ь"]

    /// A folded word without its case ending: «школы», «школе», «школа» → «школ»; «лицея», «лицей» → «лиц».
    /// Numbers, words shorter than four letters and protected abbreviations stay as they are.
    static func stem(_ word: String, protected: Set<String>) -> String {
        let scalars = Array(word.unicodeScalars)
        if scalars.count < 4 || (scalars[0].value >= 0x30 && scalars[0].value <= 0x39) || protected.contains(word) { return word }
        var end = scalars.count
        for e in endingScalars where end - e.count >= 3 && scalars[(end - e.count)..<end].elementsEqual(e) {
            end -= e.count
            break
        }
        while end > 3, vowelScalars.contains(scalars[end - 1]) { end -= 1 }
        if end == scalars.count { return word }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[0..<end])
        return String(out)
    }

    /// The longest phrase that starts at `i` of `stems`.
    func phrase(at i: Int, in stems: [String]) -> Phrase? {
        guard let list = phrasesByFirst[stems[i]] else { return nil }
        return list.first { p in
            i + p.words.count <= stems.count && p.words.indices.allSatisfy { stems[i + $0] == p.words[$0] }
        }
    }
}

/// Words of a text as organisation names are compared: letters and digits lower-cased («ё» as «е»),
/// a run of letters and a run of digits apart («№5» → «5», «2024г» → «2024», «г»), everything else a
/// separator (quotes, «№», hyphens, dots). Each word keeps where it stands in the text.
enum NameText {
    struct Word: Sendable {
        var text: String
        var range: Range<String.Index>
        /// A capital letter alone before a dot: a person's initial («О.» of «им. О. К. Оолака»).
        var isInitial = false
    }

    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        var current = String.UnicodeScalarView()
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var digits = false
        var i = scalars.startIndex
        func flush(_ end: String.Index) {
            if !current.isEmpty {
                let initial = current.count == 1 && !digits && end < scalars.endIndex && scalars[end] == "."
                    && scalars[start].properties.isUppercase
                out.append(Word(text: String(current), range: start..<end, isInitial: initial))
            }
            current = String.UnicodeScalarView()
        }
        while i < scalars.endIndex {
            let c = scalars[i]
            let isDigit = c.value >= 0x30 && c.value <= 0x39
            if let folded = isDigit ? c : letter(c) {
                if !current.isEmpty && isDigit != digits { flush(i) }
                if current.isEmpty { start = i; digits = isDigit }
                current.append(folded)
            } else {
                flush(i)
            }
            i = scalars.index(after: i)
        }
        flush(scalars.endIndex)
        return out
    }

    /// A letter folded as `RussianFold` folds it («ё» as «е»), or `nil` for anything that is not a letter.
    private static func letter(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        RussianFold.isLetter(s) ? RussianFold.fold(s) : nil
    }
}
