import Foundation
import Model
import Text

/// Reads a cell's tokens into entries (`responsibles.md` "Splitting", rules R1, R2, R6):
/// a separator splits only where both sides are complete entries.
struct EntryReader {
    let tokenizer: Tokenizer
    let glossary: Glossary
    let roles: RoleLexicon
    let bodies: BodyLexicon
    /// Role keys of glossary expansions already read with these lexicons, if they are kept.
    let roleKeys: RoleKeyMemo?
    private let tokens: [Token]
    /// The person, role and body beginning at each token: the rules ask about the same token
    /// several times, so each is matched once, when first asked.
    private let memo: Memo

    private final class Memo {
        var people: [PersonName.Match??]
        var roles: [RoleLexicon.Match??]
        var bodies: [(end: Int, isNominative: Bool)??]
        init(_ count: Int) {
            people = Array(repeating: nil, count: count)
            roles = Array(repeating: nil, count: count)
            bodies = Array(repeating: nil, count: count)
        }
    }

    private func person(at i: Int) -> PersonName.Match? {
        if let known = memo.people[i] { return known }
        let found = PersonName.match(tokens, at: i, lexicon: roles)
        memo.people[i] = .some(found)
        return found
    }

    private func role(at i: Int) -> RoleLexicon.Match? {
        if let known = memo.roles[i] { return known }
        let found = roles.match(tokens, at: i)
        memo.roles[i] = .some(found)
        return found
    }

    private func body(at i: Int) -> (end: Int, isNominative: Bool)? {
        if let known = memo.bodies[i] { return known }
        let found = bodies.match(tokens, at: i)
        memo.bodies[i] = .some(found)
        return found
    }

    init(tokenizer: Tokenizer, glossary: Glossary, roles: RoleLexicon, bodies: BodyLexicon, roleKeys: RoleKeyMemo? = nil) {
        self.tokenizer = tokenizer
        self.glossary = glossary
        self.roles = roles
        self.bodies = bodies
        self.roleKeys = roleKeys
        self.tokens = tokenizer.tokens
        self.memo = Memo(tokenizer.tokens.count)
    }

    /// How an entry begins.
    struct Head {
        var kind: ResponsibleKind
        var end: Int
        var roleKey: String? = nil
        var expansion: String? = nil
        var personKey: String? = nil
        var isNominative = true
        /// A lone abbreviation (`РЦО`): another one after it is a new entry (R1).
        var isAbbreviation = false
    }

    func read() -> [Responsible] {
        var result: [Responsible] = []
        var i = 0
        while i < tokens.count {
            if Self.isListMarker(tokens[i]) || (Self.connectors.contains(tokens[i].folded) && i + 1 < tokens.count) {
                i += 1
                continue
            }
            let head = recognize(at: i)
            var j = head.end
            var remarks: [Range<Int>] = []
            // Inside the name of an organisation after a post (`педагог-психолог МАОУ «Лицей № 4»`).
            var inOrganisation = false
            while j < tokens.count {
                let token = tokens[j]
                if token.opensBracket {
                    let end = bracketEnd(from: j)
                    remarks.append(j..<end)
                    j = end
                    continue
                }
                if head.kind == .person || Self.isListMarker(token) { break }
                if token.gap.isStrong {
                    inOrganisation = false
                    if continues(head, at: j) { j += 1; continue }
                    break
                }
                if head.kind != .unknown, roles.isOrganisationType(token) || Words.isOne(token.word.first ?? " ", of: "«\"“„") {
                    inOrganisation = true
                }
                if inOrganisation {
                    // Only a person or a post ends the name: its own words may be bodies (`Лицей`, `Центр`).
                    if person(at: j) != nil || (j > head.end && startsPost(at: j)) { break }
                    j += 1
                    continue
                }
                if token.folded == "и", head.kind != .unknown, j + 1 < tokens.count, tokens[j + 1].gap.isSoft,
                   startsEntryAfterAnd(j + 1, head: head) {
                    break   // the next entry skips the `и`
                }
                if startsEntry(at: j, after: head) { break }
                j += 1
            }
            if let entry = entry(i..<j, head: head, remarks: remarks) { result.append(entry) }
            i = j
        }
        return result
    }

    // MARK: Heads

    func recognize(at i: Int) -> Head {
        if let person = person(at: i) {
            return Head(kind: .person, end: person.end, personKey: person.key)
        }
        let token = tokens[i]
        let isAbbreviation = Words.isAbbreviation(token.word)
        // The document's own abbreviations come first (R7), then the lexicon's posts (`ЗДУВР`).
        if isAbbreviation, let expansion = glossary.expansion(of: Words.bare(token.word)) {
            let key = roleKeys.map { $0.value(for: expansion) { Self.roleKey(of: expansion, roles: roles, bodies: bodies) } }
                ?? Self.roleKey(of: expansion, roles: roles, bodies: bodies)
            if let key {
                return Head(kind: .role, end: i + 1, roleKey: key, expansion: expansion, isAbbreviation: true)
            }
            return Head(kind: .body, end: i + 1, expansion: expansion, isAbbreviation: true)
        }
        if let role = role(at: i) {
            return Head(kind: .role, end: role.end, roleKey: role.key, isNominative: role.isNominative)
        }
        if isAbbreviation, bodies.isBodyAbbreviation(token) {
            return Head(kind: .body, end: i + 1, isAbbreviation: !roles.isOrganisationType(token))
        }
        if let body = body(at: i) {
            return Head(kind: .body, end: body.end, isNominative: body.isNominative)
        }
        // `весь педагогический коллектив`: a quantifier before a body, as before a role.
        if roles.quantifiers.contains(token.folded), i + 1 < tokens.count, tokens[i + 1].gap.isSoft,
           let body = body(at: i + 1) {
            return Head(kind: .body, end: body.end, isNominative: body.isNominative)
        }
        return Head(kind: .unknown, end: i + 1)
    }

    /// The role key of a glossary expansion that names one role (R7), else `nil`.
    static func roleKey(of expansion: String, roles: RoleLexicon, bodies: BodyLexicon) -> String? {
        let reader = EntryReader(tokenizer: Tokenizer(expansion), glossary: Glossary(), roles: roles, bodies: bodies)
        let entries = reader.read()
        guard entries.count == 1, entries[0].kind == .role else { return nil }
        return entries[0].key
    }

    // MARK: Boundaries

    /// After a comma, semicolon, colon, dash or line break: does token `j` continue the entry?
    private func continues(_ head: Head, at j: Int) -> Bool {
        let token = tokens[j]
        if person(at: j) != nil { return false }
        // R2: `Администрация` ⏎ `МБОУ лицей №1` is a wrapped name.
        if !token.gap.isPunctuation, head.kind == .body, bodies.isHead(tokens[j - 1]),
           roles.isOrganisationType(token) || Words.isCapitalized(token.word) || token.word.hasPrefix("«") {
            return true
        }
        // `заместитель директора по УВР, ВР`: an abbreviation continuing a list of them after `по`.
        if head.kind == .role, token.gap.contains(.comma), Words.isAbbreviation(token.word),
           glossary.expansion(of: Words.bare(token.word)) == nil, j >= 2, Words.isAbbreviation(tokens[j - 1].word),
           tokens[j - 2].folded == "по" || tokens[j - 2].gap.contains(.comma),
           j + 1 == tokens.count || tokens[j + 1].gap.isStrong {
            return true
        }
        // `Директор` ⏎ `МБОУ СОШ №1`: the organisation of a role, wrapped.
        if !token.gap.isPunctuation, head.kind == .role, roles.isOrganisationType(token) { return true }
        // `директор, а также заместители`: a connector before a new entry.
        var k = j
        while k + 1 < tokens.count, Self.connectors.contains(tokens[k].folded), tokens[k + 1].gap.isSoft { k += 1 }
        if k > j, startsEntryAfterAnd(k, head: head) { return false }
        // `начальник отдела развития образования, мониторинга и защиты прав детей`, `Заместитель директора` ⏎ `по УВР`.
        guard head.kind == .role || head.kind == .body,
              token.gap.intersection([.semicolon, .colon, .dash, .paragraph]).isEmpty,
              Words.startsLowercase(token.word), !Words.isAbbreviation(token.word) else { return false }
        // A role or body in the nominative begins a new entry; on a wrapped line, another case continues
        // (`Методическое объединение` ⏎ `учителей начальных классов`).
        let wrapped = !token.gap.isPunctuation
        if let role = role(at: j), role.isNominative || !wrapped { return false }
        if let body = body(at: j), body.isNominative || !wrapped { return false }
        return true
    }

    /// After spaces only: does a new entry begin at token `j` (R1, R6)?
    private func startsEntry(at j: Int, after head: Head) -> Bool {
        let token = tokens[j]
        if person(at: j) != nil { return true }
        if head.isAbbreviation, j == head.end, Words.isAbbreviation(token.word), !roles.isOrganisationType(token) {
            return true
        }
        guard Words.isCapitalized(token.word), !Words.isAbbreviation(token.word) else {
            // Two posts with only a space between them: `заместитель директора педагог-психолог`.
            return head.kind == .role && startsPost(at: j)
        }
        if let role = role(at: j), role.isNominative { return true }
        guard let body = body(at: j) else { return false }
        return body.isNominative && (!bodies.isHead(tokens[j]) || head.kind != .body)
    }

    /// A post in the nominative begins at `j`, and not as the object of a preposition or a
    /// conjunction before it (`ответственный за …`, `учителя математики и физики`).
    private func startsPost(at j: Int) -> Bool {
        guard let role = role(at: j), role.isNominative else { return false }
        let before = tokens[j - 1].folded
        return !Self.prepositions.contains(before) && !Self.connectors.contains(before)
    }

    /// After `и`: a complete entry in the nominative (`директор и заместитель директора`).
    private func startsEntryAfterAnd(_ j: Int, head: Head) -> Bool {
        if person(at: j) != nil { return true }
        if let role = role(at: j), role.isNominative { return true }
        if let body = body(at: j), body.isNominative { return true }
        guard Words.isAbbreviation(tokens[j].word) else { return false }
        return head.isAbbreviation || glossary.expansion(of: Words.bare(tokens[j].word)) != nil
    }

    /// Words that join entries and belong to none (`Иванова И.И. и Петрова П.П.`, `директор, а также завуч`).
    static let connectors: Set<Folded> = ["и", "а", "также", "или", "либо"]

    /// `1.`, `2)`: the numbering of a list inside a cell.
    static func isListMarker(_ token: Token) -> Bool {
        let w = token.word
        guard let last = w.last, last == "." || last == ")", (2...3).contains(w.count) else { return false }
        return w.dropLast().allSatisfy(\.isNumber)
    }

    private func bracketEnd(from j: Int) -> Int {
        var k = j + 1
        while k < tokens.count, tokens[k].depth > 0 { k += 1 }
        return k
    }

    // MARK: Entries

    private func entry(_ range: Range<Int>, head: Head, remarks: [Range<Int>]) -> Responsible? {
        let text = tokenizer.text(range)
        guard Self.hasLetterOrNumber(text) else { return nil }
        // The remarks are in written order and do not overlap: one pass leaves them out.
        var kept: [Int] = []
        var r = 0
        for k in range {
            while r < remarks.count, remarks[r].upperBound <= k { r += 1 }
            if r < remarks.count, remarks[r].contains(k) { continue }
            kept.append(k)
        }
        let plain = pieces(kept)
        switch head.kind {
        case .person:
            return Responsible(text: text, kind: .person, key: head.personKey)
        case .role:
            var key = head.roleKey ?? plain
            let complement = roleComplement(kept.filter { $0 >= head.end })
            if !complement.isEmpty { key += " " + complement }
            return Responsible(text: text, kind: .role, key: Self.withoutFinalDots(key), expansion: head.expansion)
        case .body:
            let key = Self.withoutFinalDots(plain)
            return Responsible(text: text, kind: .body, key: key, expansion: head.expansion ?? glossary.expansion(of: key))
        case .unknown:
            return Responsible(text: text, kind: .unknown, key: plain)
        }
    }

    /// Some character is a letter or a digit.
    private static func hasLetterOrNumber(_ text: String) -> Bool {
        text.contains(where: Words.isLetterOrNumber)
    }

    /// Keys of posts and bodies end with no dot (`по УВР.`, `ШМО.`); a person's initials keep theirs.
    static func withoutFinalDots(_ key: String) -> String {
        var key = Substring(key)
        while key.last == "." { key = key.dropLast() }
        return String(key)
    }

    static let prepositions: Set<Folded> = ["в", "во", "на", "для", "с", "со", "по", "за", "из", "от", "при", "у", "к"]

    /// The complement of a role as written, without the words naming the organisation at its ends.
    private func roleComplement(_ indices: [Int]) -> String {
        var list = indices[...]
        while let first = list.first {
            let n = roles.organisationLength(tokens, at: first, end: (list.last ?? first) + 1)
            guard n > 0 else { break }
            list = list.dropFirst(n)
        }
        var trimmed = true
        while trimmed, !list.isEmpty {
            trimmed = false
            for length in stride(from: min(3, list.count), through: 1, by: -1) {
                let start = list[list.endIndex - length]
                // `в ОО` is where, not who: kept.
                if list.count > length, Self.prepositions.contains(tokens[list[list.endIndex - length - 1]].folded) { continue }
                if roles.organisationLength(tokens, at: start, end: list.last! + 1) == length {
                    list.removeLast(length)
                    trimmed = true
                    break
                }
            }
        }
        var text = pieces(list)
        while let last = text.last, ",;:".contains(last) { text.removeLast() }
        return text
    }

    /// The text of the given tokens: contiguous runs as written, runs joined by a space.
    private func pieces(_ indices: some Collection<Int>) -> String {
        var runs: [Range<Int>] = []
        for k in indices {
            if let last = runs.last, last.upperBound == k { runs[runs.count - 1] = last.lowerBound..<(k + 1) }
            else { runs.append(k..<(k + 1)) }
        }
        return runs.map { tokenizer.text($0) }.joined(separator: " ")
    }
}

/// The role key (or none) of each glossary expansion met so far (R7): a document repeats its
/// abbreviations row after row, and reading an expansion means parsing it as a cell. Shared
/// between threads.
typealias RoleKeyMemo = ParseCache<String, String?>
