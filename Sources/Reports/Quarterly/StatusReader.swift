import Foundation
import Model
import Text

/// Reads a status out of a report's «отметка о выполнении» with the status word table (`StatusWords`).
///
/// 1. A whole cell that is a mark («+», «✓», «да», «-», «нет») is that mark's status.
/// 2. Every phrase of the three lists found in the text; a phrase inside a longer one found at the same
///    place is dropped («в полном объеме» inside «не в полном объеме»); a phrase right after a negation
///    («не выполнено», «не было проведено») reads «не выполнено».
/// 3. «не выполнено» wins over «в работе», which wins over «выполнено».
/// 4. Nothing found: a date or a document number is the proof of doing («приказ № 12 от 03.02.2025»).
public struct StatusReader: Sendable {
    private struct Phrase {
        let words: [Substring]
        let status: ItemStatus
    }

    /// Phrases by their first word: a word of four letters or more by those four (it also matches
    /// itself with an ending), a shorter one as it is.
    private let byPrefix: [Substring: [Phrase]]
    private let byWord: [Substring: [Phrase]]
    private let negations: Set<Substring>
    private let doneMarks: Set<String>
    private let notDoneMarks: Set<String>
    private let notProofBefore: Set<Substring>

    public init(words: StatusWords = .builtIn) {
        var phrases: [Phrase] = []
        for (list, status) in [(words.notDone, ItemStatus.notDone), (words.inProgress, .inProgress), (words.done, .done)] {
            for text in list {
                let w = ItemWords.of(text)
                if !w.isEmpty { phrases.append(Phrase(words: w, status: status)) }
            }
        }
        byPrefix = Dictionary(grouping: phrases.filter { $0.words[0].count >= 4 }, by: { $0.words[0].prefix(4) })
        byWord = Dictionary(grouping: phrases.filter { $0.words[0].count < 4 }, by: { $0.words[0] })
        negations = Set(words.negations.flatMap { ItemWords.of($0) })
        doneMarks = Set(words.doneMarks.map(StatusReader.markForm))
        notDoneMarks = Set(words.notDoneMarks.map(StatusReader.markForm))
        notProofBefore = Set(words.notProofBefore.flatMap { ItemWords.of($0) })
    }

    /// `nil` when the text says nothing the table knows (an empty text included).
    public func status(of outcome: String?) -> ItemStatus? { read(outcome).status }

    /// The status, and whether a text was there that said nothing the table knows (for a note quoting it).
    public func read(_ outcome: String?) -> (status: ItemStatus?, unreadable: Bool) {
        guard let outcome else { return (nil, false) }
        let mark = StatusReader.markForm(outcome)
        if mark.isEmpty { return (nil, false) }
        if doneMarks.contains(mark) { return (.done, false) }
        if notDoneMarks.contains(mark) { return (.notDone, false) }
        let words = ItemWords.of(outcome)
        if let found = phraseStatus(words) { return (found, false) }
        // A leading symbol mark: «+ (15.10.2024)», «✓ проведено».
        if let first = outcome.trimmingCharacters(in: .whitespaces).first, !first.isLetter, !first.isNumber {
            let sign = StatusReader.markForm(String(first))
            if doneMarks.contains(sign) { return (.done, false) }
            if notDoneMarks.contains(sign) { return (.notDone, false) }
        }
        if isProof(outcome, words: words) { return (.done, false) }
        return (nil, !words.isEmpty || !mark.isEmpty)
    }

    private func phraseStatus(_ words: [Substring]) -> ItemStatus? {
        guard !words.isEmpty else { return nil }
        // Every match: where, how long, what it says.
        var found: [(start: Int, end: Int, status: ItemStatus)] = []
        for start in words.indices {
            let w = words[start]
            for p in (byWord[w] ?? []) + (w.count >= 4 ? byPrefix[w.prefix(4)] ?? [] : []) where start + p.words.count <= words.count {
                var all = true
                for (offset, pw) in p.words.enumerated() where !ItemWords.matches(words[start + offset], pw) { all = false; break }
                if all { found.append((start, start + p.words.count, p.status)) }
            }
        }
        // A match inside a longer one is part of it.
        found = found.filter { m in
            !found.contains { o in o.end - o.start > m.end - m.start && o.start <= m.start && m.end <= o.end }
        }
        var statuses: Set<ItemStatus> = []
        for m in found {
            var status = m.status
            if status != .notDone, negated(words, before: m.start) { status = .notDone }
            statuses.insert(status)
        }
        for s in [ItemStatus.notDone, .inProgress, .done] where statuses.contains(s) { return s }
        return nil
    }

    /// A negation right before `start`, or two words before it with «был/была/было/были» between.
    private func negated(_ words: [Substring], before start: Int) -> Bool {
        if start >= 1, negations.contains(words[start - 1]) { return true }
        if start >= 2, words[start - 1].hasPrefix("был"), negations.contains(words[start - 2]) { return true }
        return false
    }

    /// A date («15.10.2024», «3 февраля 2025») or a document number («№ 12») not introduced as a deadline.
    private func isProof(_ text: String, words: [Substring]) -> Bool {
        if text.contains("№") { return true }
        for (i, w) in words.enumerated() where w.allSatisfy(\.isNumber) {
            let previous = i > 0 ? words[i - 1] : ""
            if notProofBefore.contains(previous) { continue }
            // dd.mm.yyyy reads as three numbers; «3 февраля 2025» as a number, a month and a year.
            if i + 2 < words.count, words[i + 2].count == 4 || words[i + 2].count == 2, words[i + 2].allSatisfy(\.isNumber),
               words[i + 1].allSatisfy(\.isNumber) || StatusReader.months.contains(where: { words[i + 1].hasPrefix($0) }) {
                return true
            }
        }
        return false
    }

    private static let months = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"]

    /// A cell as a mark: trimmed of spaces and final dots, lower-cased, «ё» as «е».
    static func markForm(_ text: String) -> String {
        var t = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        while let last = t.last, last == "." || last == "!" || last == ";" || last == "," { t = t.dropLast() }
        return RussianFold.fold(String(t)).trimmingCharacters(in: .whitespaces)
    }
}
