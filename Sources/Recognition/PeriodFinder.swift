import JSON
import Model
import Text

/// Finds the span a document plans for in its title or text (`export-format.md` "Period"):
/// `(2023-2025гг.)`, `на 2022 – 2024 годы`, `с 2022 г. по 2024 г.` → calendar years;
/// `в 2021-2022 учебном году`, `2021/2022 уч. год` → an academic year.
public enum PeriodFinder {
    private struct YearToken {
        let value: Int
        let start: Int
        let end: Int
    }

    public static func find(in text: String?) -> Period? {
        guard let text else { return nil }
        // Plain text (one scalar per character) is read as scalars; anything else as characters.
        if let scalars = PlainScalars.scalars(of: text) { return find(lowercased: scalars.map(PlainScalars.lowercased)) }
        return findGeneral(in: text)
    }

    private static func literal(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
    private static let dashes = ["-", "–", "—", "/", "-—"].map(literal)
    private static let sPoGaps = ["по", "гпо", "г.по", "годпо", "годапо"].map(literal)
    private static let academicTails = ["уч", "г.уч"].map(literal)
    private static let yearTails = ["год", "г.", "г "].map(literal)
    private static let yearLeads = ["на", "в", "за"].map(literal)
    private static let s = literal("с")[0]

    /// `findGeneral` on a plain text's lower-case scalars.
    private static func find(lowercased chars: [UInt32]) -> Period? {
        let isNumber = PlainScalars.isNumber
        func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
        var years: [YearToken] = []
        var i = 0
        while i < chars.count {
            if isNumber(chars[i]) {
                var j = i
                while j < chars.count, isNumber(chars[j]) { j += 1 }
                let isDatePart = (i > 0 && (chars[i - 1] == 0x2E || isNumber(chars[i - 1])))
                    || (j < chars.count && isNumber(chars[j]))
                if j - i == 4, !isDatePart, chars[i..<j].allSatisfy(isDigit) {
                    let v = chars[i..<j].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                    if (1990...2100).contains(v) { years.append(YearToken(value: v, start: i, end: j)) }
                }
                i = j
            } else {
                i += 1
            }
        }
        guard !years.isEmpty else { return nil }
        // `trimmingCharacters(in: .whitespaces)`: the plain scalars of that set are tab, space and no-break space.
        func trimmed(_ x: ArraySlice<UInt32>) -> ArraySlice<UInt32> {
            func isSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0x09 || c == 0xA0 }
            guard let first = x.firstIndex(where: { !isSpace($0) }), let last = x.lastIndex(where: { !isSpace($0) }) else { return [] }
            return x[first...last]
        }
        func between(_ a: YearToken, _ b: YearToken) -> ArraySlice<UInt32> { chars[a.end..<b.start] }
        func after(_ t: YearToken, _ n: Int = 16) -> ArraySlice<UInt32> { chars[t.end..<min(chars.count, t.end + n)] }
        func before(_ t: YearToken, _ n: Int = 6) -> ArraySlice<UInt32> { chars[max(0, t.start - n)..<t.start] }
        func hasPrefix(_ x: ArraySlice<UInt32>, _ p: [UInt32]) -> Bool { x.count >= p.count && x.prefix(p.count).elementsEqual(p) }
        func hasSuffix(_ x: ArraySlice<UInt32>, _ p: [UInt32]) -> Bool { x.count >= p.count && x.suffix(p.count).elementsEqual(p) }
        for k in 0..<years.count {
            let a = years[k]
            if k + 1 < years.count {
                let b = years[k + 1]
                let gap = trimmed(between(a, b)).filter { $0 != 0x20 }
                let dash = dashes.contains(gap)
                let sPo = sPoGaps.contains(gap) && before(a).contains(s)
                if (dash || sPo) && b.value > a.value && b.value - a.value <= 10 {
                    let trimmedTail = trimmed(after(b))
                    if academicTails.contains(where: { hasPrefix(trimmedTail, $0) }) {
                        if b.value == a.value + 1 { return Period.academicYear(a.value) }
                    }
                    return Period.calendarYears(a.value, b.value)
                }
            }
            // «на 2023 год», «в 2024 году», «2023-й год»
            let tail = trimmed(after(a))
            let lead = trimmed(before(a, 4))
            if yearLeads.contains(where: { hasSuffix(lead, $0) }) && yearTails.contains(where: { hasPrefix(tail, $0) }) {
                return Period.calendarYears(a.value, a.value)
            }
        }
        return nil
    }

    /// `find` for any text, Character by Character.
    static func findGeneral(in text: String) -> Period? {
        let chars = Array(text.lowercased())
        var years: [YearToken] = []
        var i = 0
        while i < chars.count {
            if chars[i].isNumber {
                var j = i
                while j < chars.count, chars[j].isNumber { j += 1 }
                let isDatePart = (i > 0 && (chars[i - 1] == "." || chars[i - 1].isNumber))
                    || (j < chars.count && chars[j].isNumber)
                if j - i == 4, !isDatePart, let v = Int(String(chars[i..<j])), (1990...2100).contains(v) {
                    years.append(YearToken(value: v, start: i, end: j))
                }
                i = j
            } else {
                i += 1
            }
        }
        guard !years.isEmpty else { return nil }
        func between(_ a: YearToken, _ b: YearToken) -> String { String(chars[a.end..<b.start]) }
        func after(_ t: YearToken, _ n: Int = 16) -> String { String(chars[t.end..<min(chars.count, t.end + n)]) }
        func before(_ t: YearToken, _ n: Int = 6) -> String { String(chars[max(0, t.start - n)..<t.start]) }
        for k in 0..<years.count {
            let a = years[k]
            if k + 1 < years.count {
                let b = years[k + 1]
                let gap = between(a, b).trimmingCharacters(in: .whitespaces)
                let dash = ["-", "–", "—", "/", "-—"].contains(gap.replacingOccurrences(of: " ", with: ""))
                let sPo = gap.replacingOccurrences(of: " ", with: "").range(of: #"^(г\.?|года?)?по$"#, options: .regularExpression) != nil
                    && before(a).contains("с")
                if (dash || sPo) && b.value > a.value && b.value - a.value <= 10 {
                    let tail = after(b)
                    let trimmedTail = tail.trimmingCharacters(in: .whitespaces)
                    if trimmedTail.hasPrefix("уч") || trimmedTail.hasPrefix("г.уч") {
                        if b.value == a.value + 1 { return Period.academicYear(a.value) }
                    }
                    return Period.calendarYears(a.value, b.value)
                }
            }
            // «на 2023 год», «в 2024 году», «2023-й год»
            let tail = after(a).trimmingCharacters(in: .whitespaces)
            let lead = before(a, 4).trimmingCharacters(in: .whitespaces)
            if (lead.hasSuffix("на") || lead.hasSuffix("в") || lead.hasSuffix("за")) && (tail.hasPrefix("год") || tail.hasPrefix("г.") || tail.hasPrefix("г ")) {
                return Period.calendarYears(a.value, a.value)
            }
        }
        return nil
    }
}

/// Finds the organisation a document belongs to, as written: an organisation type
/// (`МБОУ`, `МБУ ДО`, `Управление образования`, from `documents.json`) and its name up
/// to where the phrase turns to something else (a period, a comma, a bracket).
public enum OrganizationFinder {
    public static func find(in text: String?) -> String? {
        guard var text = TextNormalizer.singleLine(text) else { return nil }
        // Plain text (one scalar per character) is read as bytes; anything else as characters.
        if Lexicon.shared.organizationTypeBytes != nil,
           let found = text.withUTF8({ b -> String?? in isPlain(b) ? .some(findPlain(b)) : nil }) {
            return found
        }
        return findGeneral(in: text)
    }

    private static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            guard let (_, w) = PlainScalars.decode(b, i) else { return false }
            i += w
        }
        return true
    }

    /// The phrases a name ends before (when not in quotes, and past its first characters).
    private static let stops = [",", ";", "(", ")", ":", " на 20", " на 19", " в 20", " с 20", " за 20", " до 20", " в период",
                                " на период", " на 2", " в 2", " по реализации", " по внедрению", " по ", " о ", " об "]
    private static let stopBytes = stops.map { Array($0.utf8) }

    /// A byte a stop starts with: `, ; ( ) :` or a space.
    private static func isStopStart(_ c: UInt8) -> Bool {
        switch c {
        case 0x2C, 0x3B, 0x28, 0x29, 0x3A, 0x20: true
        default: false
        }
    }

    /// `findGeneral` on a plain single-line text's bytes.
    private static func findPlain(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let lexicon = Lexicon.shared
        guard let typeBytes = lexicon.organizationTypeBytes, let firstWords = lexicon.organizationFirstWordBytes else { return nil }
        func scalar(at i: Int) -> UInt32 { PlainScalars.decode(b, i)!.scalar }
        func scalarBefore(_ i: Int) -> UInt32 {
            var j = i - 1
            while b[j] & 0xC0 == 0x80 { j -= 1 }
            return scalar(at: j)
        }
        // Types start with a capital word (МБОУ, Управление): look closer only if one is there.
        var named = false
        var i = 0
        while i < b.count, !named {
            if b[i] == 0x20 { i += 1; continue }
            var end = i
            while end < b.count, b[end] != 0x20 { end += 1 }
            let first = scalar(at: i)
            if PlainScalars.isUppercase(first) || first == 0xAB || first == 0x28 {
                // The word's first run of letters, leading non-letters skipped.
                var start = i
                while start < end, !PlainScalars.isLetter(scalar(at: start)) { start += PlainScalars.decode(b, start)!.width }
                var stop = start
                while stop < end, PlainScalars.isLetter(scalar(at: stop)) { stop += PlainScalars.decode(b, stop)!.width }
                named = firstWords.contains { $0.count == stop - start && PlainScalars.has($0, in: b, at: start) }
            }
            i = end
        }
        guard named else { return nil }
        // Where a type can start: at its first two bytes (found in one pass; types are longer than a byte).
        let heads = lexicon.organizationTypeHeads
        var candidates: [Int] = []
        if b.count >= 2 {
            for p in 0..<(b.count - 1) where heads.contains(b[p], b[p + 1]) { candidates.append(p) }
        }
        // The earliest type standing as words of its own; at one place the longest (types come longest first).
        // A type's occurrences are taken left to right, each search going on after the one before.
        var best: Int?
        for type in typeBytes {
            var from = 0
            var next = 0
            while from + type.count <= b.count {
                while next < candidates.count,
                      candidates[next] < from || !PlainScalars.has(type, in: b, at: candidates[next]) {
                    next += 1
                }
                guard next < candidates.count else { break }
                let at = candidates[next]
                let end = at + type.count
                let beforeOK = at == 0 || !PlainScalars.isLetter(scalarBefore(at))
                let afterOK = end == b.count || !PlainScalars.isLetter(scalar(at: end))
                if beforeOK && afterOK {
                    if best == nil || at < best! { best = at }
                    break
                }
                from = end
            }
        }
        guard let start = best else { return nil }
        // The name runs to the first stop outside quotes past its first four characters.
        var cut = b.count
        var quoteDepth = 0
        var characters = 0
        i = start
        while i < b.count {
            let (c, width) = PlainScalars.decode(b, i)!
            if c == 0xAB || c == 0x22 && quoteDepth == 0 { quoteDepth += 1 } else if c == 0xBB || c == 0x22 { quoteDepth = max(0, quoteDepth - 1) }
            if quoteDepth == 0, characters > 3, isStopStart(b[i]),
               stopBytes.contains(where: { PlainScalars.has($0, in: b, at: i) }) {
                cut = i
                break
            }
            characters += 1
            i += width
        }
        // `trimmingCharacters(in: .whitespaces)`: the plain scalars of that set are tab, space and no-break space.
        func trimmed(_ r: Range<Int>) -> Range<Int> {
            var lo = r.lowerBound, hi = r.upperBound
            func spaceAt(_ i: Int) -> Int? {
                if b[i] == 0x20 || b[i] == 0x09 { return 1 }
                return b[i] == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0 ? 2 : nil
            }
            while lo < hi, let w = spaceAt(lo) { lo += w }
            while lo < hi {
                if b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 } else if hi - lo >= 2, b[hi - 2] == 0xC2, b[hi - 1] == 0xA0 { hi -= 2 } else { break }
            }
            return lo..<hi
        }
        var name = trimmed(start..<cut)
        while name.count >= 1, b[name.upperBound - 1] == 0x2E, !(name.count >= 2 && b[name.upperBound - 2] == 0x20) {
            // «… им. О. К. Оолака.» loses only a final sentence dot.
            let beforeDot = name.lowerBound..<(name.upperBound - 1)
            var wordEnd = beforeDot.upperBound
            while wordEnd > beforeDot.lowerBound, b[wordEnd - 1] == 0x20 { wordEnd -= 1 }
            var wordStart = wordEnd
            while wordStart > beforeDot.lowerBound, b[wordStart - 1] != 0x20 { wordStart -= 1 }
            if wordStart < wordEnd, b[wordStart..<wordEnd].lazy.filter({ $0 & 0xC0 != 0x80 }).count <= 2 { break }
            name = beforeDot
        }
        name = trimmed(name)
        return name.isEmpty ? nil : String(decoding: UnsafeBufferPointer(rebasing: b[name]), as: UTF8.self)
    }

    /// `find` for any text, Character by Character.
    static func findGeneral(in text: String) -> String? {
        // Types start with a capital word (МБОУ, Управление): look closer only if one is there.
        let firstWords = Lexicon.shared.organizationFirstWords
        guard text.split(separator: " ").contains(where: { word in
            guard let c = word.first, c.isUppercase || c == "«" || c == "(" else { return false }
            return firstWords.contains(String(word.drop { !$0.isLetter }.prefix { $0.isLetter }))
        }) else { return nil }
        var best: (start: String.Index, type: String)?
        for type in Lexicon.shared.organizationTypes {
            var searchFrom = text.startIndex
            while let r = text[searchFrom...].firstByteRange(of: type) {
                let beforeOK = r.lowerBound == text.startIndex || !text[text.index(before: r.lowerBound)].isLetter
                let afterOK = r.upperBound == text.endIndex || !text[r.upperBound].isLetter
                if beforeOK && afterOK {
                    if best == nil || r.lowerBound < best!.start { best = (r.lowerBound, type) }
                    break
                }
                searchFrom = r.upperBound
            }
        }
        guard let (start, _) = best else { return nil }
        var name = String(text[start...])
        let stops = [",", ";", "(", ")", ":", " на 20", " на 19", " в 20", " с 20", " за 20", " до 20", " в период", " на период",
                     " на 2", " в 2", " по реализации", " по внедрению", " по ", " о ", " об "]
        var cut = name.endIndex
        var quoteDepth = 0
        var idx = name.startIndex
        while idx < name.endIndex {
            let c = name[idx]
            if c == "«" || c == "\"" && quoteDepth == 0 { quoteDepth += 1 } else if c == "»" || c == "\"" { quoteDepth = max(0, quoteDepth - 1) }
            if quoteDepth == 0, stops.contains(where: { name[idx...].hasPrefix($0) }), idx > name.index(name.startIndex, offsetBy: 3) {
                cut = idx
                break
            }
            idx = name.index(after: idx)
        }
        name = String(name[..<cut]).trimmingCharacters(in: .whitespaces)
        while name.hasSuffix(".") && !name.hasSuffix(" .") {
            // «… им. О. К. Оолака.» loses only a final sentence dot.
            let beforeDot = name.dropLast()
            if let lastWord = beforeDot.split(separator: " ").last, lastWord.count <= 2 { break }
            name = String(beforeDot)
        }
        name = name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }
}
