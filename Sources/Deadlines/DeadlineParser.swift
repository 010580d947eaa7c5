import Model
import Text

/// Turns a deadline cell's Russian text into kinds and occurrences (`deadlines.md`).
///
/// The text is tokenised (`Tokenizer`), read into items by a grammar (`TermReader`),
/// split into clauses at `далее` (`ClauseSplitter`) and evaluated against the period
/// (`CellEvaluator`, `Recurrence`). Words come from the JSON tables of `Lexicon`.
public struct DeadlineParser: Sendable {
    private let lexicon: Lexicon

    public init() {
        lexicon = Lexicon.shared
    }

    /// A parser with other word tables (tests, a methodist's data directory).
    init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Parses `text` within `period`. Diagnostics carry no location: the caller places them.
    public func parse(_ text: String?, period: Period?) -> Checked<Deadline> {
        guard let normalized = TextNormalizer.normalize(text) else {
            return Checked(Deadline(text: nil), diagnostics: [DeadlineMessages.missing(nil)])
        }
        let tokens = Tokenizer.tokenize(normalized, lexicon: lexicon)
        if tokens.allSatisfy({ [.dash, .dot, .comma, .other].contains($0.kind) }) {
            return Checked(Deadline(text: normalized), diagnostics: [DeadlineMessages.missing(normalized)])
        }
        var items = TermReader(Self.withoutLooseBlanks(tokens), lexicon: lexicon).read()
        if tokens.contains(where: { $0.kind == .placeholder }) { items.append(.placeholder) }
        let clauses = ClauseSplitter.split(items)
        let meaning = CellEvaluator(period: period, items: items).evaluate(clauses)

        var deadline = Deadline(text: normalized, kinds: meaning.kinds.sorted())
        var diagnostics: [Diagnostic] = []
        for (fragment, reason) in meaning.invalid {
            diagnostics.append(DeadlineMessages.invalidDate(fragment: fragment, reason: reason, text: normalized))
        }
        if meaning.placeholder {
            diagnostics.append(DeadlineMessages.placeholder(normalized))
        } else {
            let unique = Self.sortedUnique(meaning.occurrences)
            deadline.occurrences = unique.map(\.0)
            for fragment in meaning.yearMissing {
                diagnostics.append(DeadlineMessages.yearMissing(fragment: fragment, text: normalized))
            }
            if let period {
                let outside = unique.filter { !period.contains($0.judge) }.map(\.0)
                if !outside.isEmpty {
                    diagnostics.append(DeadlineMessages.outsidePeriod(outside, period: period, text: normalized))
                }
            }
            if meaning.kinds.isEmpty, diagnostics.isEmpty {
                diagnostics.append(DeadlineMessages.unparsed(normalized))
            }
        }
        return Checked(deadline, diagnostics: Self.unique(diagnostics))
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

    private static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > 1 else { return diagnostics }   // most cells: hashing messages costs
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
