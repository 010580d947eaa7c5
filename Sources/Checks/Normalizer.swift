import Deadlines
import Model
import Recognition
import Responsibles

/// Stage 3 applied to recognised documents: every deadline parsed within its
/// document's period, every responsibles cell split into roles, people and bodies.
struct Normalizer {
    let deadlines = DeadlineParser()
    let responsibles = ResponsiblesParser()
    var roster: [String]?

    init(roster: [String]?) { self.roster = roster }

    /// Looks at the whole file first (an order's appointments make a roster).
    mutating func prepare(_ documents: [RecognizedDocument]) {}

    mutating func normalize(_ r: inout RecognizedDocument, index: Int) -> [Diagnostic] {
        guard r.document.kind == .roadmap || r.document.kind == .report else { return [] }
        var out: [Diagnostic] = []
        let period = r.document.period
        let glossary = r.document.glossary
        for s in r.document.sections.indices {
            for i in r.document.sections[s].items.indices {
                let context = CheckContext(index: index, recognized: r)
                let label = context.label(section: s, item: i)
                var item = r.document.sections[s].items[i]
                let d = deadlines.parse(item.deadline.text, period: period)
                item.deadline = d.value
                out += d.diagnostics.map { $0.located(document: index, section: s, item: label) }
                let raw = item.responsibles.map(\.text).joined(separator: "\n")
                let p = responsibles.parse(raw.isEmpty ? nil : raw, glossary: glossary)
                item.responsibles = p.value
                out += p.diagnostics.map { $0.located(document: index, section: s, item: label) }
                r.document.sections[s].items[i] = item
            }
        }
        return out
    }
}
