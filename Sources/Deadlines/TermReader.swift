import Model

/// The grammar of deadline cells: turns tokens into items (spans, frequencies, phrases).
///
/// Every recogniser looks ahead a bounded number of tokens, so reading is linear
/// in the length of the cell.
struct TermReader {
    let tokens: [Token]
    let lexicon: Lexicon
    /// Per token, the phrase meanings that may start there: most look-ups end at one bit test.
    private let starts: [UInt32]

    init(_ tokens: [Token], lexicon: Lexicon) {
        self.tokens = tokens
        self.lexicon = lexicon
        starts = tokens.map { $0.isWordLike ? lexicon.meaningsStarting(with: $0.key) : 0 }
    }

    /// The end of the longest phrase of `meaning` at `i`.
    private func match(_ meaning: Lexicon.PhraseMeaning, at i: Int) -> Int? {
        guard i < tokens.count, starts[i] & meaning.bit != 0 else { return nil }
        return lexicon.phrases(meaning).longestMatch(in: tokens, at: i)
    }

    func read() -> [Item] {
        var items: [Item] = []
        var i = 0
        while i < tokens.count {
            if let (item, end) = phrase(at: i) ?? frequencyExpression(at: i) {
                items.append(item)
                i = end
            } else if let end = reference(at: i) {
                i = end
            } else if let (item, end) = anchor(at: i) {
                items.append(item)
                i = end
            } else if let (span, end) = span(at: i) {
                items.append(.span(span))
                i = end
            } else {
                if tokens[i].kind == .placeholder { items.append(.placeholder) }
                i += 1
            }
        }
        return items
    }

    // MARK: - Phrases and frequencies

    private static let phraseMeanings: [(Lexicon.PhraseMeaning, Item)] = [
        (.event, .event), (.continuous, .continuous), (.yearly, .frequency(.yearly)),
        (.halfYearly, .frequency(.halfYearly)), (.quarterly, .frequency(.quarterly)),
        (.monthly, .frequency(.monthly)), (.vague, .frequency(.vague)), (.next, .next),
    ]

    /// The longest phrase of the tables at `i`.
    func phrase(at i: Int) -> (Item, Int)? {
        var best: (Item, Int)?
        for (meaning, item) in Self.phraseMeanings {
            if let end = match(meaning, at: i), end > (best?.1 ?? i) {
                best = (item, end)
            }
        }
        return best
    }

    /// `[не реже] [N|одного] раз[а] в [N] год|месяц|квартал|полугодие|неделю…`.
    func frequencyExpression(at i: Int) -> (Item, Int)? {
        var j = match(.frequencyLeads, at: i) ?? i
        var times = 1
        var countIsTimes = false
        if let n = count(at: j) {
            times = n
            countIsTimes = lexicon.isUnit(tokens[j].key, .times)   // `дважды`
            j += 1
        }
        if !countIsTimes {
            guard j < tokens.count, lexicon.isUnit(tokens[j].key, .times) else { return nil }
            j += 1
        }
        if j < tokens.count, ["в", "за"].contains(tokens[j].key) { j += 1 }
        var every = 1
        if let n = count(at: j) {
            every = n
            j += 1
        }
        guard j < tokens.count else { return nil }
        let key = tokens[j].key
        let unit: Frequency
        switch true {
        case lexicon.isUnit(key, .year): unit = .yearly
        case lexicon.isUnit(key, .half): unit = .halfYearly
        case lexicon.isUnit(key, .quarter): unit = .quarterly
        case lexicon.isUnit(key, .month): unit = .monthly
        case lexicon.isUnit(key, .week), lexicon.isUnit(key, .term), lexicon.isUnit(key, .day): unit = .vague
        default: return nil
        }
        guard times == 1 else { return (.frequency(.vague), j + 1) }
        switch (unit, every) {
        case (_, 1): return (.frequency(unit), j + 1)
        case (.monthly, 3): return (.frequency(.quarterly), j + 1)
        case (.monthly, 6): return (.frequency(.halfYearly), j + 1)
        case (.monthly, 12): return (.frequency(.yearly), j + 1)
        default: return (.frequency(.vague), j + 1)
        }
    }

    private func count(at j: Int) -> Int? {
        guard j < tokens.count else { return nil }
        let t = tokens[j]
        if t.kind == .number, t.digits <= 2 { return t.value }
        return t.kind == .word ? lexicon.counts[t.key] : nil
    }

    /// `по итогам 2023 г.`, `за I квартал`: a span that names what is reported on, not when.
    /// Returns the index after it; the span is not a term.
    func reference(at i: Int) -> Int? {
        guard let j = match(.reference, at: i), let (_, end) = span(at: j) else { return nil }
        return end
    }

    // MARK: - Day-of-month anchors

    /// `до 10 числа [месяца][,] [следующего за отчётным]`.
    func anchor(at i: Int) -> (Item, Int)? {
        var j = match(.until, at: i)
            ?? match(.notLater, at: i) ?? i
        guard j + 1 < tokens.count, tokens[j].kind == .number, tokens[j].digits <= 2,
              (1...31).contains(tokens[j].value) else { return nil }
        let day = tokens[j].value
        j += 1
        // `10-го числа`
        if j + 1 < tokens.count, tokens[j].kind == .dash, !tokens[j].spaceBefore, tokens[j + 1].kind == .word,
           tokens[j + 1].key.count <= 2, !tokens[j + 1].spaceBefore {
            j += 2
        }
        guard j < tokens.count, lexicon.isUnit(tokens[j].key, .dayOfMonth) else { return nil }
        j += 1
        var k = j
        if k < tokens.count, lexicon.isUnit(tokens[k].key, .month) { k += 1 }
        let afterMonth = k
        if k < tokens.count, tokens[k].kind == .comma { k += 1 }
        if let end = match(.following, at: k) {
            var e = end
            if e < tokens.count, tokens[e].kind == .word,
               tokens[e].key.hasPrefix("период") || lexicon.isUnit(tokens[e].key, .month)
                || lexicon.isUnit(tokens[e].key, .quarter) {
                e += 1
            }
            return (.anchor(day: day, following: true), e)
        }
        return (.anchor(day: day, following: false), afterMonth)
    }

    // MARK: - Spans

    /// A point or a range, with its introducing words (`до`, `с … по`, `в течение`, …).
    func span(at i: Int) -> (Span, Int)? {
        var j = i
        var mode = SpanMode.window
        var sinceContext = false
        if let e = match(.untilEnd, at: j) {
            mode = .untilEnd
            j = e
        } else if let e = match(.notLater, at: j) {
            mode = .notLater
            j = e
        } else if let e = match(.until, at: j) {
            mode = .until
            j = e
        } else if let e = match(.during, at: j) {
            mode = .during
            j = e
            if let e2 = match(.since, at: j) {
                j = e2
                sinceContext = true
            }
        } else if let e = match(.since, at: j) {
            mode = .since
            j = e
            sinceContext = true
        }
        if let e = match(.skip, at: j) { j = e }
        guard let (first, afterFirst) = point(at: j, allowBare: true, mode: mode) else { return nil }
        var from: Point?
        var to = first
        var end = afterFirst
        if afterFirst < tokens.count, isConnector(at: afterFirst, sinceContext: sinceContext) {
            var k = afterFirst + 1
            if let e = match(.skip, at: k) { k = e }
            if let (second, afterSecond) = point(at: k, allowBare: first.bare, mode: .window),
               let merged = RangeMerger.merge(first, second) {
                from = merged.0
                to = merged.1
                end = afterSecond
            }
        }
        if from == nil, first.bare { return nil }
        if mode == .since, from != nil { mode = .window }
        return (Span(from: from, to: to, mode: mode, fragment: fragment(i, end), position: i), end)
    }

    /// A dash joins two points; `по`/`до` (the `through` table) only after `с`.
    private func isConnector(at k: Int, sinceContext: Bool) -> Bool {
        tokens[k].kind == .dash || (sinceContext && match(.through, at: k) == k + 1)
    }

    /// The text of tokens `a..<b` as written, spaces folded.
    func fragment(_ a: Int, _ b: Int) -> String {
        var s = ""
        for k in a..<min(b, tokens.count) {
            if k > a, tokens[k].spaceBefore { s.append(" ") }
            s.append(tokens[k].text)
        }
        return s
    }

    // MARK: - Points

    /// One point of time at `j`. `allowBare` admits a bare day or year that a range completes.
    func point(at j: Int, allowBare: Bool, mode: SpanMode) -> (Point, Int)? {
        guard j < tokens.count else { return nil }
        let t = tokens[j]
        if let r = numericDate(at: j) { return r }
        if let r = ordinalUnit(at: j) { return r }
        // «13» мая 2023
        if t.kind == .quote, j + 3 < tokens.count, tokens[j + 1].kind == .number, tokens[j + 2].kind == .quote,
           let r = dayMonth(day: tokens[j + 1], monthAt: j + 3) {
            return r
        }
        if t.kind == .number, t.digits <= 2, let r = dayMonth(day: t, monthAt: j + 1) { return r }
        if let n = lexicon.decadePositions[t.key], j + 1 < tokens.count, let m = lexicon.months[tokens[j + 1].key] {
            return point(.decade(month: m, n: n), yearAt: j + 2)
        }
        if t.kind == .word, let m = lexicon.months[t.key] {
            var k = j + 1
            if k < tokens.count, tokens[k].kind == .dot, !tokens[k].spaceBefore, t.key.count <= 4 { k += 1 }
            return point(.month(m), yearAt: k)
        }
        if t.kind == .number, let r = yearPoint(at: j, allowBare: allowBare) { return r }
        if [.until, .notLater, .untilEnd].contains(mode), t.kind == .word, lexicon.isUnit(t.key, .academic) {
            var k = j + 1
            if k < tokens.count, tokens[k].kind == .dot { k += 1 }
            if k < tokens.count, lexicon.isUnit(tokens[k].key, .year) {
                return (Point(unit: .academicYear), consumeYearWords(from: k))
            }
        }
        if mode == .untilEnd, t.kind == .word, lexicon.isUnit(t.key, .year), t.key != "г" {
            return (Point(unit: .year), j + 1)
        }
        if allowBare, t.kind == .number, t.digits <= 2, (1...31).contains(t.value) {
            return (Point(unit: .bareDay(t.value), bare: true), j + 1)
        }
        return nil
    }

    /// `13 мая [2023 г.]` with the month at `monthAt`.
    private func dayMonth(day: Token, monthAt k: Int) -> (Point, Int)? {
        guard day.kind == .number, day.digits <= 2, k < tokens.count, let m = lexicon.months[tokens[k].key] else {
            return nil
        }
        var p = Point(unit: .day(month: m, day: day.value))
        var end = yearPart(at: k + 1, into: &p)
        if end == k + 1, end < tokens.count, tokens[end].kind == .dot, !tokens[end].spaceBefore,
           tokens[k].key.count <= 4 {
            end = yearPart(at: end + 1, into: &p)
        }
        p.problem = p.problem ?? DateValidity.check(day: day.value, month: m, year: p.year, fragment: fragment(k - 1, end))
        return (p, end)
    }

    /// `13.05.2023`, `13.5.23`, `15.09. 2024`, `13.05`, `15. 09.2024`, `15,09,2024`, and blanks
    /// `00.00.0000`, `ХХ.ХХ.2024`.
    private func numericDate(at j: Int) -> (Point, Int)? {
        func component(_ k: Int) -> Token? {
            guard k < tokens.count else { return nil }
            let t = tokens[k]
            if t.kind == .number, t.digits <= 2 { return t }
            if t.kind == .placeholder { return t }
            return nil
        }
        guard let d = component(j), j + 2 < tokens.count, let m = component(j + 2) else { return nil }
        let separator = tokens[j + 1].kind
        // A four-digit year glued to the month by the same separator: `15.09.2024`, `15,09,2024`.
        let fullYear = j + 4 < tokens.count && tokens[j + 3].kind == separator && !tokens[j + 3].spaceBefore
            && tokens[j + 4].kind == .number && tokens[j + 4].digits == 4 && !tokens[j + 4].spaceBefore
        switch separator {
        case .dot:
            // A stray space beside the first dot (`15. 09.2024`, `15 .09.2024`) only before a full year.
            guard (!tokens[j + 1].spaceBefore && !tokens[j + 2].spaceBefore) || fullYear else { return nil }
        case .comma:
            // Commas typed for dots: only the whole glued date, never a list of numbers.
            guard !tokens[j + 1].spaceBefore, !tokens[j + 2].spaceBefore, fullYear, tokens[j + 1].text == "," else {
                return nil
            }
        default:
            return nil
        }
        var end = j + 3
        var yearToken: Token?
        if end + 1 < tokens.count, tokens[end].kind == separator, !tokens[end].spaceBefore,
           tokens[end + 1].kind == .number || tokens[end + 1].kind == .placeholder {
            yearToken = tokens[end + 1]
            end += 2
            // `2023г`, `20__`: the year may run on into a blank.
            if end < tokens.count, tokens[end].kind == .placeholder, !tokens[end].spaceBefore {
                yearToken = tokens[end]
                end += 1
            }
        } else if d.kind == .placeholder || m.kind == .placeholder {
            // ХХ.ХХ without a year
        } else if end < tokens.count, tokens[end].kind == .number, !tokens[end].spaceBefore {
            return nil
        } else if end < tokens.count, tokens[end].kind == .dot, !tokens[end].spaceBefore {
            end += 1   // `03.02.-07.02.2025`: the first date of a range ends with its dot
        }
        end = consumeYearWords(from: end)
        let text = fragment(j, end)
        let blank = d.kind == .placeholder || m.kind == .placeholder || yearToken?.kind == .placeholder
            || d.value == 0 || m.value == 0 || (yearToken.map { $0.kind == .number && $0.value == 0 } ?? false)
        if blank {
            let datelike = yearToken.map { $0.kind == .number && $0.digits == 4 && $0.value > 0 } ?? false
            return (Point(unit: .day(month: max(1, min(m.value, 12)), day: 1), problem: .placeholder(datelike: datelike)),
                    end)
        }
        var p = Point(unit: .day(month: m.value, day: d.value))
        if let y = yearToken {
            switch y.digits {
            case 2: p.year = 2000 + y.value
            case 4: p.year = y.value
            default:
                p.problem = .invalid(fragment: text, reason: "неверный год «\(y.text)»")
                return (p, end)
            }
        } else if yearToken == nil, m.value > 12 || d.value > 31 {
            return nil
        }
        guard (1...12).contains(m.value) else {
            p.problem = .invalid(fragment: text, reason: "неверный месяц «\(m.text)»")
            p.unit = .day(month: 1, day: 1)
            return (p, end)
        }
        p.problem = DateValidity.check(day: d.value, month: m.value, year: p.year, fragment: text)
        return (p, end)
    }

    /// `первая декада сентября`, `II квартал`, `1-2 квартал`, `III-IV кварталы`, `во втором полугодии`.
    private func ordinalUnit(at j: Int) -> (Point, Int)? {
        guard let (first, afterFirst) = ordinal(at: j) else { return nil }
        var last = first
        var k = afterFirst
        if k < tokens.count, tokens[k].kind == .dash, let (o2, after) = ordinal(at: k + 1) {
            last = o2
            k = after
        }
        guard k < tokens.count, last >= first else { return nil }
        let key = tokens[k].key
        var unitEnd = k + 1
        if unitEnd < tokens.count, tokens[unitEnd].kind == .dot, !tokens[unitEnd].spaceBefore { unitEnd += 1 }
        if lexicon.isUnit(key, .decade), first == last, first <= 3, unitEnd < tokens.count,
           let m = lexicon.months[tokens[unitEnd].key] {
            return point(.decade(month: m, n: first), yearAt: unitEnd + 1)
        }
        if lexicon.isUnit(key, .quarter), last <= 4 {
            return point(.quarters(first, last), yearAt: unitEnd)
        }
        if lexicon.isUnit(key, .half), last <= 2 {
            return point(.halves(first, last, academic: false), yearAt: unitEnd)
        }
        return nil
    }

    /// An ordinal 1–4: a word (`первая`, `II`), a number, or a number with an ending (`1-я`).
    private func ordinal(at j: Int) -> (Int, Int)? {
        guard j < tokens.count else { return nil }
        let t = tokens[j]
        if t.kind == .word, let n = lexicon.ordinals[t.key] { return (n, j + 1) }
        guard t.kind == .number, t.digits == 1, (1...4).contains(t.value) else { return nil }
        if j + 2 < tokens.count, tokens[j + 1].kind == .dash, !tokens[j + 1].spaceBefore, !tokens[j + 2].spaceBefore,
           tokens[j + 2].kind == .word, tokens[j + 2].key.count <= 2, lexicon.months[tokens[j + 2].key] == nil {
            return (t.value, j + 3)
        }
        return (t.value, j + 1)
    }

    /// A year on its own: `2024 г.`, `2023-2024 учебный год`, `2023/2024 уч. года`; a bare `2022` when allowed.
    private func yearPoint(at j: Int, allowBare: Bool) -> (Point, Int)? {
        let t = tokens[j]
        if let (base, end) = academicYear(at: j) { return (Point(unit: .academicYear, year: base), end) }
        let hasYearWord = j + 1 < tokens.count && tokens[j + 1].kind == .word && lexicon.isUnit(tokens[j + 1].key, .year)
        if t.digits == 4, t.value > 0 {
            if hasYearWord { return (Point(unit: .year, year: t.value), consumeYearWords(from: j + 1)) }
            return allowBare ? (Point(unit: .year, year: t.value, bare: true), j + 1) : nil
        }
        if t.digits >= 3, hasYearWord {
            let end = consumeYearWords(from: j + 1)
            let problem = PointProblem.invalid(fragment: fragment(j, end), reason: "неверный год «\(t.text)»")
            return (Point(unit: .year, year: nil, problem: problem), end)
        }
        return nil
    }

    /// `2023-2024 учебного года`, `2023/2024 уч. г.`: the first year.
    private func academicYear(at j: Int) -> (Int, Int)? {
        guard j + 3 < tokens.count, tokens[j].kind == .number, tokens[j].digits == 4,
              tokens[j + 1].kind == .dash || tokens[j + 1].kind == .slash,
              tokens[j + 2].kind == .number, tokens[j + 2].digits == 4 || tokens[j + 2].digits == 2 else { return nil }
        var k = j + 3
        while k < tokens.count, tokens[k].kind == .dot || (tokens[k].kind == .word && lexicon.isUnit(tokens[k].key, .year)) {
            k += 1
        }
        guard k < tokens.count, lexicon.isUnit(tokens[k].key, .academic) else { return nil }
        k += 1
        if k < tokens.count, tokens[k].kind == .dot, !tokens[k].spaceBefore { k += 1 }   // `уч.`
        return (tokens[j].value, consumeYearWords(from: k))
    }

    /// The year after a month, day or unit: `2023`, `2023 г.`, `23 г.`, `2023-2024 учебного года`.
    /// Writes the year (or a problem) into `point` and returns the index after it.
    private func yearPart(at k: Int, into point: inout Point) -> Int {
        guard k < tokens.count, tokens[k].kind == .number else { return k }
        let t = tokens[k]
        if let (base, end) = academicYear(at: k) {
            switch point.unit {
            case let .halves(a, b, _): point.unit = .halves(a, b, academic: true); point.year = base
            case .quarters: point.year = base
            default: point.year = (point.unit.month ?? 1) >= 9 ? base : base + 1
            }
            return end
        }
        let hasYearWord = k + 1 < tokens.count && tokens[k + 1].kind == .word && lexicon.isUnit(tokens[k + 1].key, .year)
        // `июнь 2022-2024 гг.`: a range of years follows, not the month's own year.
        if k + 2 < tokens.count, tokens[k + 1].kind == .dash || tokens[k + 1].kind == .slash,
           tokens[k + 2].kind == .number, tokens[k + 2].digits == 4, t.digits == 4 {
            return k
        }
        switch t.digits {
        case 4 where t.value > 0:
            point.year = t.value
            return consumeYearWords(from: k + 1)
        case 2 where hasYearWord:
            point.year = 2000 + t.value
            return consumeYearWords(from: k + 1)
        case 3, 5...:
            let end = consumeYearWords(from: k + 1)
            point.problem = .invalid(fragment: fragment(k, end), reason: "неверный год «\(t.text)»")
            return end
        default:
            return k
        }
    }

    /// A point of `unit` with the year written at `k` (`yearPart`), and the index after it.
    private func point(_ unit: TimeUnit, yearAt k: Int) -> (Point, Int) {
        var p = Point(unit: unit)
        let end = yearPart(at: k, into: &p)
        return (p, end)
    }

    /// Skips `г.`, `гг.`, `г.г.`, `года`, `годы` after a year.
    private func consumeYearWords(from k: Int) -> Int {
        var k = k
        var sawWord = false
        while k < tokens.count {
            let t = tokens[k]
            if t.kind == .word, lexicon.isUnit(t.key, .year) {
                sawWord = true
                k += 1
            } else if t.kind == .dot, sawWord, !t.spaceBefore {
                k += 1
            } else {
                break
            }
        }
        return k
    }
}

/// Whether a day exists in its month (and year, when written).
enum DateValidity {
    static func check(day: Int, month: Int, year: Int?, fragment: String) -> PointProblem? {
        let maxDay = year.map { Day.daysIn(month: month, year: $0) } ?? (month == 2 ? 29 : Day.daysIn(month: month, year: 2001))
        guard day < 1 || day > maxDay else { return nil }
        return .invalid(fragment: fragment, reason: "несуществующая дата «\(fragment)»")
    }
}

/// Completes the two ends of a range from each other (`1-15 сентября`, `ноябрь –декабрь 2021`).
enum RangeMerger {
    static func merge(_ first: Point, _ second: Point) -> (Point, Point)? {
        var a = first
        var b = second
        if case let .bareDay(d) = a.unit {
            guard case let .day(m, _) = b.unit else { return nil }
            a.unit = .day(month: m, day: d)
            a.bare = false
            a.year = b.year
            a.problem = a.problem ?? DateValidity.check(day: d, month: m, year: b.year, fragment: "\(d)")
            return (a, b)
        }
        if b.bare, !a.bare { return nil }
        if a.unit.isWholeYear != b.unit.isWholeYear { return nil }
        a.bare = false
        b.bare = false
        if a.year == nil, let y = b.year {
            a.year = wraps(a, b) ? y - 1 : y
        } else if b.year == nil, let y = a.year {
            b.year = wraps(a, b) ? y + 1 : y
        }
        return (a, b)
    }

    /// True when the second end comes earlier in the year than the first (`ноябрь-январь`).
    static func wraps(_ a: Point, _ b: Point) -> Bool {
        guard let ma = a.unit.month, let mb = b.unit.month else { return false }
        if ma != mb { return ma > mb }
        if case let .day(_, da) = a.unit, case let .day(_, db) = b.unit { return da > db }
        return false
    }
}
