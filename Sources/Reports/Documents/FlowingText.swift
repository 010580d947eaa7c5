import Foundation

/// A cell's text as it flows: the line breaks that only wrapped a sentence in the source
/// cell become spaces; the breaks before a numbered or bulleted line, after a `;` or `:`, or
/// between sentences (a capital after `.`) stay. A dash starts a list line only after `;` or `:`
/// or another dash line: «2023 г.⏎– 50 %» is one wrapped phrase.
public enum FlowingText {
    public static func join(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var out = ""
        var previous: String?
        for line in lines {
            guard !line.isEmpty else {
                // An empty line separates paragraphs: kept once.
                if previous != nil { out += "\n\n" }
                previous = nil
                continue
            }
            if let previous {
                if keepsBreak(after: previous, before: line) {
                    out += "\n"
                } else if !(previous.hasSuffix("-") && previous.dropLast().last?.isLetter == true) {
                    out += " "
                }
            } else if !out.isEmpty, !out.hasSuffix("\n") {
                out += "\n"
            }
            out += line
            previous = line
        }
        while out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    static func keepsBreak(after previous: String, before next: String) -> Bool {
        guard let last = previous.last else { return true }
        if last == ";" || last == ":" { return true }
        if startsWithDash(next) { return startsWithDash(previous) }
        if startsListLine(next) { return true }
        if ".!?".contains(last), let first = next.first, first.isUppercase || first.isNumber || first == "«" { return true }
        return false
    }

    static func startsWithDash(_ line: String) -> Bool { line.first.map { "-–—".contains($0) } ?? false }

    /// `•`, `*`, `1.`, `1)`, `а)`: a line that begins a list entry.
    static func startsListLine(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if "•·*●▪►✓".contains(first) { return true }
        let head = line.prefix { $0.isNumber }
        if !head.isEmpty, head.count <= 3 {
            let after = line.dropFirst(head.count).first
            return after == "." || after == ")"
        }
        if first.isLetter, line.dropFirst().first == ")" { return true }
        return false
    }
}
