import Model

/// One organisation: its name for documents, its short name and every key it is known by.
public struct Identity: Hashable, Sendable {
    public var name: String
    public var shortName: String?
    /// Whether it comes from the methodist's roster (otherwise it was learned from the files).
    public var inRoster: Bool
    public internal(set) var keys: [NameKey]
}

/// How a name was resolved.
public enum Resolution: Hashable, Sendable {
    /// One of the known organisations (index into `identities`).
    case known(Int)
    /// A new organisation, learned from this name (no roster).
    case learned(Int)
    /// A roster is in force and the name matches none of it.
    case notInRoster(String)
}

/// Who each organisation is: a roster (closed: names are matched to it) or identities learned from
/// the names met, in order (open). Names are compared by their keys (`NameKey`):
/// 1. all tokens equal; 2. the cores equal (legal form left out or spelt out);
/// 3. one core inside the other with the same numbers («СОШ № 5» in «МБОУ СОШ № 5 г. Пролетарска»),
///    unless the smaller core is only a kind of school; 4. the cores equal but for a kind of school one
///    of them leaves unspecified («Школа № 5» and «СОШ № 5», not «ООШ № 5» and «СОШ № 5»).
/// The first level that finds exactly one organisation decides; two or more there are no match.
public struct OrganisationIndex: Sendable {
    public private(set) var identities: [Identity] = []
    public let closed: Bool
    public let lexicon: NameLexicon
    /// Identities by their keys' tokens, cores, numbers and families: each level asks only those that may match.
    private var byTokens: [[String]: Set<Int>] = [:]
    private var byCore: [[String]: Set<Int>] = [:]
    private var byNumbers: [[String]: Set<Int>] = [:]
    private var byFamily: [[String]: Set<Int>] = [:]

    private mutating func add(_ key: NameKey, to i: Int) {
        identities[i].keys.append(key)
        byTokens[key.tokens, default: []].insert(i)
        byCore[key.core, default: []].insert(i)
        byNumbers[key.numbers.sorted(), default: []].insert(i)
        byFamily[key.family, default: []].insert(i)
    }

    /// A closed index over a roster.
    public init(roster: Roster, lexicon: NameLexicon = .shared) {
        self.lexicon = lexicon
        closed = true
        for e in roster.entries {
            identities.append(Identity(name: e.official, shortName: e.short, inRoster: true, keys: []))
            for key in ([e.official] + [e.short].compactMap { $0 } + e.forms).map(lexicon.key) where !key.tokens.isEmpty {
                add(key, to: identities.count - 1)
            }
        }
    }

    /// An open index, learning from names as they come.
    public init(lexicon: NameLexicon = .shared) {
        self.lexicon = lexicon
        closed = false
    }

    /// `roster` when given, else an open index that has learned `names` in order.
    public init(roster: Roster?, learning names: [String], lexicon: NameLexicon = .shared) {
        if let roster {
            self.init(roster: roster, lexicon: lexicon)
        } else {
            self.init(lexicon: lexicon)
            for n in names { _ = resolve(n) }
        }
    }

    /// The organisation `name` stands for, if exactly one.
    public func match(_ name: String) -> Int? { match(key: lexicon.key(name)) }

    func match(key: NameKey) -> Int? {
        guard !key.tokens.isEmpty else { return nil }
        // A name that is only a legal form («МБОУ») is matched by all its words or not at all.
        for level in 1...(key.isEmpty ? 1 : 4) {
            let candidates: Set<Int>
            switch level {
            case 1: candidates = byTokens[key.tokens] ?? []
            case 2: candidates = byCore[key.core] ?? []
            case 3: candidates = byNumbers[key.numbers.sorted()] ?? []
            default: candidates = byFamily[key.family] ?? []
            }
            let found = candidates.filter { identities[$0].keys.contains { matches(key, $0, level: level) } }
            if found.count == 1 { return found.first }
            if found.count > 1 { return nil }
        }
        return nil
    }

    /// Resolves a name, learning it when the index is open: a name that matches an organisation
    /// adds its key to it, a name that matches none becomes a new organisation.
    public mutating func resolve(_ name: String) -> Resolution {
        let key = lexicon.key(name)
        if let i = match(key: key) {
            if !closed, !identities[i].keys.contains(key) { add(key, to: i) }
            return .known(i)
        }
        guard !closed else { return .notInRoster(name) }
        identities.append(Identity(name: lexicon.displayName(name), shortName: nil, inRoster: false, keys: []))
        if !key.tokens.isEmpty { add(key, to: identities.count - 1) }
        return .learned(identities.count - 1)
    }

    /// The name for documents of the organisation a resolution names, or the name as written
    /// (tail cut, in the nominative) when it matches nothing.
    public func name(of resolution: Resolution) -> String {
        switch resolution {
        case let .known(i), let .learned(i): return identities[i].name
        case let .notInRoster(name): return lexicon.displayName(name)
        }
    }

    func matches(_ a: NameKey, _ b: NameKey, level: Int) -> Bool {
        switch level {
        case 1: return a.tokens == b.tokens
        case 2: return !a.core.isEmpty && a.core == b.core
        case 3:
            guard a.numbers == b.numbers else { return false }
            let (small, large) = a.core.count <= b.core.count ? (a.core, b.core) : (b.core, a.core)
            guard !small.isEmpty, small.contains(where: { !lexicon.kinds.contains($0) }) || !a.numbers.isEmpty else { return false }
            return Self.isSubsequence(small, of: large)
        default:
            guard a.family == b.family else { return false }
            return zip(a.core, b.core).allSatisfy { x, y in x == y || lexicon.generic.contains(x) || lexicon.generic.contains(y) }
        }
    }

    /// `small`'s tokens appear in `large` in the same order.
    static func isSubsequence(_ small: [String], of large: [String]) -> Bool {
        var i = 0
        for t in large where i < small.count && t == small[i] { i += 1 }
        return i == small.count
    }
}
