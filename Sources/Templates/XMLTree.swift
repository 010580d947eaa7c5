import Text
import Model

/// A small mutable XML tree for template parts.
///
/// Template parts are small, so the whole part is held in memory. Names and
/// attributes are kept exactly as written (prefixes included, namespace
/// declarations are ordinary attributes), so a part written back is what Word
/// wrote, apart from entity spelling and `<x></x>` becoming `<x/>`.
final class XNode {
    enum Kind { case element, text, raw }

    let kind: Kind
    /// The qualified name of an element (`w:p`); empty for text and raw nodes.
    var name = ""
    var attributes: [(name: String, value: String)] = []
    var children: [XNode] = []
    /// Decoded character data of a text node; the verbatim markup of a raw node (comment, PI).
    var text = ""
    /// Set while a template is compiled (parsing and tree edits); a filled tree leaves it nil.
    weak var parent: XNode?

    /// Set on a run that is exactly one template tag.
    var tag: TemplateTag?
    /// Set on a synthetic section wrapper.
    var section: SectionPlan?

    /// The XML text of an unchanging template subtree (see `FrozenSubtrees`) and how many
    /// nodes it has. A frozen node is written as this text; its children are not used.
    struct Frozen {
        let xml: [UInt8]
        let nodes: Int
    }
    var frozen: Frozen?

    init(element name: String, attributes: [(name: String, value: String)] = []) {
        kind = .element
        self.name = name
        self.attributes = attributes
    }

    init(text: String) {
        kind = .text
        self.text = text
    }

    init(raw: String) {
        kind = .raw
        text = raw
    }

    var isElement: Bool { kind == .element }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    func setAttribute(_ name: String, _ value: String?) {
        if let i = attributes.firstIndex(where: { $0.name == name }) {
            if let value { attributes[i].value = value } else { attributes.remove(at: i) }
        } else if let value {
            attributes.append((name, value))
        }
    }

    func append(_ child: XNode) {
        child.parent = self
        children.append(child)
    }

    func insert(_ child: XNode, at index: Int) {
        child.parent = self
        children.insert(child, at: index)
    }

    func setChildren(_ nodes: [XNode]) {
        for n in nodes { n.parent = self }
        children = nodes
    }

    /// Removes this node from its parent.
    func detach() {
        guard let parent else { return }
        parent.children.removeAll { $0 === self }
        self.parent = nil
    }

    var indexInParent: Int? { parent?.children.firstIndex { $0 === self } }

    /// The first child element with this name.
    func child(_ name: String) -> XNode? { children.first { $0.isElement && $0.name == name } }

    func elements(_ name: String) -> [XNode] { children.filter { $0.isElement && $0.name == name } }

    /// A deep copy without parent; tags, section plans and frozen text are shared (they are immutable values).
    func clone() -> XNode {
        let copy: XNode
        switch kind {
        case .element: copy = XNode(element: name, attributes: attributes)
        case .text: copy = XNode(text: text)
        case .raw: copy = XNode(raw: text)
        }
        copy.tag = tag
        copy.section = section
        copy.frozen = frozen
        // A frozen node is written from its text: its children would never be read.
        guard frozen == nil else { return copy }
        copy.children.reserveCapacity(children.count)
        for c in children { copy.append(c.clone()) }
        return copy
    }

    /// Every descendant element (self included) in document order.
    func forEachElement(_ body: (XNode) -> Void) {
        guard isElement else { return }
        body(self)
        for c in children where c.isElement { c.forEachElement(body) }
    }

    /// The chain from the root down to this node.
    var ancestry: [XNode] { sequence(first: self) { $0.parent }.reversed() }
}

/// A parsed part: what comes before the root (declaration, comments) and the root.
struct XMLDocument {
    var prolog: [String]
    var root: XNode
}

/// Why a part could not be read as XML.
struct XMLSyntaxError: Error, CustomStringConvertible {
    let line: Int
    let reason: String
    var description: String { line > 0 ? "\(reason) (строка \(line))" : reason }
}

/// Writes a tree back as XML text, straight into UTF-8 bytes.
enum XMLTreeWriter {
    static func write(_ document: XMLDocument) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        for p in document.prolog { out.append(contentsOf: p.utf8) }
        if !document.prolog.isEmpty { out.append(UInt8(ascii: "\n")) }
        write(document.root, into: &out)
        return out
    }

    static func write(_ node: XNode, into out: inout [UInt8]) {
        switch node.kind {
        case .text: Markup.escape(node.text, into: &out)
        case .raw: out.append(contentsOf: node.text.utf8)
        case .element:
            if let frozen = node.frozen { out.append(contentsOf: frozen.xml); return }
            if node.children.isEmpty {
                openTag(node.name, node.attributes, into: &out)
                out.append(UInt8(ascii: "/"))
                out.append(UInt8(ascii: ">"))
                return
            }
            start(node.name, node.attributes, into: &out)
            for c in node.children { write(c, into: &out) }
            end(node.name, into: &out)
        }
    }

    /// `<name attributes>`.
    static func start(_ name: String, _ attributes: [(name: String, value: String)], into out: inout [UInt8]) {
        openTag(name, attributes, into: &out)
        out.append(UInt8(ascii: ">"))
    }

    /// `</name>`.
    static func end(_ name: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(UInt8(ascii: "/"))
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ">"))
    }

    /// `<name attributes`, unclosed.
    private static func openTag(_ name: String, _ attributes: [(name: String, value: String)], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        for a in attributes {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: a.name.utf8)
            out.append(UInt8(ascii: "="))
            out.append(UInt8(ascii: "\""))
            Markup.escape(a.value, into: &out, attribute: true)
            out.append(UInt8(ascii: "\""))
        }
    }
}
