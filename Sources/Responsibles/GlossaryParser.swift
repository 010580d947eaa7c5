import Foundation
import Model
import Text

/// Reads the abbreviations a document defines: a block («Принятые сокращения: УО - Управление
/// образования …; РЦО – …»), lines `ОО - общеобразовательные организации`, and
/// «… Ресурсный центр образования (далее – РЦО)» or «(далее - целевая модель наставничества, ЦМН)».
public enum GlossaryParser {
    /// Function words an abbreviation usually skips («Управление по делам молодёжи»).
    static let functionWords: Set<String> = ["и", "в", "во", "на", "по", "с", "со", "для", "к", "о", "об", "от", "при", "за", "из", "у"]

    public static func parse(_ text: String) -> Glossary {
        var glossary = Glossary()
        for (line, hasDash, hasBracket) in candidateLines(text) {
            let rawLine = line
            var line = String(rawLine.drop(while: { $0 == " " || $0 == "\t" }))
            if hasDash, holds(line, anyOf: headings), let heading = line.range(of: "сокращени", options: .caseInsensitive),
               let colon = line[heading.upperBound...].firstIndex(of: ":") {
                line = String(line[line.index(after: colon)...])
            }
            if hasDash {
                // Cut at the `;` bytes: splitting a long line by characters is slow on Linux.
                for part in line.utf8.split(separator: 0x3B, omittingEmptySubsequences: false) {
                    if let (abbreviation, expansion) = definition(String(Substring(part))) { glossary.define(abbreviation, expansion) }
                }
            }
            if hasBracket, holds(rawLine, anyOf: references) {
                for (abbreviation, expansion) in references(in: rawLine) { glossary.define(abbreviation, expansion) }
            }
        }
        return glossary
    }

    private static let headings = ["сокращени", "Сокращени", "СОКРАЩЕНИ"]
    private static let references = ["(далее", "(Далее", "(ДАЛЕЕ"]

    /// Whether `line` holds one of `needles`, by a plain search of its UTF-8 bytes.
    static func holds(_ line: String, anyOf needles: [String]) -> Bool {
        needles.contains { line.containsBytes($0) }
    }

    /// `text` without the white space around it, as `trimmingCharacters(in: .whitespaces)`
    /// (tab and the space separators, Zs) but on the scalars: Foundation's is slow on long lines.
    static func trimmedOfSpaces(_ text: Substring) -> String {
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == "\t" || c.properties.generalCategory == .spaceSeparator }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }

    /// The lines that may define something, found on the UTF-8 bytes: a definition needs a
    /// dash (`-`, `–`, `—`) and a reference «(далее …)» a bracket; most lines have neither.
    static func candidateLines(_ text: String) -> [(String, hasDash: Bool, hasBracket: Bool)] {
        var out: [(String, hasDash: Bool, hasBracket: Bool)] = []
        let bytes = Array(text.utf8)
        var start = 0
        var dash = false, bracket = false
        func flush(_ end: Int) {
            if (dash || bracket), end > start {
                out.append((String(decoding: bytes[start..<end], as: UTF8.self), dash, bracket))
            }
        }
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x0A:
                flush(i)
                start = i + 1
                dash = false
                bracket = false
            case 0x2D: dash = true
            case 0x28: bracket = true
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94):
                dash = true
            default: break
            }
            i += 1
        }
        flush(bytes.count)
        return out
    }

    /// `УО - Управление образования Администрации ЗАТО Северск`.
    static func definition(_ part: String) -> (String, String)? {
        // An abbreviation is a short word before the dash: a long head is no definition.
        guard let rawDash = part.unicodeScalars.prefix(25).firstIndex(where: { $0 == "-" || $0 == "–" || $0 == "—" }),
              part.unicodeScalars.distance(from: part.unicodeScalars.startIndex, to: rawDash) <= 24
        else { return nil }
        let s = trimmedOfSpaces(Substring(part))
        guard !s.utf8.contains(0x09), let dash = s.firstIndex(where: { "-–—".contains($0) }) else { return nil }
        let abbreviation = trimmedOfSpaces(s[..<dash])
        var expansion = trimmedOfSpaces(s[s.index(after: dash)...])
        while let last = expansion.last, ".;,".contains(last) { expansion.removeLast() }
        guard !abbreviation.contains(" "), Words.isAbbreviation(abbreviation), Words.bare(abbreviation) == abbreviation,
              let first = expansion.first, first.isLetter || first == "«", expansion.count <= 300 else { return nil }
        return (abbreviation, expansion)
    }

    /// Every «(далее – ABBR)» of a line with the phrase it stands for.
    static func references(in line: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var searchFrom = line.startIndex
        while let open = line.range(of: "(далее", options: .caseInsensitive, range: searchFrom..<line.endIndex) {
            guard let close = line[open.upperBound...].firstIndex(of: ")") else { break }
            var inside = String(line[open.upperBound..<close])
            inside = inside.trimmingCharacters(in: CharacterSet(charactersIn: " \t-–—:"))
            let parts = inside.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let quotes = CharacterSet(charactersIn: "«»\"“”")
            if parts.count >= 2, let last = parts.last?.trimmingCharacters(in: quotes), Words.isAbbreviation(last),
               Words.bare(last) == last {
                // «(далее - целевая модель наставничества, ЦМН)»
                result.append((last, parts.dropLast().joined(separator: ", ")))
            } else {
                let abbreviation = inside.trimmingCharacters(in: quotes)
                if Words.isAbbreviation(abbreviation), Words.bare(abbreviation) == abbreviation, !abbreviation.contains(" "),
                   let expansion = phrase(before: String(line[..<open.lowerBound]), spelling: abbreviation) {
                    result.append((abbreviation, expansion))
                }
            }
            searchFrom = close
        }
        return result
    }

    /// The words just before a «(далее …)» whose initials spell the abbreviation
    /// (`Федерального государственного образовательного стандарта` → ФГОС).
    static func phrase(before text: String, spelling abbreviation: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let letters = Array(Words.fold(abbreviation).filter(\.isLetter))
        guard !words.isEmpty, (2...12).contains(letters.count) else { return nil }
        for count in 1...min(words.count, letters.count + 6) {
            let candidate = Array(words.suffix(count))
            let folded = candidate.map { Words.fold(Words.bare($0)) }
            if spells(folded, letters) {
                var expansion = candidate.joined(separator: " ")
                while let last = expansion.last, ",;:".contains(last) { expansion.removeLast() }
                if expansion.hasSuffix("»"), !expansion.contains("«") { expansion.removeLast() }
                if expansion.hasPrefix("«"), !expansion.contains("»") { expansion.removeFirst() }
                if expansion.hasPrefix("«"), expansion.hasSuffix("»"), expansion.filter({ $0 == "«" }).count == 1 {
                    expansion = String(expansion.dropFirst().dropLast())
                }
                return expansion
            }
        }
        return nil
    }

    /// Each content word gives the next one to three letters of the abbreviation from its start;
    /// function words may give their letter or nothing.
    static func spells(_ words: [String], _ letters: [Character]) -> Bool {
        var failed: Set<Int> = []
        func go(_ w: Int, _ l: Int) -> Bool {
            if w == words.count { return l == letters.count }
            if failed.contains(w * 1000 + l) { return false }
            defer { failed.insert(w * 1000 + l) }
            let word = Array(words[w])
            if word.isEmpty { return go(w + 1, l) }
            if functionWords.contains(words[w]) && go(w + 1, l) { return true }
            var n = 0
            while n < 3, l + n < letters.count, n < word.count, word[n] == letters[l + n] {
                n += 1
                if go(w + 1, l + n) { return true }
            }
            return false
        }
        return go(0, 0)
    }
}
