import Model
import Text

/// Turns a deadline cell's Russian text into kinds and occurrences (`deadlines.md`).
///
/// The text is tokenised (`Tokenizer`), read into items by a grammar (`TermReader`),
/// split into clauses at `далее` (`ClauseSplitter`) and evaluated against the period
/// (`CellEvaluator`, `Recurrence`). Words come from the JSON tables of `Lexicon`.
public struct DeadlineParser: Sendable {
    /// The longest cell read, in characters: a real deadline is a line or two; a longer cell
    /// (a hostile or broken file) is kept as written and reported as too long, not read.
    public static let defaultLimit = 2_000

    private let lexicon: Lexicon
    let limit: Int

    public init() {
        self.init(lexicon: .shared, limit: Self.defaultLimit)
    }

    /// A parser with other word tables (tests, a methodist's data directory) or another limit.
    init(lexicon: Lexicon = .shared, limit: Int = DeadlineParser.defaultLimit) {
        self.lexicon = lexicon
        self.limit = limit
    }

    /// The deadline word tables that could not be read (not UTF-8, not JSON), each with a
    /// Russian message naming the file; empty when every table was read.
    public static var dataFileProblems: [DataFileProblem] { Lexicon.shared.problems }

    /// Parses `text` within `period`. Diagnostics carry no location: the caller places them.
    public func parse(_ text: String?, period: Period?) -> Checked<Deadline> {
        guard let normalized = TextNormalizer.normalize(text) else {
            return Checked(Deadline(text: nil), diagnostics: [DeadlineMessages.missing(nil)])
        }
        let length = normalized.unicodeScalars.count
        if length > limit {
            return Checked(Deadline(text: normalized), diagnostics: [DeadlineMessages.tooLong(normalized, length: length, limit: limit)])
        }
        let tokens = lexicon.rewritingAliases(Tokenizer.tokenize(normalized, lexicon: lexicon))
        if tokens.allSatisfy({ [.dash, .dot, .comma, .other].contains($0.kind) }) {
            return Checked(Deadline(text: normalized), diagnostics: [DeadlineMessages.missing(normalized)])
        }
        var items = TermReader(Self.withoutLooseBlanks(tokens), lexicon: lexicon).read()
        if tokens.contains(where: { $0.kind == .placeholder }) { items.append(.placeholder) }
        let clauses = ClauseSplitter.split(items)
        let meaning = CellEvaluator(period: period, items: items).evaluate(clauses)

        var deadline = Deadline(text: normalized, kinds: meaning.kinds.sorted())
        let messages = DeadlineMessages(text: normalized)
        var diagnostics: [Diagnostic] = []
        let invalid = Self.firstDistinct(meaning.invalid.map { ($0.fragment, $0.reason) }, by: { $0.0 + "\u{0}" + $0.1 })
        diagnostics += invalid.shown.map { messages.invalidDate(fragment: $0.0, reason: $0.1) }
        if invalid.more > 0 { diagnostics.append(messages.moreInvalidDates(invalid.more)) }
        if meaning.placeholder {
            diagnostics.append(messages.placeholder())
        } else {
            let unique = Self.sortedUnique(meaning.occurrences)
            deadline.occurrences = unique.map(\.0)
            let missing = Self.firstDistinct(meaning.yearMissing, by: { $0 })
            diagnostics += missing.shown.map { messages.yearMissing(fragment: $0) }
            if missing.more > 0 { diagnostics.append(messages.moreYearsMissing(missing.more)) }
            if let period {
                let outside = unique.filter { !period.contains($0.judge) }.map(\.0)
                if !outside.isEmpty {
                    diagnostics.append(messages.outsidePeriod(outside, period: period))
                }
            }
            if meaning.kinds.isEmpty, diagnostics.isEmpty {
                diagnostics.append(messages.unparsed())
            }
        }
        return Checked(deadline, diagnostics: diagnostics)
    }

    /// The tokens with blanks taken out, so that the rest reads as if they were not there
    /// (D24: `в течение Х года` is continuous, `май Х года` a date). Blanks inside a numeric
    /// date (`ХХ.ХХ.2024`, `00.00.0000`) stay for the date grammar; a number glued to a blank
    /// (`20__`) goes with it.
    static func withoutLooseBlanks(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        for (k, t) in tokens.enumerated() {
            let next = k + 1 < tokens.count ? tokens[k + 1] : nil
            if t.kind == .placeholder {
                let inDate = (next?.kind == .dot && !(next?.spaceBefore ?? true))
                    || (k > 0 && tokens[k - 1].kind == .dot && !t.spaceBefore)
                if !inDate {
                    if let last = out.last, last.kind == .number, !t.spaceBefore { out.removeLast() }
                    continue
                }
            }
            out.append(t)
        }
        return out
    }

    /// Occurrences sorted by due, then start (`nil` first), each once (D27).
    private static func sortedUnique(_ list: [(Occurrence, judge: Day)]) -> [(Occurrence, judge: Day)] {
        var seen = Set<Occurrence>()
        var out: [(Occurrence, judge: Day)] = []
        for entry in list.sorted(by: { $0.0 < $1.0 }) where seen.insert(entry.0).inserted {
            out.append(entry)
        }
        return out
    }

    /// How many problems of one kind a cell reports one by one; the rest are counted in one more.
    static let shownProblems = 5

    /// The first `shownProblems` distinct elements (by `key`) in written order, and how many
    /// other distinct ones there are.
    static func firstDistinct<T>(_ list: [T], by key: (T) -> String) -> (shown: [T], more: Int) {
        var seen = Set<String>()
        var shown: [T] = []
        var more = 0
        for element in list where seen.insert(key(element)).inserted {
            if shown.count < shownProblems { shown.append(element) } else { more += 1 }
        }
        return (shown, more)
    }
}
