import Model
import Text

/// The label Word displays for an automatically numbered paragraph.
public struct ListLabel: Hashable, Sendable {
    public var numId: Int
    public var level: Int
    /// As displayed: `1.`, `2.3.`, `IV`, `б)`; `•` for bullets.
    public var text: String
    public var isBullet: Bool

    public init(numId: Int, level: Int, text: String, isBullet: Bool) {
        self.numId = numId
        self.level = level
        self.text = text
        self.isBullet = isBullet
    }
}

/// A paragraph as Word shows it. (A field added here is one more that `TableCell.Content` must find
/// unset before it holds a cell's paragraph as plain text.)
public struct Paragraph: Hashable, Sendable {
    /// Runs joined; `\t` for tabs, `\n` for line breaks. Not normalised.
    public var text: String
    public var styleId: String?
    public var styleName: String?
    /// 1...9 for headings (from the style or the outline level), else nil.
    public var headingLevel: Int?
    public var numbering: ListLabel?
    /// `center`, `right`, `both`, … from `w:jc`.
    public var alignment: String?
    /// Every run with text is bold.
    public var isBold: Bool

    public init(text: String, styleId: String? = nil, styleName: String? = nil, headingLevel: Int? = nil,
                numbering: ListLabel? = nil, alignment: String? = nil, isBold: Bool = false) {
        self.text = text
        self.styleId = styleId
        self.styleName = styleName
        self.headingLevel = headingLevel
        self.numbering = numbering
        self.alignment = alignment
        self.isBold = isBold
    }

    /// The text with its list label in front, as a reader sees it:
    /// `• ` for bullets, `1. ` for numbered paragraphs.
    public var displayText: String {
        guard let label = numbering, !label.text.isEmpty else { return text }
        return label.isBullet ? "• " + text : label.text + " " + text
    }
}

/// One block of the body, a cell, a header or a footnote, in reading order. Held inline (not
/// `indirect`): a table's rows live in arrays already, and a box per paragraph cost more than
/// the paragraph's text in a long roadmap.
public enum Block: Hashable, Sendable {
    case paragraph(Paragraph)
    case table(Table)
    /// A page break (`w:br w:type="page"`, `w:pageBreakBefore`).
    case pageBreak
    /// The end of a section (`w:sectPr` in a paragraph).
    case sectionBreak
}

/// A table cell placed on the table grid, merges resolved.
public struct TableCell: Hashable, Sendable {
    /// 0-based grid column of the cell's first column.
    public var column: Int
    /// Grid columns covered (`w:gridSpan`).
    public var columnSpan: Int
    /// Rows covered by a vertical merge; 1 when not merged. Set on the first cell of a merge.
    public var rowSpan: Int
    /// What the cell holds; nearly every cell of a long table is one plain paragraph, held as its
    /// text alone (an array of one inline `Paragraph` per cell was most of a long roadmap's tree).
    /// Before the flag below, so that the cell takes 48 bytes rather than 56.
    var content: Content
    /// True for a cell that continues a vertical merge: its blocks are the merge origin's.
    public var isMergeContinuation: Bool

    enum Content: Hashable, Sendable {
        /// One paragraph with no style, heading level, numbering or alignment.
        case plain(String, isBold: Bool)
        case blocks([Block])

        init(_ blocks: [Block]) {
            if blocks.count == 1, case let .paragraph(p) = blocks[0], p.styleId == nil, p.styleName == nil,
               p.headingLevel == nil, p.numbering == nil, p.alignment == nil {
                self = .plain(p.text, isBold: p.isBold)
            } else {
                self = .blocks(blocks)
            }
        }
    }

    public init(column: Int, columnSpan: Int = 1, rowSpan: Int = 1, isMergeContinuation: Bool = false,
                blocks: [Block] = []) {
        self.column = column
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
        self.isMergeContinuation = isMergeContinuation
        self.content = Content(blocks)
    }

    public var blocks: [Block] {
        get {
            switch content {
            case let .plain(text, isBold): return [.paragraph(Paragraph(text: text, isBold: isBold))]
            case let .blocks(blocks): return blocks
            }
        }
        set { content = Content(newValue) }
    }

    /// The paragraph of a cell that holds one paragraph and nothing else (nearly every cell), or nil.
    public var onlyParagraph: Paragraph? {
        switch content {
        case let .plain(text, isBold): return Paragraph(text: text, isBold: isBold)
        case let .blocks(blocks):
            if blocks.count == 1, case let .paragraph(p) = blocks[0] { return p }
            return nil
        }
    }

    /// The paragraphs' display texts joined with `\n`, nested tables' cells included; not normalised.
    public var text: String {
        if case let .plain(text, _) = content { return text }
        var lines: [String] = []
        Block.collectText(blocks, into: &lines)
        return lines.joined(separator: "\n")
    }

    /// The text normalised as the export wants it, or nil when empty.
    public var normalizedText: String? { TextNormalizer.normalize(text) }
}

extension Block {
    static func collectText(_ blocks: [Block], into lines: inout [String]) {
        for b in blocks {
            switch b {
            case let .paragraph(p): lines.append(p.displayText)
            case let .table(t):
                for row in t.rows {
                    for cell in row.cells where !cell.isMergeContinuation { collectText(cell.blocks, into: &lines) }
                }
            case .pageBreak, .sectionBreak: break
            }
        }
    }
}

public struct TableRow: Hashable, Sendable {
    public var cells: [TableCell]
    /// Marked to repeat as a header on every page (`w:tblHeader`).
    public var isHeader: Bool

    public init(cells: [TableCell], isHeader: Bool = false) {
        self.cells = cells
        self.isHeader = isHeader
    }

    /// The cell covering grid column `column`, if any.
    public func cell(atColumn column: Int) -> TableCell? {
        cells.first { column >= $0.column && column < $0.column + $0.columnSpan }
    }
}

public struct Table: Hashable, Sendable {
    public var rows: [TableRow]
    /// Number of grid columns (`w:tblGrid`, or the widest row).
    public var columnCount: Int

    public init(rows: [TableRow], columnCount: Int) {
        self.rows = rows
        self.columnCount = columnCount
    }
}

/// What could not be read: carried with the tree, never dropped silently.
public struct ReadWarning: Hashable, Sendable {
    public enum Kind: String, Sendable, Hashable {
        case altChunk, embeddedObject, numbering, part
    }
    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

/// `docProps/core.xml`.
public struct CoreProperties: Hashable, Sendable {
    public var title: String?
    public var creator: String?
    public var lastModifiedBy: String?
    public var created: String?
    public var modified: String?

    public init(title: String? = nil, creator: String? = nil, lastModifiedBy: String? = nil,
                created: String? = nil, modified: String? = nil) {
        self.title = title
        self.creator = creator
        self.lastModifiedBy = lastModifiedBy
        self.created = created
        self.modified = modified
    }
}

/// A Word document read into blocks: the body in reading order, and apart from it
/// headers, footers and footnotes.
public struct DocumentTree: Hashable, Sendable {
    public var body: [Block]
    public var headers: [[Block]]
    public var footers: [[Block]]
    public var footnotes: [[Block]]
    public var properties: CoreProperties
    public var warnings: [ReadWarning]

    public init(body: [Block], headers: [[Block]] = [], footers: [[Block]] = [], footnotes: [[Block]] = [],
                properties: CoreProperties = CoreProperties(), warnings: [ReadWarning] = []) {
        self.body = body
        self.headers = headers
        self.footers = footers
        self.footnotes = footnotes
        self.properties = properties
        self.warnings = warnings
    }

    /// Every table of the body, nested ones excluded, in order.
    public var tables: [Table] {
        body.compactMap { if case let .table(t) = $0 { return t } else { return nil } }
    }
}
