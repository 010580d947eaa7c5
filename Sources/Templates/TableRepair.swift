/// Keeps tables valid after rows were repeated or dropped.
enum TableRepair {

    /// In a repeated row, the cells outside the section continue the vertical merge
    /// the first copy started, so a section title stands once beside all its items.
    static func continueMerges(in row: XNode, cells: Set<Int>) {
        for (i, cell) in row.elements("w:tc").enumerated() where cells.contains(i) {
            guard let tcPr = cell.child("w:tcPr"), let vMerge = tcPr.child("w:vMerge"),
                  vMerge.attribute("w:val") == "restart" else { continue }
            vMerge.setAttribute("w:val", nil)
            // A continuing cell shows nothing; keep the first paragraph's properties.
            let paragraph = XNode(element: "w:p")
            if let pPr = cell.child("w:p")?.child("w:pPr") { paragraph.append(pPr.clone()) }
            cell.setChildren([tcPr, paragraph])
        }
    }

    /// Repairs every table under `root`: a vertical merge that continues nothing
    /// (its first row was dropped) restarts, and every cell keeps a paragraph.
    /// One walk; it needs no parent links (a filled tree has none).
    static func repair(_ root: XNode) {
        // A table whose rows all went (an empty list) goes too: Word refuses a table without rows.
        if root.children.contains(where: isEmptyTable) { root.children.removeAll(where: isEmptyTable) }
        if root.name == "w:tbl" { repairMerges(root) }
        if root.name == "w:tc", !root.children.contains(where: { $0.isElement && $0.name == "w:p" }) {
            root.append(XNode(element: "w:p"))
        }
        for c in root.children where c.isElement { repair(c) }
    }

    private static func isEmptyTable(_ node: XNode) -> Bool {
        node.isElement && node.name == "w:tbl" && node.child("w:tr") == nil
    }

    private static func repairMerges(_ table: XNode) {
        var merged: [Int: Bool] = [:]
        for row in table.elements("w:tr") {
            var column = Int(row.child("w:trPr")?.child("w:gridBefore")?.attribute("w:val") ?? "") ?? 0
            var next: [Int: Bool] = [:]
            for cell in row.elements("w:tc") {
                let tcPr = cell.child("w:tcPr")
                let span = max(1, Int(tcPr?.child("w:gridSpan")?.attribute("w:val") ?? "") ?? 1)
                if let vMerge = tcPr?.child("w:vMerge") {
                    let restarts = vMerge.attribute("w:val") == "restart"
                    if !restarts, merged[column] != true { vMerge.setAttribute("w:val", "restart") }
                    for c in column..<(column + span) { next[c] = true }
                }
                column += span
            }
            merged = next
        }
    }
}
