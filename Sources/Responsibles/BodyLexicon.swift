import JSON
/// Collective responsibles (`bodies.json`): the nouns bodies are named with, and the
/// organisational head nouns a line break cannot separate from the name that follows.
public struct BodyLexicon: Sendable {
    struct File: Codable, Sendable {
        var nouns: [String]?
        var heads: [String]?
        var notBodies: [String]?
    }

    /// Every form of every body noun.
    let vocabulary: Set<Folded>
    /// Nominative singular forms.
    let nominative: Set<Folded>
    /// Every form of the head nouns.
    let heads: Set<Folded>
    let declension: Declension
    /// Capitals that name no body (`ФИО`, `ВР`).
    let notBodies: Set<Folded>

    /// The bundled lists with the methodist's `bodies.json` from `KARTOGRAF_DATA_DIR` added.
    public static let shared: BodyLexicon = {
        let files = [DataFiles.override("bodies.json", as: File.self), DataFiles.bundled("bodies.json", as: File.self)]
            .compactMap { $0 }
        return BodyLexicon(nouns: files.flatMap { $0.nouns ?? [] }, heads: files.flatMap { $0.heads ?? [] },
                           notBodies: files.flatMap { $0.notBodies ?? [] }, declension: .shared)
    }()

    init(nouns: [String], heads: [String], notBodies: [String] = [], declension: Declension) {
        self.notBodies = Set(notBodies.map { Folded(Words.fold($0)) })
        var vocabulary: Set<Folded> = []
        var nominative: Set<Folded> = []
        for noun in nouns {
            vocabulary.formUnion(declension.forms(of: noun).all.map { Folded($0) })
            nominative.insert(Folded(Words.fold(noun)))
        }
        self.vocabulary = vocabulary
        self.nominative = nominative
        self.heads = Set(heads.flatMap { declension.forms(of: $0).all.map { Folded($0) } })
        self.declension = declension
    }

    /// A body's name beginning at token `i`: up to three adjectives and a body noun
    /// (`Методическая служба`, `рабочая группа`, `Администрация`); the token after the noun,
    /// and whether the phrase is in the nominative.
    func match(_ tokens: [Token], at i: Int) -> (end: Int, isNominative: Bool)? {
        var k = i
        var nominativePhrase = true
        while k < tokens.count, k < i + 4 {
            let token = tokens[k]
            if k > i && token.gap.isPunctuation { return nil }
            if vocabulary.contains(token.folded) {
                return (k + 1, nominativePhrase && nominative.contains(token.folded))
            }
            guard declension.looksAdjectival(token.folded.text) else { return nil }
            if !declension.looksAdjectival(token.folded.text, nominativeOnly: true) { nominativePhrase = false }
            k += 1
        }
        return nil
    }

    func isHead(_ token: Token) -> Bool { heads.contains(token.folded) }

    /// A capitalised abbreviation that names a body (`УО`, `ШМО`), not a placeholder or a subject (`ФИО`, `ВР`).
    func isBodyAbbreviation(_ token: Token) -> Bool {
        Words.isAbbreviation(token.word) && !notBodies.contains(token.folded)
    }
}
