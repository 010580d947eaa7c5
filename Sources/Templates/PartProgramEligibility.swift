/// When a part can be filled by its `PartProgram`: when table repair provably changes
/// nothing in any fill and every later copy of a section differs from the first in ways
/// known before the data.
///
/// - every table has a row and every cell a paragraph of its own, outside sections
///   (no table goes, no cell gets a paragraph);
/// - every vertical merge in the template restarts, and a merge continued in a repeated
///   row (the only continuing merges) follows the copy before it, so no merge restarts anew;
///   hence a row section continuing merges repeats one row, and the continued cells hold
///   no section (they are emptied after their sections were rendered and counted);
/// - no section stands directly in a row (cells are fixed);
/// - no drawing id inside a section (the renumbering of later copies depends on the data).
enum PartProgramEligibility {
    static func holds(for root: XNode) -> Bool {
        guard root.isElement, root.tag == nil, root.section == nil, root.frozen == nil else { return false }
        return holds(root, inSection: false)
    }

    /// Whether the cell starts a vertical merge that a later copy of its row continues.
    static func startsMerge(_ cell: XNode) -> Bool {
        cell.child("w:tcPr")?.child("w:vMerge")?.attribute("w:val") == "restart"
    }

    private static func holds(_ node: XNode, inSection: Bool) -> Bool {
        // Frozen subtrees hold nothing repairs look at; a tag's run is written from its properties only.
        guard node.isElement, node.frozen == nil, node.tag == nil else { return true }
        if let plan = node.section, !continuedCellsHold(plan, node) { return false }
        switch node.name {
        case "w:tbl": if node.child("w:tr") == nil { return false }
        case "w:tc": if node.child("w:p") == nil { return false }
        case "w:vMerge": if node.attribute("w:val") != "restart" { return false }
        case "w:tr": if node.children.contains(where: { $0.section != nil }) { return false }
        case "wp:docPr": if inSection { return false }
        default: break
        }
        let inSection = inSection || node.section != nil
        return node.children.allSatisfy { holds($0, inSection: inSection) }
    }

    private static func continuedCellsHold(_ plan: SectionPlan, _ wrapper: XNode) -> Bool {
        guard plan.placement == .row, !plan.outerCells.isEmpty else { return true }
        let rows = topRows(wrapper)
        let continued = rows.flatMap { row in
            row.elements("w:tc").enumerated().filter { plan.outerCells.contains($0.offset) && startsMerge($0.element) }
        }
        if continued.isEmpty { return true }
        let oneRow = wrapper.children.count == 1 && rows.count == 1 && wrapper.children[0] === rows[0]
        return oneRow && continued.allSatisfy { !holdsSection($0.element) }
    }

    /// The rows a copy of the section consists of once the sections in it are flattened.
    private static func topRows(_ wrapper: XNode) -> [XNode] {
        wrapper.children.flatMap { c -> [XNode] in
            if c.section != nil { return topRows(c) }
            return c.isElement && c.tag == nil && c.name == "w:tr" ? [c] : []
        }
    }

    private static func holdsSection(_ node: XNode) -> Bool {
        node.section != nil || node.children.contains(where: holdsSection)
    }
}
