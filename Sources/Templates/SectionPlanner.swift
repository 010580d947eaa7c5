import Foundation

/// What a section repeats or shows, decided from where its two tags stand.
struct SectionPlan {
    enum Placement: String {
        /// Runs inside one paragraph.
        case inline = "в абзаце"
        /// Paragraphs and tables of the body, a cell, a header.
        case blocks = "абзацы"
        /// One table row (the tags stand in cells of the same row).
        case row = "строка таблицы"
        /// Several table rows.
        case rows = "строки таблицы"
    }

    let tag: TemplateTag
    let placement: Placement
    /// For a row: the indices of the cells outside the section (before its opening cell, after its closing cell).
    let outerCells: Set<Int>
}

/// The name given to synthetic section wrappers in the tree; never written out.
let sectionWrapperName = "kartograf:section"

/// Pairs section tags, reports every structural fault, and turns each section
/// into a wrapper node around the content it repeats.
struct SectionPlanner {
    struct Pair {
        let open: TagIsolation.Occurrence
        let close: TagIsolation.Occurrence
    }

    let part: String
    private(set) var faults: [TemplateFault] = []
    private(set) var pairs: [Pair] = []

    init(part: String) { self.part = part }

    /// Matches openings with closings; pairs come innermost first (in closing order).
    mutating func pair(_ tags: [TagIsolation.Occurrence]) {
        var stack: [TagIsolation.Occurrence] = []
        var swallowed: [String: Int] = [:]
        for occ in tags {
            switch occ.tag.kind {
            case .variable: continue
            case .open, .inverted: stack.append(occ)
            case .close:
                let name = occ.tag.name
                if let top = stack.last, top.tag.name == name {
                    pairs.append(Pair(open: stack.removeLast(), close: occ))
                } else if let depth = stack.lastIndex(where: { $0.tag.name == name }) {
                    let inner = stack[(depth + 1)...]
                    let innerNames = inner.map { "«\($0.tag.name)»" }.joined(separator: ", ")
                    faults.append(TemplateFault(
                        .crossedSections,
                        message: "Секции пересекаются: «\(name)» закрывается раньше, чем вложенная в неё \(innerNames). Закройте сначала внутреннюю секцию: {{#\(name)}} … {{#\(inner.last!.tag.name)}} … {{/\(inner.last!.tag.name)}} … {{/\(name)}}.",
                        tag: occ.tag.source, context: occ.context, part: part))
                    for i in inner { swallowed[i.tag.name, default: 0] += 1 }
                    stack.removeSubrange(depth...)
                } else if let n = swallowed[name], n > 0 {
                    swallowed[name] = n - 1
                } else {
                    faults.append(TemplateFault(
                        .unexpectedClose,
                        message: "Метка «\(occ.tag.source)» закрывает секцию «\(name)», которая здесь не открыта. Добавьте выше {{#\(name)}} (или {{^\(name)}}) либо удалите эту метку.",
                        tag: occ.tag.source, context: occ.context, part: part))
                }
            }
        }
        for occ in stack {
            faults.append(TemplateFault(
                .unclosedSection,
                message: "Секция «\(occ.tag.name)» открыта меткой «\(occ.tag.source)», но не закрыта. Добавьте {{/\(occ.tag.name)}} там, где повторяемая часть кончается.",
                tag: occ.tag.source, context: occ.context, part: part))
        }
    }

    /// The lowest common ancestor of two nodes, and the chains below it.
    static func commonAncestor(_ a: XNode, _ b: XNode) -> (lca: XNode, belowA: [XNode], belowB: [XNode])? {
        let ca = a.ancestry, cb = b.ancestry
        var k = 0
        while k < ca.count, k < cb.count, ca[k] === cb[k] { k += 1 }
        guard k > 0, k < ca.count, k < cb.count else { return nil }
        return (ca[k - 1], Array(ca[k...]), Array(cb[k...]))
    }

    /// Checks that each section stands where it can be repeated: within one paragraph,
    /// one cell, one row, rows of one table, or paragraphs outside tables.
    mutating func validatePlacement() {
        for p in pairs {
            guard let (lca, belowA, belowB) = SectionPlanner.commonAncestor(p.open.run, p.close.run) else { continue }
            let cellsA = belowA.filter { $0.name == "w:tc" }.count
            let cellsB = belowB.filter { $0.name == "w:tc" }.count
            let wanted = (lca.name == "w:tr" || lca.name == "w:tbl") ? 1 : 0
            if cellsA != wanted || cellsB != wanted {
                faults.append(TemplateFault(
                    .sectionAcrossCells,
                    message: "Секция «\(p.open.tag.name)» начинается в одной ячейке таблицы (или вне таблицы), а кончается в другом месте: «\(p.open.tag.source)» — «\(p.open.context)», «\(p.close.tag.source)» — «\(p.close.context)». Секция должна лежать в одной ячейке, в одной строке (повтор строки), в строках одной таблицы или целиком вне таблицы.",
                    tag: p.open.tag.source, context: p.open.context, part: part))
            }
        }
    }

    /// Wraps each section's content in a wrapper node; call only when there are no faults.
    func wrap() {
        for p in pairs { wrap(p) }
    }

    private func wrap(_ p: Pair) {
        guard let (lca, belowA, belowB) = SectionPlanner.commonAncestor(p.open.run, p.close.run) else { return }
        let placement = SectionPlanner.placement(lca: lca)
        // The section covers the children `first...last` of `container`.
        var container = lca
        var first = belowA[0], last = belowB[0]
        var outer: Set<Int> = []
        if placement == .row {
            let cells = lca.elements("w:tc")
            let openCell = cells.firstIndex { c in belowA.contains { $0 === c } } ?? 0
            let closeCell = cells.firstIndex { c in belowB.contains { $0 === c } } ?? cells.count - 1
            outer = Set(cells.indices.filter { $0 < openCell || $0 > closeCell })
            guard let parent = lca.parent else { return }
            container = parent
            first = lca
            last = lca
        }
        // The tag's own run goes; so does a paragraph or row that holds nothing but the tag.
        func goes(_ node: XNode, with occ: TagIsolation.Occurrence) -> Bool {
            node === occ.run || (placement != .row && ["w:p", "w:tr"].contains(node.name) && SectionPlanner.holdsOnly(occ, in: node))
        }
        let dropFirst = goes(first, with: p.open), dropLast = goes(last, with: p.close)
        guard var lo = first.indexInParent, var hi = last.indexInParent else { return }
        if dropFirst { lo += 1 }
        if dropLast { hi -= 1 }
        // A section around exactly what an inner section wraps goes outside it.
        while container.section != nil, lo == 0, hi == container.children.count - 1,
              let up = container.parent, let index = container.indexInParent {
            lo = index
            hi = index
            container = up
        }
        let wrapper = XNode(element: sectionWrapperName)
        wrapper.section = SectionPlan(tag: p.open.tag, placement: placement, outerCells: outer)
        if lo <= hi {
            for c in container.children[lo...hi] { wrapper.append(c) }
            container.children.removeSubrange(lo...hi)
        }
        container.insert(wrapper, at: min(lo, container.children.count))
        p.open.run.detach()
        p.close.run.detach()
        if dropFirst { first.detach() }
        if dropLast { last.detach() }
    }

    /// Where a section with this common ancestor of its tags stands.
    static func placement(lca: XNode) -> SectionPlan.Placement {
        if lca.name == "w:tr" { return .row }
        if lca.name == "w:tbl" { return .rows }
        return isInline(lca) ? .inline : .blocks
    }

    /// True when `node` lies within a paragraph (its children are runs), false for block containers.
    static func isInline(_ node: XNode) -> Bool {
        var n: XNode? = node
        while let x = n {
            if x.name == "w:p" { return true }
            if blockContainers.contains(x.name) { return false }
            n = x.parent
        }
        return false
    }

    static let blockContainers: Set<String> = [
        "w:body", "w:tc", "w:hdr", "w:ftr", "w:txbxContent", "w:footnote", "w:endnote", "w:comment",
        "w:docPartBody", "w:tbl", "w:tr",
    ]

    /// True when `block` (a paragraph or a row) holds nothing but the tag: it can be dropped.
    static func holdsOnly(_ occ: TagIsolation.Occurrence, in block: XNode) -> Bool {
        var text = ""
        var hasObject = false
        block.forEachElement { e in
            if e.name == "w:p" { text += TagIsolation.paragraphText(e) }
            if ["w:drawing", "w:pict", "w:object"].contains(e.name) { hasObject = true }
        }
        return !hasObject && text.trimmingCharacters(in: .whitespaces) == occ.tag.source
    }
}
