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
    }

    /// Phrases, longest first.
    let phrases: [Phrase]
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

    public static let fileName = "organisation-names.json"

    /// The lexicon of the bundled resources (or the override folder), loaded once.
    public static let shared: NameLexicon = {
        let json = load()
        return NameLexicon(json: json)
    }()

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
                if !words.isEmpty { phrases.append(Phrase(words: words, canonical: canonical)) }
            }
        }
        // Geographic and «имени» words are not kinds of organisation.
        for word in ["им", "г", "п", "с", "рн"] { kinds.remove(word) }
        let sorted = phrases.sorted { $0.words.count > $1.words.count }
        self.phrases = sorted
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
    static let vowels: Set<Character> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я", "й", "ь"]

    /// A folded word without its case ending: «школы», «школе», «школа» → «школ»; «лицея», «лицей» → «лиц».
    /// Numbers, words shorter than four letters and protected abbreviations stay as they are.
    static func stem(_ word: String, protected: Set<String>) -> String {
        if protected.contains(word) || word.count < 4 || word.first!.isNumber { return word }
        var w = Substring(word)
        for e in endings where w.hasSuffix(e) && w.count - e.count >= 3 {
            w = w.dropLast(e.count)
            break
        }
        while w.count > 3, let last = w.last, vowels.contains(last) { w = w.dropLast() }
        return String(w)
    }
}

/// Words of a text as organisation names are compared: letters and digits lower-cased («ё» as «е»),
/// a run of letters and a run of digits apart («№5» → «5», «2024г» → «2024», «г»), everything else a
/// separator (quotes, «№», hyphens, dots). Each word keeps where it stands in the text.
enum NameText {
    struct Word: Sendable {
        var text: String
        var range: Range<String.Index>
    }

    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        var current = ""
        var start = text.startIndex
        var digits = false
        var i = text.startIndex
        func flush(_ end: String.Index) {
            if !current.isEmpty { out.append(Word(text: current, range: start..<end)) }
            current = ""
        }
        while i < text.endIndex {
            let c = text[i]
            let isDigit = c.isASCII && c.isNumber
            if c.isLetter || isDigit {
                if !current.isEmpty && isDigit != digits { flush(i) }
                if current.isEmpty { start = i; digits = isDigit }
                current += RussianFold.fold(String(c).lowercased())
            } else {
                flush(i)
            }
            i = text.index(after: i)
        }
        flush(text.endIndex)
        return out
    }
}
