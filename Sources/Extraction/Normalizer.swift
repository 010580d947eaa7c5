import Checks
import Deadlines
import Foundation
import Model
import Recognition
import Responsibles
import Text

/// Stage 3 applied to recognised documents: every deadline parsed within its
/// document's period, every responsibles cell split into roles, people and bodies
/// (abbreviations expanded from the file's own glossary), and the people checked
/// against the roster the file's order and working-group lists name.
struct Normalizer {
    let deadlines = DeadlineParser()
    let responsibles = ResponsiblesParser()
    /// People named by a configured roster or by the file itself; empty: no roster check.
    private(set) var roster: Set<String> = []
    /// Abbreviations defined anywhere in the file.
    private(set) var fileGlossary = Glossary()

    init(roster: [String]?) {
        if let roster { self.roster = Set(roster.compactMap { PersonName.key($0) ?? $0 }) }
    }

    /// Looks at the whole file first: its glossaries, and the people its orders appoint
    /// and its lists name.
    mutating func prepare(_ documents: inout [RecognizedDocument]) {
        for i in documents.indices {
            let g = GlossaryParser.parse(documents[i].text.joined(separator: "\n"))
            documents[i].document.glossary = g
            for e in g.entries { fileGlossary.define(e.abbreviation, e.expansion) }
            var people: [String] = []
            switch documents[i].document.kind {
            case .order:
                for p in documents[i].document.points { people += RosterExtractor.people(in: p.text) }
            case .other:
                // A working-group list or register (a programme's prose names no roster).
                for line in documents[i].text { people += RosterExtractor.people(in: line) }
            default:
                break
            }
            documents[i].document.roster = people
            roster.formUnion(people)
        }
    }

    /// A deadline cell reads the same wherever the period is the same; a responsibles cell
    /// wherever the glossary is. Merged cells, repeated wordings and the stock phrases of a
    /// batch of files are parsed once.
    ///
    /// Texts are compared and hashed as UTF-8 bytes (`TextKey`).
    private struct DeadlineKey: Hashable {
        var text: String?
        var period: Period?

        static func == (a: Self, b: Self) -> Bool {
            guard a.period == b.period else { return false }
            switch (a.text, b.text) {
            case let (x?, y?): return sameBytes(x, y)
            case (nil, nil): return true
            default: return false
            }
        }

        func hash(into hasher: inout Hasher) {
            // The period as one word: its six numbers combined one by one cost more than a short text.
            hasher.combine(period.map(Self.packed) ?? -1)
            if let text { hashBytes(text, into: &hasher) }
        }

        /// A period's days in one number, equal for equal periods (out-of-range days only collide).
        private static func packed(_ p: Period) -> Int {
            func day(_ d: Day) -> Int { (d.year &* 16 &+ d.month) &* 32 &+ d.day }
            return day(p.from) &<< 24 ^ day(p.to)
        }
    }

    private struct ResponsiblesKey: Hashable {
        var text: String
        var glossary: Glossary

        static func == (a: Self, b: Self) -> Bool {
            sameBytes(a.text, b.text) && a.glossary.entries.count == b.glossary.entries.count
                && zip(a.glossary.entries, b.glossary.entries).allSatisfy {
                    sameBytes($0.abbreviation, $1.abbreviation) && sameBytes($0.expansion, $1.expansion)
                }
        }

        func hash(into hasher: inout Hasher) {
            hashBytes(text, into: &hasher)
            for e in glossary.entries {
                hashBytes(e.abbreviation, into: &hasher)
                hashBytes(e.expansion, into: &hasher)
            }
        }
    }

    private static let deadlineCache = ParseCache<DeadlineKey, Checked<Deadline>>(capacity: 8192)
    private static let responsiblesCache = ParseCache<ResponsiblesKey, Checked<[Responsible]>>(capacity: 8192)

    /// The responsibles cells' texts one per line; nearly always a single cell, taken as it is.
    private static func joinedText(_ cells: [Responsible]) -> String {
        switch cells.count {
        case 0: return ""
        case 1: return cells[0].text
        default: return cells.map(\.text).joined(separator: "\n")
        }
    }

    mutating func normalize(_ r: inout RecognizedDocument, index: Int) -> [Diagnostic] {
        guard r.document.kind == .roadmap || r.document.kind == .report else { return [] }
        var out: [Diagnostic] = []
        let period = r.document.period
        var glossary = fileGlossary
        for e in r.document.glossary.entries { glossary.define(e.abbreviation, e.expansion) }
        // Taken once: each use of a static goes through its lazy initialisation check.
        let deadlineCache = Self.deadlineCache, responsiblesCache = Self.responsiblesCache
        for s in r.document.sections.indices {
            for i in r.document.sections[s].items.indices {
                // Most items draw no finding: their label is made only for one.
                func label() -> String { CheckContext.label(in: r.document, section: s, item: i) }
                let deadlineText = r.document.sections[s].items[i].deadline.text
                let d = deadlineCache.value(for: DeadlineKey(text: deadlineText, period: period)) {
                    deadlines.parse(deadlineText, period: period)
                }
                r.document.sections[s].items[i].deadline = d.value
                if !d.diagnostics.isEmpty {
                    let l = label()
                    out += d.diagnostics.map { $0.located(document: index, section: s, item: l) }
                }
                let raw = Self.joinedText(r.document.sections[s].items[i].responsibles)
                let p = responsiblesCache.value(for: ResponsiblesKey(text: raw, glossary: glossary)) {
                    responsibles.parse(raw.isEmpty ? nil : raw, glossary: glossary)
                }
                r.document.sections[s].items[i].responsibles = p.value
                // A report's table without a responsibles column has no cell to leave empty.
                let noColumn = r.document.kind == .report && !r.hasResponsiblesColumn && raw.isEmpty
                if !p.diagnostics.isEmpty && !noColumn {
                    let l = label()
                    out += p.diagnostics.map { $0.located(document: index, section: s, item: l) }
                }
                if !roster.isEmpty {
                    for person in p.value where person.kind == .person {
                        guard let key = person.key, !roster.contains(key) else { continue }
                        out.append(Diagnostic(.responsibleNotInRoster, field: .responsibles, text: person.text,
                                              message: "«\(person.text)» нет среди назначенных приказом и в составе рабочей группы: проверьте фамилию или дополните состав")
                            .located(document: index, section: s, item: label()))
                    }
                }
            }
        }
        return out
    }
}
