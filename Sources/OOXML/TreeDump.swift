import Model
import Text

/// Readable text dumps of a document tree, for people debugging a file and for
/// tests that compare trees as text.
public enum TreeDump {
    public static func text(_ tree: DocumentTree) -> String {
        var out: [String] = []
        dump(tree.body, indent: "", into: &out)
        for (label, lists) in [("header", tree.headers), ("footer", tree.footers), ("note", tree.footnotes)] {
            for (i, blocks) in lists.enumerated() where !blocks.isEmpty {
                out.append("[\(label) \(i + 1)]")
                dump(blocks, indent: "  ", into: &out)
            }
        }
        for w in tree.warnings { out.append("! \(w.kind.rawValue): \(w.message)") }
        return out.joined(separator: "\n")
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\t", with: "⇥")
    }

    static func dump(_ blocks: [Block], indent: String, into out: inout [String]) {
        for b in blocks {
            switch b {
            case let .paragraph(p):
                var tags: [String] = []
                if let h = p.headingLevel { tags.append("h\(h)") }
                if let s = p.styleId { tags.append("style=\(s)") }
                if let n = p.numbering { tags.append("list=\(n.numId)/\(n.level) «\(n.text)»") }
                if p.isBold { tags.append("bold") }
                if let a = p.alignment { tags.append(a) }
                let tagText = tags.isEmpty ? "" : " [" + tags.joined(separator: " ") + "]"
                out.append("\(indent)¶\(tagText) \(escaped(p.text))")
            case let .table(t):
                out.append("\(indent)┌ table \(t.rows.count)×\(t.columnCount)")
                for (r, row) in t.rows.enumerated() {
                    out.append("\(indent)├ row \(r)\(row.isHeader ? " (header)" : "")")
                    for cell in row.cells {
                        var span = "c\(cell.column)"
                        if cell.columnSpan > 1 { span += "+\(cell.columnSpan)" }
                        if cell.rowSpan > 1 { span += " ↓\(cell.rowSpan)" }
                        if cell.isMergeContinuation {
                            out.append("\(indent)│ [\(span) merged] \(escaped(TextNormalizer.singleLine(cell.text) ?? ""))")
                            continue
                        }
                        let nested = cell.blocks.contains { if case .table = $0 { return true } else { return false } }
                        if nested {
                            out.append("\(indent)│ [\(span)]")
                            dump(cell.blocks, indent: indent + "│   ", into: &out)
                        } else {
                            out.append("\(indent)│ [\(span)] \(escaped(cell.text))")
                        }
                    }
                }
                out.append("\(indent)└")
            case .pageBreak: out.append("\(indent)--- page break ---")
            case .sectionBreak: out.append("\(indent)=== section break ===")
            }
        }
    }
}
