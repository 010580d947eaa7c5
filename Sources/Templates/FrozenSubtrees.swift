/// Marks the parts of a compiled template that every fill copies unchanged, and keeps
/// their XML text, so a fill neither copies nor writes them node by node.
///
/// A subtree is frozen when nothing a fill does can reach into it: it holds no tag and no
/// section, and nothing that table repair or the copies of a section change or inspect —
/// tables, rows, cells and their properties, merges, bookmarks, paragraph ids, drawing ids,
/// and the paragraphs of a cell (a repeated row keeps its first paragraph's properties).
/// The renderer emits a frozen subtree as one childless node carrying the text, and
/// freezes the runs it fills from tags the same way.
enum FrozenSubtrees {
    /// Elements that repairs and section copies look into or change.
    private static let live: Set<String> = [
        "w:tbl", "w:tr", "w:tc", "w:trPr", "w:tcPr", "w:vMerge", "w:gridSpan", "w:gridBefore",
        "w:bookmarkStart", "w:bookmarkEnd", "wp:docPr",
    ]

    /// Freezes every largest unchanging subtree under `root` (the root itself is never frozen).
    static func freeze(_ root: XNode) {
        _ = isStatic(root, inCell: false, isRoot: true)
    }

    /// Whether `node`'s subtree is unchanging; its largest unchanging subtrees are frozen.
    private static func isStatic(_ node: XNode, inCell: Bool, isRoot: Bool = false) -> Bool {
        guard node.isElement else { return true }
        let inCell = inCell || node.name == "w:tc"
        var result = node.tag == nil && node.section == nil && !live.contains(node.name)
            && !(inCell && node.name == "w:p") && node.attribute("w14:paraId") == nil
        var staticChildren: [XNode] = []
        for c in node.children {
            if isStatic(c, inCell: inCell) { staticChildren.append(c) } else { result = false }
        }
        if result, !isRoot { return true }
        // This node changes (or is the root): its unchanging element children are frozen here.
        for c in staticChildren where c.isElement { freezeSubtree(c) }
        return false
    }

    private static func freezeSubtree(_ node: XNode) {
        var bytes: [UInt8] = []
        XMLTreeWriter.write(node, into: &bytes)
        var count = 0
        func countNodes(_ n: XNode) { count += 1; n.children.forEach(countNodes) }
        countNodes(node)
        node.frozen = XNode.Frozen(xml: bytes, nodes: count)
    }
}
