/// People in responsibles cells and orders: `Алимова Н.Е.`, `Н.Е. Алимова`, `Ковалёва Лариса Юрьевна`,
/// `Ковалёву Л.Ю.`, `Иванову Сергею Петровичу`; the key is `Фамилия И. О.` in the nominative.
public enum PersonName {
    /// A person found at some token.
    struct Match {
        var key: String
        var end: Int
    }

    /// The nominative key `Фамилия И. О.` when `text` is exactly one person mention, else `nil`.
    public static func key(_ text: String) -> String? {
        let tokens = Tokenizer(text).tokens
        guard let m = match(tokens, at: 0), m.end == tokens.count else { return nil }
        return m.key
    }

    /// The person whose mention begins at token `i`.
    static func match(_ tokens: [Token], at i: Int, lexicon: RoleLexicon = .shared,
                      declension: Declension = .shared) -> Match? {
        // Every reading begins with a capital: a surname, a first name or an initial.
        guard i < tokens.count, beginsWithCapital(tokens[i].word) else { return nil }
        func token(_ k: Int) -> Token? {
            guard k < tokens.count, k == i || tokens[k].gap.intersection([.comma, .semicolon, .paragraph, .colon, .dash]).isEmpty else { return nil }
            return tokens[k]
        }
        func surname(_ k: Int) -> String? {
            guard let t = token(k) else { return nil }
            let core = core(t.word)
            guard isName(core), !lexicon.vocabulary.contains(t.folded), !BodyLexicon.shared.vocabulary.contains(t.folded) else { return nil }
            return core
        }
        /// Initials at `k`: `Н.Е.`, `Н. Е.`, `Н.Е`, `Н.`; the letters and the token after them.
        func initials(_ k: Int) -> (letters: [Character], end: Int)? {
            guard let first = token(k), let letters = initialLetters(core(first.word)) else { return nil }
            if letters.count == 1, let second = token(k + 1), tokens[k + 1].gap.isSoft,
               let more = initialLetters(core(second.word)), more.count == 1, second.word.hasSuffix(".") || k + 2 == tokens.count {
                return (letters + more, k + 2)
            }
            return (letters, k + 1)
        }
        func key(_ surname: String, _ letters: [Character]) -> String {
            ([surname] + letters.map { "\(String($0).uppercased())." }).joined(separator: " ")
        }

        let family = surname(i)
        // Surname + first name + patronymic, in any case: the patronymic tells gender and case.
        if let family, let name = token(i + 1), isName(core(name.word)),
           let middle = token(i + 2), isName(core(middle.word)), let (gender, cases) = declension.patronymic(core(middle.word)) {
            let nominative = declension.nominativeSurname(family, gender: gender, cases: cases)
            return Match(key: key(nominative, [core(name.word).first!, core(middle.word).first!]), end: i + 3)
        }
        // First name + patronymic + surname.
        if let name = token(i), isName(core(name.word)), !lexicon.vocabulary.contains(name.folded),
           let middle = token(i + 1), isName(core(middle.word)), let (gender, cases) = declension.patronymic(core(middle.word)),
           let family = surname(i + 2) {
            let nominative = declension.nominativeSurname(family, gender: gender, cases: cases)
            return Match(key: key(nominative, [core(name.word).first!, core(middle.word).first!]), end: i + 3)
        }
        // Surname + initials.
        if let family, let (letters, end) = initials(i + 1) {
            return Match(key: key(declension.nominativeSurname(family), letters), end: end)
        }
        // Initials + surname.
        if let (letters, end) = initials(i), let family = surname(end) {
            return Match(key: key(declension.nominativeSurname(family), letters), end: end + 1)
        }
        return nil
    }

    /// The first character after opening brackets and quotes is a Cyrillic capital.
    private static func beginsWithCapital(_ word: String) -> Bool {
        guard let first = word.first(where: { !Words.isOne($0, of: "(«\"“„'") }) else { return false }
        return first.isUppercase && Words.isCyrillicLetter(first)
    }

    /// The word without brackets, quotes and separating punctuation around it; a final dot stays.
    static func core(_ word: String) -> String {
        var s = Substring(word)
        while let c = s.first, Words.isOne(c, of: "(«\"“„'") { s = s.dropFirst() }
        while let c = s.last, Words.isOne(c, of: ")»\"”',;:") { s = s.dropLast() }
        return String(s)
    }

    /// A capitalised Cyrillic word (`Алимова`, `Петрова-Водкина`), a final dot allowed.
    static func isName(_ word: String) -> Bool {
        let w = word.hasSuffix(".") ? String(word.dropLast()) : word
        let parts = w.split(separator: "-", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            guard let first = part.first, part.count >= 2, first.isUppercase, Words.isCyrillicLetter(first) else { return false }
            return part.dropFirst().allSatisfy { $0.isLowercase && Words.isCyrillicLetter($0) }
        }
    }

    /// `Н.Е.` → Н, Е; `Н.` → Н; `Н.Е` → Н, Е; `Н,Е` → Н, Е; `Н..` → Н; anything else `nil`.
    static func initialLetters(_ word: String) -> [Character]? {
        let chars = Array(word)
        var letters: [Character] = []
        var k = 0
        while k < chars.count {
            guard chars[k].isUppercase, Words.isCyrillicLetter(chars[k]) else { return nil }
            letters.append(chars[k])
            k += 1
            if k < chars.count {
                // `Н.`, a typed `Н,` (`П,Р,`), a doubled dot (`В..` before a glued post).
                guard chars[k] == "." || chars[k] == "," else { return nil }
                k += 1
                while k < chars.count, chars[k] == "." { k += 1 }
            } else if letters.count == 1 {
                return nil   // a lone capital without its dot is no initial
            }
        }
        return (1...3).contains(letters.count) ? letters : nil
    }
}
