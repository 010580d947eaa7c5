import JSON
import Model
import Text

/// The recognition data (`columns.json`, `documents.json`), loaded once.
struct Lexicon: Sendable {
    /// Column-header synonyms, folded, as UTF-8 bytes for the header matcher; in priority order.
    let columnSynonymBytes: [(field: ColumnField, prefixes: [[UInt8]])]
    static let numberSign = Array("№".utf8)
    let titleKeywords: [(kind: DocumentKind, words: [LexiconWord])]
    let orderStart: [String]
    let appendixPrefixes: [LexiconWord]
    let organizationTypes: [String]
    /// First words of the organisation types, to skip texts that name none quickly.
    let organizationFirstWords: Set<String>
    /// The same as UTF-8 bytes, when all are plain (`PlainScalars`).
    let organizationTypeBytes: [[UInt8]]?
    let organizationFirstWordBytes: [[UInt8]]?
    /// The first two bytes of the types.
    let organizationTypeHeads: BytePairSet

    static let shared = Lexicon()

    private init() {
        let columns = DataFiles.load("columns.json")
        let priority = DataFiles.strings(columns["priority"])
        var synonyms: [(ColumnField, [String])] = []
        let fields = columns["fields"]
        for name in priority {
            guard let field = ColumnField(rawValue: name) else { continue }
            synonyms.append((field, DataFiles.strings(fields?[name]).map(foldForMatching)))
        }
        columnSynonymBytes = synonyms.map { ($0.0, $0.1.map { Array($0.utf8) }) }
        let docs = DataFiles.load("documents.json")
        var titles: [(DocumentKind, [LexiconWord])] = []
        // Order matters: more specific kinds first.
        for kind in [DocumentKind.order, .report, .indicators, .roadmap, .program, .other] {
            titles.append((kind, DataFiles.strings(docs["titles"]?[kind.rawValue]).map(LexiconWord.init)))
        }
        titleKeywords = titles
        orderStart = DataFiles.strings(docs["orderStart"]).map(foldForMatching)
        appendixPrefixes = DataFiles.strings(docs["appendixPrefixes"]).map(LexiconWord.init)
        // Longest first (a stable sort: types of one length keep their order).
        organizationTypes = DataFiles.strings(docs["organizationTypes"]).map { ($0, PlainScalars.characterCount($0)) }
            .sorted { $0.1 > $1.1 }.map(\.0)
        organizationFirstWords = Set(organizationTypes.compactMap { $0.split(separator: " ").first.map(String.init) })
        // The byte search needs plain types (`PlainScalars`); other types take the general path.
        let plain = organizationTypes.allSatisfy { PlainScalars.scalars(of: $0) != nil && $0.utf8.count >= 2 }
        organizationTypeBytes = plain ? organizationTypes.map { Array($0.utf8) } : nil
        organizationFirstWordBytes = plain ? organizationFirstWords.map { Array($0.utf8) } : nil
        var heads = BytePairSet()
        for type in organizationTypes { heads.insert(Array(type.utf8)) }
        organizationTypeHeads = heads
    }
}

/// What a table column holds.
enum ColumnField: String, Sendable, Hashable, CaseIterable {
    case number, activity, deadline, responsibles, result, outcome, indicator

    /// Its place in `allCases`.
    var slot: Int {
        switch self {
        case .number: 0
        case .activity: 1
        case .deadline: 2
        case .responsibles: 3
        case .result: 4
        case .outcome: 5
        case .indicator: 6
        }
    }
}

extension String {
    /// True when `self` (already folded) starts with `prefix` at a word boundary.
    func hasWordPrefix(_ prefix: String) -> Bool {
        guard hasPrefix(prefix) else { return false }
        let rest = dropFirst(prefix.count)
        guard let next = rest.first else { return true }
        return !(next.isLetter) || prefix.last.map { !$0.isLetter } == true
    }
}

/// A lexicon word in `foldForMatching` form, with its bytes when it is plain (`PlainScalars`).
struct LexiconWord: Sendable {
    let folded: String
    let plainBytes: [UInt8]?
    /// Its last character is a letter (`hasWordPrefix`).
    let endsWithLetter: Bool

    init(_ raw: String) {
        folded = foldForMatching(raw)
        let scalars = PlainScalars.scalars(of: folded)
        plainBytes = scalars == nil ? nil : Array(folded.utf8)
        endsWithLetter = folded.last?.isLetter ?? false
    }
}

/// A text in `foldForMatching` form: its bytes when it is plain, else the folded string.
enum FoldedText {
    case plain([UInt8])
    case general(String)

    init(_ raw: String) {
        if let bytes = foldedPlainBytes(raw) { self = .plain(bytes) } else { self = .general(foldForMatchingGeneral(raw)) }
    }

    var string: String {
        switch self {
        case let .plain(bytes): String(decoding: bytes, as: UTF8.self)
        case let .general(s): s
        }
    }

    /// `String.hasWordPrefix`: on plain texts and words a byte comparison, as one scalar is one character.
    func hasWordPrefix(_ word: LexiconWord) -> Bool {
        guard case let .plain(bytes) = self, let prefix = word.plainBytes else { return string.hasWordPrefix(word.folded) }
        guard bytes.count >= prefix.count, bytes[..<prefix.count].elementsEqual(prefix) else { return false }
        guard bytes.count > prefix.count else { return true }
        let nextIsLetter = bytes.withUnsafeBufferPointer { b in
            PlainScalars.decode(b, prefix.count).map { PlainScalars.isLetter($0.scalar) } ?? false
        }
        return !nextIsLetter || !word.endsWithLetter
    }
}

/// A set of byte pairs, as a bitmap: a lookup costs a shift and a mask.
struct BytePairSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    /// Adds the first two bytes of `bytes` (nothing when it is shorter).
    mutating func insert(_ bytes: [UInt8]) {
        guard bytes.count >= 2 else { return }
        let key = Int(bytes[0]) << 8 | Int(bytes[1])
        bits[key >> 6] |= 1 << UInt64(key & 63)
    }

    @inline(__always)
    func contains(_ a: UInt8, _ b: UInt8) -> Bool {
        let key = Int(a) << 8 | Int(b)
        return bits[key >> 6] & (1 << UInt64(key & 63)) != 0
    }
}
