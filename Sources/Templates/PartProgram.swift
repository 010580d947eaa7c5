/// A template part compiled once into the bytes a fill writes: static XML text between
/// tags and sections, so a fill writes the part directly instead of building, repairing
/// and writing a tree.
///
/// It writes exactly what `TemplateRenderer`, `TableRepair` and `XMLTreeWriter` would.
/// The tree path's edits that do not depend on the data are made here once: the later
/// copies of a section are compiled with their bookmarks and paragraph ids already gone
/// and the merges of their outer cells already continued. A part is compiled only when
/// `PartProgramEligibility` shows that table repair can change nothing in any fill;
/// other parts keep the tree path.
///
/// Every piece of static text lies in one byte array (`text`) and the steps name theirs by
/// range: a fill then copies pieces from one buffer instead of retaining and releasing an
/// array for every step, which cost about as much as the copying.
struct PartProgram {
    /// One step of a fill. Ranges are into `text`.
    enum Op {
        /// XML text standing for at least one node (its bytes may be empty: an empty text node).
        case text(Range<Int>)
        /// A run filled from a tag; nothing when the value's text is empty.
        case variable(VariableRun)
        /// An element all of whose children may be absent: `<x/>` when none is written.
        case element(start: Range<Int>, children: [Op], end: Range<Int>)
        case section(Section)
    }

    final class VariableRun {
        let path: [String]
        /// The run's start tag and its properties.
        let prefix: Range<Int>
        /// The run's end tag.
        let suffix: Range<Int>

        init(path: [String], prefix: Range<Int>, suffix: Range<Int>) {
            self.path = path
            self.prefix = prefix
            self.suffix = suffix
        }
    }

    final class Section {
        let plan: SectionPlan
        let first: [Op]
        /// The second and later copies: without bookmarks and paragraph ids, merges continued.
        let later: [Op]
        /// The template nodes one copy renders (sections inside count their own copies),
        /// as `TemplateRenderer` counts them against the node limit.
        let copyNodes: Int

        init(plan: SectionPlan, first: [Op], later: [Op], copyNodes: Int) {
            self.plan = plan
            self.first = first
            self.later = later
            self.copyNodes = copyNodes
        }
    }

    let ops: [Op]
    /// The static text of every step.
    let text: [UInt8]
    /// The nodes the part renders before any section copy.
    let rootNodes: Int

    /// The program of a planned, frozen part; nil when the part needs the tree path.
    init?(_ document: XMLDocument) {
        guard PartProgramEligibility.holds(for: document.root) else { return nil }
        let text = StaticText()
        var builder = Builder(text: text)
        for p in document.prolog { builder.append(Array(p.utf8)) }
        if !document.prolog.isEmpty { builder.append([UInt8(ascii: "\n")]) }
        builder.compile(document.root, laterCopy: false)
        ops = builder.finish()
        self.text = text.bytes
        rootNodes = PartProgram.nodes(document.root)
    }

    /// The static text the builders of one part gather.
    private final class StaticText {
        var bytes: [UInt8] = []

        func add(_ piece: [UInt8]) -> Range<Int> {
            let start = bytes.count
            bytes += piece
            return start..<bytes.count
        }
    }

    /// The nodes `TemplateRenderer` counts for `node`, without the copies of sections in it.
    static func nodes(_ node: XNode) -> Int {
        if let frozen = node.frozen { return frozen.nodes }
        guard node.isElement, node.tag == nil, node.section == nil else { return 1 }
        return node.children.reduce(1) { $0 + nodes($1) }
    }

    /// Collects static text and the steps between.
    private struct Builder {
        private let text: StaticText
        private var ops: [Op] = []
        private var pending: [UInt8] = []
        private var pendingNodes = false

        init(text: StaticText) { self.text = text }

        mutating func append(_ bytes: [UInt8]) {
            pending += bytes
            pendingNodes = true
        }

        private mutating func flush() {
            if pendingNodes { ops.append(.text(text.add(pending))) }
            pending = []
            pendingNodes = false
        }

        mutating func finish() -> [Op] {
            flush()
            return ops
        }

        /// Adds what `node` renders to; in a later copy of a section (`laterCopy`), as `CopyIdentity` leaves it.
        mutating func compile(_ node: XNode, laterCopy: Bool, continuing cells: Set<Int> = []) {
            if node.frozen != nil || !node.isElement {
                var bytes: [UInt8] = []
                XMLTreeWriter.write(node, into: &bytes)
                append(bytes)
                return
            }
            if let tag = node.tag {
                var prefix: [UInt8] = []
                XMLTreeWriter.start(node.name, node.attributes, into: &prefix)
                if let rPr = node.child("w:rPr") { XMLTreeWriter.write(rPr, into: &prefix) }
                var suffix: [UInt8] = []
                XMLTreeWriter.end(node.name, into: &suffix)
                flush()
                ops.append(.variable(VariableRun(path: tag.path, prefix: text.add(prefix), suffix: text.add(suffix))))
                return
            }
            if let plan = node.section {
                flush()
                ops.append(.section(section(plan, node, laterCopy: laterCopy)))
                return
            }
            if laterCopy, CopyIdentity.isBookmark(node) { return }
            let element = laterCopy ? Builder.withoutParagraphId(node) : node
            let children = laterCopy ? node.children.filter { !CopyIdentity.isBookmark($0) } : node.children
            var start: [UInt8] = []
            XMLTreeWriter.start(element.name, element.attributes, into: &start)
            var end: [UInt8] = []
            XMLTreeWriter.end(element.name, into: &end)
            if children.isEmpty {
                start.removeLast()
                append(start + Array("/>".utf8))
                return
            }
            let cells = node.name == "w:tr" ? Builder.continued(node, cells: cells) : [:]
            func compileChildren(_ builder: inout Builder) {
                for child in children {
                    if let cell = cells[ObjectIdentifier(child)] {
                        builder.compileContinued(cell)
                    } else {
                        builder.compile(child, laterCopy: laterCopy)
                    }
                }
            }
            // A tag or a section may write nothing; an element whose children all are such is decided per fill.
            if children.contains(where: { $0.tag == nil && $0.section == nil }) {
                append(start)
                compileChildren(&self)
                append(end)
            } else {
                flush()
                var inner = Builder(text: text)
                compileChildren(&inner)
                ops.append(.element(start: text.add(start), children: inner.finish(), end: text.add(end)))
            }
        }

        private func section(_ plan: SectionPlan, _ wrapper: XNode, laterCopy: Bool) -> Section {
            var first = Builder(text: text), later = Builder(text: text)
            let continuing = plan.placement == .row ? plan.outerCells : []
            for c in wrapper.children {
                first.compile(c, laterCopy: laterCopy)
                later.compile(c, laterCopy: true, continuing: continuing)
            }
            let copyNodes = wrapper.children.reduce(0) { $0 + PartProgram.nodes($1) }
            return Section(plan: plan, first: first.finish(), later: later.finish(), copyNodes: copyNodes)
        }

        /// The copy `CopyIdentity.makeUnique` leaves of an element's attributes.
        private static func withoutParagraphId(_ node: XNode) -> XNode {
            guard node.attribute("w14:paraId") != nil else { return node }
            let copy = XNode(element: node.name, attributes: node.attributes)
            copy.setAttribute("w14:paraId", nil)
            copy.setAttribute("w14:textId", nil)
            return copy
        }

        /// The cells of a row that `TableRepair.continueMerges` continues, by node.
        private static func continued(_ row: XNode, cells: Set<Int>) -> [ObjectIdentifier: XNode] {
            var found: [ObjectIdentifier: XNode] = [:]
            for (i, cell) in row.elements("w:tc").enumerated() where cells.contains(i) {
                if PartProgramEligibility.startsMerge(cell) { found[ObjectIdentifier(cell)] = cell }
            }
            return found
        }

        /// A cell as `TableRepair.continueMerges` leaves it in a later copy: its properties
        /// (the merge continued) and an empty paragraph with the first paragraph's properties.
        private mutating func compileContinued(_ cell: XNode) {
            // `PartProgramEligibility.startsMerge` found the properties.
            guard let tcPr = cell.child("w:tcPr") else { return compile(cell, laterCopy: true) }
            let properties = XNode(element: tcPr.name, attributes: tcPr.attributes)
            properties.children = tcPr.children.map { c in
                guard c.isElement, c.name == "w:vMerge", c === tcPr.child("w:vMerge") else { return c }
                let merge = XNode(element: c.name, attributes: c.attributes)
                merge.setAttribute("w:val", nil)
                merge.children = c.children
                return merge
            }
            let paragraph = XNode(element: "w:p")
            if let pPr = cell.child("w:p")?.child("w:pPr") { paragraph.children = [pPr] }
            let continued = XNode(element: cell.name, attributes: cell.attributes)
            continued.children = [properties, paragraph]
            compile(continued, laterCopy: true)
        }
    }
}
