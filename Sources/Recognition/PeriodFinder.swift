import Model

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
        guard let text = TextNormalizer.singleLine(text) else { return nil }
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
