import JSON
import Model
import Text

/// Readable text dumps of a document tree, for people debugging a file and for
/// tests that compare trees as text.
public enum TreeDump {
    public static func text(_ tree: DocumentTree) -> String {
        var out: [String] = []
        dump(tree.body, indent: "", into: &out)
        for (i, h) in tree.headers.enumerated() where !h.isEmpty {
            out.append("[header \(i + 1)]")
            dump(h, indent: "  ", into: &out)
        }
        for (i, f) in tree.footers.enumerated() where !f.isEmpty {
            out.append("[footer \(i + 1)]")
            dump(f, indent: "  ", into: &out)
        }
        for (i, n) in tree.footnotes.enumerated() where !n.isEmpty {
            out.append("[note \(i + 1)]")
            dump(n, indent: "  ", into: &out)
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

    /// The tree as JSON, for programs.
    public static func json(_ tree: DocumentTree) -> JSONValue {
        .object([
            ("body", .array(tree.body.map(json))),
            ("headers", .array(tree.headers.map { .array($0.map(json)) })),
            ("footers", .array(tree.footers.map { .array($0.map(json)) })),
            ("footnotes", .array(tree.footnotes.map { .array($0.map(json)) })),
            ("properties", .object([("title", .optional(tree.properties.title)),
                                    ("creator", .optional(tree.properties.creator)),
                                    ("created", .optional(tree.properties.created))])),
            ("warnings", .array(tree.warnings.map { .object([("kind", .string($0.kind.rawValue)),
                                                             ("message", .string($0.message))]) })),
        ])
    }

    static func json(_ b: Block) -> JSONValue {
        switch b {
        case let .paragraph(p):
            var pairs: [(String, JSONValue)] = [("type", .string("paragraph")), ("text", .string(p.text))]
            if let s = p.styleId { pairs.append(("style", .string(s))) }
            if let h = p.headingLevel { pairs.append(("heading", .number(Double(h)))) }
            if let n = p.numbering {
                pairs.append(("numbering", .object([("numId", .number(Double(n.numId))), ("level", .number(Double(n.level))),
                                                    ("label", .string(n.text)), ("bullet", .bool(n.isBullet))])))
            }
            if p.isBold { pairs.append(("bold", .bool(true))) }
            return .object(pairs)
        case let .table(t):
            return .object([
                ("type", .string("table")), ("columns", .number(Double(t.columnCount))),
                ("rows", .array(t.rows.map { row in
                    .object([("header", .bool(row.isHeader)), ("cells", .array(row.cells.map { c in
                        .object([("column", .number(Double(c.column))), ("columnSpan", .number(Double(c.columnSpan))),
                                 ("rowSpan", .number(Double(c.rowSpan))), ("merged", .bool(c.isMergeContinuation)),
                                 ("blocks", .array(c.blocks.map(json)))])
                    }))])
                })),
            ])
        case .pageBreak: return .object([("type", .string("pageBreak"))])
        case .sectionBreak: return .object([("type", .string("sectionBreak"))])
        }
    }
}
