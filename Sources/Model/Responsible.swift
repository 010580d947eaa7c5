/// What a responsibles entry names (`responsibles.md`).
public enum ResponsibleKind: String, Sendable, Hashable, CaseIterable, Codable {
    case role, person, body, unknown
}

/// One entry of a responsibles cell.
public struct Responsible: Hashable, Sendable {
    /// The entry as written, whitespace folded.
    public var text: String
    public var kind: ResponsibleKind?
    public var key: String?
    public var expansion: String?

    public init(text: String, kind: ResponsibleKind? = nil, key: String? = nil, expansion: String? = nil) {
        self.text = text
        self.kind = kind
        self.key = key
        self.expansion = expansion
    }
}

extension Responsible: Codable {
    private enum CodingKeys: String, CodingKey { case text, kind, key, expansion }

    /// `expansion` only when there is one.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(kind, forKey: .kind)
        try c.encode(key, forKey: .key)
        if let expansion { try c.encode(expansion, forKey: .expansion) }
    }
}

/// Abbreviations a document defines («Принятые сокращения: УО - Управление образования»),
/// in the order they were defined.
public struct Glossary: Hashable, Sendable {
    public var entries: [(abbreviation: String, expansion: String)]

    public init(_ entries: [(abbreviation: String, expansion: String)] = []) { self.entries = entries }

    public func expansion(of abbreviation: String) -> String? {
        entries.first { $0.abbreviation == abbreviation }?.expansion
    }

    public mutating func define(_ abbreviation: String, _ expansion: String) {
        if let i = entries.firstIndex(where: { $0.abbreviation == abbreviation }) {
            entries[i].expansion = expansion
        } else {
            entries.append((abbreviation, expansion))
        }
    }

    public static func == (a: Glossary, b: Glossary) -> Bool {
        a.entries.count == b.entries.count
            && zip(a.entries, b.entries).allSatisfy { $0.abbreviation == $1.abbreviation && $0.expansion == $1.expansion }
    }

    public func hash(into hasher: inout Hasher) {
        for e in entries { hasher.combine(e.abbreviation); hasher.combine(e.expansion) }
    }
}
