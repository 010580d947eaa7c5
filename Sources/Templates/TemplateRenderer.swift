import JSON
import Model
import Text

/// Produces a filled part from a planned template tree and JSON data.
struct TemplateRenderer {
    /// The data scopes: the root, then each open section's context.
    private var scopes: [JSONValue]
    /// At most this many nodes are produced, so nested loops cannot blow the output up.
    let nodeLimit: Int
    private var produced = 0
    /// Set when the limit was reached; the output is then incomplete.
    private(set) var exceeded = false
    private var identities = CopyIdentity()

    init(data: JSONValue, nodeLimit: Int = 3_000_000) {
        scopes = [data]
        self.nodeLimit = nodeLimit
    }

    /// Resolves a dotted name against the innermost scope that has its first segment.
    static func resolve(_ path: [String], in scopes: [JSONValue]) -> JSONValue? {
        guard let head = path.first else { return scopes.last }
        for scope in scopes.reversed() {
            guard var v = child(of: scope, head) else { continue }
            for seg in path.dropFirst() {
                guard let next = child(of: v, seg) else { return nil }
                v = next
            }
            return v
        }
        return nil
    }

    private static func child(of value: JSONValue, _ segment: String) -> JSONValue? {
        switch value {
        case let .object(pairs): return pairs.first { $0.0 == segment }?.1
        case let .array(items):
            guard let i = Int(segment), items.indices.contains(i) else { return nil }
            return items[i]
        default: return nil
        }
    }

    /// Mustache truth: null, false, "", 0 and [] are false.
    static func isTruthy(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: return false
        case let .bool(b)?: return b
        case let .string(s)?: return !s.isEmpty
        case let .number(n)?: return n != 0
        case let .array(a)?: return !a.isEmpty
        case .object?: return true
        }
    }

    /// The text a value shows as.
    static func text(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return ""
        case let .bool(b)?: return b ? "да" : "нет"
        case let .string(s)?: return s
        case let .number(n)?:
            if n.isFinite, n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
            return String(n)
        case let .array(items)?: return items.map { text($0) }.filter { !$0.isEmpty }.joined(separator: ", ")
        case let .object(pairs)?: return pairs.first(where: { $0.0 == "text" }).map { text($0.1) } ?? ""
        }
    }

    mutating func render(_ node: XNode) -> [XNode] {
        var out: [XNode] = []
        render(node, into: &out)
        return out
    }

    /// Appends what `node` renders to (none, one or many nodes) to `out`.
    private mutating func render(_ node: XNode, into out: inout [XNode]) {
        produced += node.frozen?.nodes ?? 1
        if produced > nodeLimit { exceeded = true }
        if exceeded { return }
        if let frozen = node.frozen {
            // Written as it is: one childless node carries the subtree's text.
            let copy = XNode(element: node.name, attributes: node.attributes)
            copy.frozen = frozen
            out.append(copy)
            return
        }
        switch node.kind {
        case .text: out.append(XNode(text: node.text))
        case .raw: out.append(XNode(raw: node.text))
        case .element:
            if let tag = node.tag { renderVariable(tag, run: node, into: &out); return }
            if let plan = node.section { renderSection(plan, node, into: &out); return }
            let copy = XNode(element: node.name, attributes: node.attributes)
            var children: [XNode] = []
            children.reserveCapacity(node.children.count)
            for c in node.children { render(c, into: &children) }
            // No parent links: nothing reads them in a filled tree, and each costs a weak reference.
            copy.children = children
            out.append(copy)
        }
    }

    /// A run with the tag's formatting and the value's text; newlines become `w:br`, tabs `w:tab`
    /// (a CR LF pair or a lone CR is one newline).
    ///
    /// The run is written to XML text at once and emitted frozen: nothing after filling
    /// (table repair, section copies) looks into a run.
    private func renderVariable(_ tag: TemplateTag, run: XNode, into out: inout [XNode]) {
        let value = TemplateRenderer.text(TemplateRenderer.resolve(tag.path, in: scopes))
        guard !value.isEmpty else { return }
        var xml: [UInt8] = []
        xml.reserveCapacity(value.utf8.count + 128)
        XMLTreeWriter.start(run.name, run.attributes, into: &xml)
        if let rPr = run.child("w:rPr") { XMLTreeWriter.write(rPr, into: &xml) }
        TemplateRenderer.appendRunContent(value, into: &xml)
        XMLTreeWriter.end(run.name, into: &xml)
        let result = XNode(element: run.name, attributes: run.attributes)
        result.frozen = XNode.Frozen(xml: xml, nodes: 1)
        out.append(result)
    }

    /// The content of a run showing `value`: text elements, with `w:tab` and `w:br` for its tabs and newlines.
    static func appendRunContent(_ value: String, into xml: inout [UInt8]) {
        func text(_ piece: Substring) {
            guard !piece.isEmpty else { return }
            xml.append(contentsOf: TemplateRenderer.textStart)
            Markup.escape(String(piece), into: &xml)
            xml.append(contentsOf: TemplateRenderer.textEnd)
        }
        let utf8 = value.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var i = start
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == 0x09 || b == 0x0A || b == 0x0D {
                text(value[start..<i])
                if b == 0x09 {
                    xml.append(contentsOf: TemplateRenderer.tab)
                } else if !(b == 0x0A && previous == 0x0D) {
                    xml.append(contentsOf: TemplateRenderer.lineBreak)
                }
                start = utf8.index(after: i)
            }
            previous = b
            i = utf8.index(after: i)
        }
        text(value[start...])
    }

    private static let textStart = Array(#"<w:t xml:space="preserve">"#.utf8)
    private static let textEnd = Array("</w:t>".utf8)
    private static let tab = Array("<w:tab/>".utf8)
    private static let lineBreak = Array("<w:br/>".utf8)

    /// What each copy of a section sees: one context per copy (nil: the copy opens no scope).
    static func contexts(of plan: SectionPlan, in scopes: [JSONValue]) -> [JSONValue?] { contexts(of: plan.tag, in: scopes) }

    static func contexts(of tag: TemplateTag, in scopes: [JSONValue]) -> [JSONValue?] {
        let value = TemplateRenderer.resolve(tag.path, in: scopes)
        if tag.kind == .inverted { return TemplateRenderer.isTruthy(value) ? [] : [nil] }
        if case let .array(items)? = value { return items }
        return TemplateRenderer.isTruthy(value) ? [value] : []
    }

    private mutating func renderSection(_ plan: SectionPlan, _ wrapper: XNode, into out: inout [XNode]) {
        for (k, context) in TemplateRenderer.contexts(of: plan, in: scopes).enumerated() where !exceeded {
            if let context { scopes.append(context) }
            var copy: [XNode] = []
            for c in wrapper.children { render(c, into: &copy) }
            if context != nil { scopes.removeLast() }
            if k > 0 {
                copy.removeAll(where: CopyIdentity.isBookmark)
                for node in copy { identities.makeUnique(node) }
                if plan.placement == .row, !plan.outerCells.isEmpty {
                    for row in copy where row.name == "w:tr" { TableRepair.continueMerges(in: row, cells: plan.outerCells) }
                }
            }
            out += copy
        }
    }
}

/// Keeps ids unique in the second and later copies of a section: bookmarks are
/// dropped (their names must be unique), paragraph ids (`w14:paraId`) removed,
/// drawing ids (`wp:docPr`) renumbered.
struct CopyIdentity {
    private var nextDrawingId = 1_000_000

    static func isBookmark(_ node: XNode) -> Bool {
        node.isElement && (node.name == "w:bookmarkStart" || node.name == "w:bookmarkEnd")
    }

    mutating func makeUnique(_ node: XNode) {
        guard node.isElement else { return }
        if node.attribute("w14:paraId") != nil {
            node.setAttribute("w14:paraId", nil)
            node.setAttribute("w14:textId", nil)
        }
        if node.name == "wp:docPr" {
            node.setAttribute("id", String(nextDrawingId))
            nextDrawingId += 1
        }
        node.children.removeAll(where: CopyIdentity.isBookmark)
        for c in node.children { makeUnique(c) }
    }
}
