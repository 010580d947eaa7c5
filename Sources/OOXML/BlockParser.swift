import Model
import Text

/// Streams one WordprocessingML part (document, header, footer, footnotes) into blocks.
///
/// Text as Word shows it: runs joined, `w:tab` → tab, `w:br`/`w:cr` → newline,
/// `w:noBreakHyphen` → hyphen, soft hyphens dropped, field results kept and
/// field codes dropped, hyperlinks and content controls unwrapped, tracked changes
/// accepted (`w:ins`/`w:moveTo` kept, `w:del`/`w:moveFrom` dropped; a paragraph whose
/// mark is deleted runs on into the next), hidden text (`w:vanish`) dropped. `w:sym`
/// characters are mapped from their symbol font to Unicode, checkboxes become ☐/☒, a drop
/// cap is joined to its paragraph. Text boxes are read as paragraphs of their own, before
/// the paragraph they are anchored in (after it when text precedes the anchor); of an
/// `mc:AlternateContent` only the first choice is read (or the fallback when there is none).
/// What is not read (an `altChunk`, an embedded object) becomes a `ReadWarning`.
struct BlockParser {
    let styles: StylesPart
    var counter: NumberingCounter
    var warnings: [ReadWarning] = []

    init(styles: StylesPart, numbering: NumberingPart) {
        self.styles = styles
        self.counter = NumberingCounter(part: numbering)
    }

    private struct ParagraphBuilder {
        var text = ""
        var styleId: String?
        var numId: Int?
        var numLevel: Int?
        var outlineLevel: Int?
        var alignment: String?
        var pageBreakBefore = false
        var pageBreakAfter = false
        var sectionBreak = false
        var textRuns = 0
        var boldRuns = 0
        /// The paragraph mark is a tracked deletion, or the paragraph is a drop cap:
        /// its text runs on into the next paragraph.
        var runsOn = false
        /// Text boxes anchored in the paragraph, in order.
        var before: [Block] = []
        var after: [Block] = []
    }

    /// What a paragraph's runs were doing when a text box inside them started.
    private struct RunState {
        var para: ParagraphBuilder?
        var inPPr = false, inRun = false, inRPr = false
        var runHidden = false, runBold = false, runHasText = false
        var fields: [Bool] = []  // true while in a field's code part (before its separator)
        var checkbox: Bool?  // a content control's checkbox state, until its content starts
    }

    private struct CellBuilder {
        var span = 1
        var vMerge: String?  // "restart", "continue" or nil
        var hMergeContinue = false
        var blocks: [Block] = []
    }

    private struct RowBuilder {
        var cells: [CellBuilder] = []
        var isHeader = false
        var gridBefore = 0
        var deleted = false
    }

    /// A table being read. Each row is placed on the grid as soon as it ends, so that only
    /// one row is ever held in builder form.
    private struct TableBuilder {
        var gridColumns = 0
        var rows: [TableRow] = []
        var row: RowBuilder?
        var cell: CellBuilder?
        /// Merge origin of each grid column in the previous row: (row index, cell index).
        var origins: [Int: (row: Int, cell: Int)] = [:]
        var widest = 0
        /// The last distinct texts of each grid column, newest first (`shared`).
        var recentTexts: [[String]] = []

        /// A long table repeats its deadlines, responsibles and results: a plain cell's text equal
        /// to one of the last few distinct texts of its column is that text, not another copy of it.
        /// Short texts are held inline by `String` already, long ones are rarely repeated.
        mutating func shared(_ text: String, column: Int) -> String {
            let length = text.utf8.count
            guard length > 15, length <= 128, column < 64 else { return text }
            while recentTexts.count <= column { recentTexts.append([]) }
            if let same = recentTexts[column].first(where: { sameBytes($0, text) }) { return same }
            if recentTexts[column].count == 8 { recentTexts[column].removeLast() }
            recentTexts[column].insert(text, at: 0)
            return text
        }

        /// Places a row's cells on the grid and resolves vertical merges with the rows above.
        mutating func add(_ rb: RowBuilder) {
            var cells: [TableCell] = []
            cells.reserveCapacity(rb.cells.count)
            var col = rb.gridBefore
            var rowOrigins: [Int: (row: Int, cell: Int)] = [:]
            for cb in rb.cells {
                if cb.hMergeContinue, !cells.isEmpty {
                    cells[cells.count - 1].columnSpan += cb.span
                    col += cb.span
                    continue
                }
                var cell = TableCell(column: col, columnSpan: cb.span, blocks: cb.blocks)
                if case let .plain(text, isBold) = cell.content {
                    cell.content = .plain(shared(text, column: col), isBold: isBold)
                }
                if cb.vMerge == "continue", let o = origins[col] {
                    cell.isMergeContinuation = true
                    if o.row < rows.count, o.cell < rows[o.row].cells.count {
                        cell.content = rows[o.row].cells[o.cell].content
                        rows[o.row].cells[o.cell].rowSpan += 1
                    }
                    rowOrigins[col] = o
                } else {
                    rowOrigins[col] = (rows.count, cells.count)
                }
                cells.append(cell)
                col += cb.span
            }
            widest = max(widest, col)
            origins = rowOrigins
            rows.append(TableRow(cells: cells, isHeader: rb.isHeader))
        }

        var table: Table { Table(rows: rows, columnCount: max(gridColumns, widest)) }
    }

    /// Parses a part. `containers` names the elements that each hold one block list
    /// (`footnote`); for other parts everything goes into one list.
    mutating func parse(_ p: XMLPullParser, noteElements: Set<String> = []) throws -> [[Block]] {
        var lists: [[Block]] = []
        var containers: [[Block]] = [[]]
        var tables: [TableBuilder] = []
        var s = RunState()
        var inTrPr = false, inTcPr = false, inNumPr = false
        /// Run states of the paragraphs whose text boxes are being read.
        var outer: [RunState] = []
        /// Per open `mc:AlternateContent`: whether one of its branches has been read.
        var alternates: [Bool] = []
        /// A paragraph that runs on, and the container level it belongs to.
        var carry: (paragraph: ParagraphBuilder, level: Int)?

        func textVisible() -> Bool { !s.runHidden && !s.fields.contains(true) }
        func append(_ text: String) { if textVisible(), s.para != nil { s.para!.text += text } }
        /// A paragraph left running on at the end of its container stands alone.
        func flushCarry() {
            guard let c = carry, c.level == containers.count else { return }
            carry = nil
            var pb = c.paragraph
            pb.runsOn = false
            emit(pb, into: &containers, carry: &carry)
        }

        while try p.next() {
            if p.kind == .text { continue }
            let isStart = p.kind == .start
            if p.namespace != .w {
                guard isStart else {
                    if p.name == "AlternateContent" { _ = alternates.popLast() }
                    continue
                }
                switch p.name {
                case "AlternateContent":
                    alternates.append(false)
                case "Choice", "Fallback":
                    if alternates.last == true { try p.skipElement() } else if !alternates.isEmpty { alternates[alternates.count - 1] = true }
                case "symEx":  // an emoji Word 2016 writes as a symbol (w16se)
                    if let c = p.anyAttribute("char"), let v = UInt32(c, radix: 16), let scalar = Unicode.Scalar(v) {
                        append(String(scalar))
                    }
                case "oMath", "oMathPara":
                    try p.skipElement()
                default: break
                }
                continue
            }
            let n = p.tag
            if isStart {
                switch n {
                case .p:
                    s.para = ParagraphBuilder()
                    if let c = carry, c.level == containers.count {
                        s.para!.text = c.paragraph.text
                        s.para!.textRuns = c.paragraph.textRuns
                        s.para!.boldRuns = c.paragraph.boldRuns
                        s.para!.before = c.paragraph.before + c.paragraph.after
                        carry = nil
                    }
                case .pPr:
                    if s.para != nil { s.inPPr = true }
                case .pStyle where s.inPPr: s.para?.styleId = p.attribute("val")
                case .numPr where s.inPPr: inNumPr = true
                case .ilvl where inNumPr: s.para?.numLevel = Int(p.attribute("val") ?? "")
                case .numId where inNumPr: s.para?.numId = Int(p.attribute("val") ?? "")
                case .outlineLvl where s.inPPr: s.para?.outlineLevel = Int(p.attribute("val") ?? "")
                case .jc where s.inPPr: s.para?.alignment = p.attribute("val")
                case .pageBreakBefore where s.inPPr: s.para?.pageBreakBefore = p.attribute("val").map(isOn) ?? true
                case .framePr where s.inPPr:
                    if let drop = p.attribute("dropCap"), drop != "none" { s.para?.runsOn = true }
                case .sectPr:
                    if s.inPPr { s.para?.sectionBreak = true }
                    try p.skipElement()
                case .rPr where s.inPPr && !s.inRun:
                    // The paragraph mark's properties: only a tracked deletion of the mark matters.
                    try p.forEachDescendant {
                        if p.namespace == .w, p.tag == .del || p.tag == .moveFrom { s.para?.runsOn = true }
                    }
                case .sdtPr:
                    var checked: Bool?
                    try p.forEachDescendant {
                        if p.name == "checkbox", p.namespace == .other { checked = checked ?? false }
                        if p.name == "checked", p.namespace == .other { checked = p.anyAttribute("val").map(isOn) ?? true }
                    }
                    s.checkbox = checked
                case .sdtContent:
                    if let checked = s.checkbox, s.para != nil {
                        append(checked ? "☒" : "☐")
                        try p.skipElement()
                    }
                    s.checkbox = nil
                case .tabs, .pPrChange, .rPrChange, .tblPr, .tblPrEx, .trPrChange,
                     .tcPrChange, .sdtEndPr, .smartTagPr, .customXmlPr, .tblPrChange, .tblGridChange,
                     .numberingChange:
                    try p.skipElement()
                case .r:
                    s.inRun = true
                    s.runHidden = false
                    s.runBold = false
                    s.runHasText = false
                case .rPr where s.inRun: s.inRPr = true
                case .vanish where s.inRPr: s.runHidden = p.attribute("val").map(isOn) ?? true
                case .b where s.inRPr: s.runBold = p.attribute("val").map(isOn) ?? true
                case .t:
                    let t = try p.collectText()
                    if textVisible(), s.para != nil {
                        s.para!.text += t
                        if !t.isEmpty { s.runHasText = true }
                    }
                case .delText, .instrText, .delInstrText:
                    try p.skipElement()
                case .tab where s.inRun:
                    append("\t")
                case .br where s.inRun:
                    if textVisible() {
                        if p.attribute("type") == "page" {
                            if let pb = s.para, pb.text.trimmingCharacters(in: .whitespaces).isEmpty {
                                s.para?.pageBreakBefore = true
                            } else {
                                s.para?.pageBreakAfter = true
                                s.para?.text += "\n"
                            }
                        } else {
                            s.para?.text += "\n"
                        }
                    }
                case .cr where s.inRun:
                    append("\n")
                case .noBreakHyphen:
                    append("-")
                case .sym:
                    if let c = p.attribute("char"), let v = UInt32(c, radix: 16),
                       let symbol = SymbolFonts.character(font: p.attribute("font"), code: v) {
                        append(symbol)
                        if textVisible() { s.runHasText = true }
                    }
                case .fldChar:
                    switch p.attribute("fldCharType") {
                    case "begin":
                        // A legacy form checkbox (FORMCHECKBOX) shows its state, not a result.
                        var isCheckBox = false, byDefault: Bool?, checked: Bool?
                        try p.forEachDescendant {
                            guard p.namespace == .w else { return }
                            switch p.name {
                            case "checkBox": isCheckBox = true
                            case "default": byDefault = p.attribute("val").map(isOn) ?? true
                            case "checked": checked = p.attribute("val").map(isOn) ?? true
                            default: break
                            }
                        }
                        if isCheckBox { append(checked ?? byDefault ?? false ? "☒" : "☐") }
                        s.fields.append(true)
                    case "separate": if !s.fields.isEmpty { s.fields[s.fields.count - 1] = false }
                    case "end": if !s.fields.isEmpty { s.fields.removeLast() }
                    default: break
                    }
                case .del, .moveFrom:
                    if inTrPr { tables[tables.count - 1].row?.deleted = true }
                    else if !s.inRPr && !s.inPPr { try p.skipElement() }
                case .txbxContent:
                    outer.append(s)
                    s = RunState()
                    containers.append([])
                case .object:
                    try skipObject(p)
                case .altChunk:
                    warnings.append(ReadWarning(.altChunk, "Вставленный фрагмент другого документа (altChunk) не прочитан: его текст не попал в разбор."))
                    try p.skipElement()
                case .tbl:
                    tables.append(TableBuilder())
                case .gridCol:
                    if !tables.isEmpty { tables[tables.count - 1].gridColumns += 1 }
                case .tr:
                    if !tables.isEmpty {
                        var row = RowBuilder()
                        row.cells.reserveCapacity(tables[tables.count - 1].gridColumns)
                        tables[tables.count - 1].row = row
                    }
                case .trPr: inTrPr = true
                case .tblHeader where inTrPr:
                    tables[tables.count - 1].row?.isHeader = p.attribute("val").map(isOn) ?? true
                case .gridBefore where inTrPr:
                    tables[tables.count - 1].row?.gridBefore = max(0, min(Int(p.attribute("val") ?? "") ?? 0, 64))
                case .tc:
                    if !tables.isEmpty { tables[tables.count - 1].cell = CellBuilder() }
                    containers.append([])
                case .tcPr: inTcPr = true
                case .gridSpan where inTcPr:
                    tables[tables.count - 1].cell?.span = max(1, min(Int(p.attribute("val") ?? "") ?? 1, 64))
                case .vMerge where inTcPr:
                    tables[tables.count - 1].cell?.vMerge = p.attribute("val") ?? "continue"
                case .hMerge where inTcPr:
                    tables[tables.count - 1].cell?.hMergeContinue = (p.attribute("val") ?? "continue") == "continue"
                default:
                    if !noteElements.isEmpty, noteElements.contains(p.name) {
                        let type = p.attribute("type")
                        if type == "separator" || type == "continuationSeparator" || type == "continuationNotice" {
                            try p.skipElement()
                        } else {
                            containers = [[]]
                        }
                    }
                }
            } else {
                switch n {
                case .p:
                    if let pb = s.para {
                        emit(pb, into: &containers, carry: &carry)
                    }
                    s.para = nil
                    s.inPPr = false
                case .pPr: s.inPPr = false
                case .numPr: inNumPr = false
                case .r:
                    if s.runHasText {
                        s.para?.textRuns += 1
                        if s.runBold { s.para?.boldRuns += 1 }
                    }
                    s.inRun = false
                    s.inRPr = false
                    s.runHidden = false
                case .rPr: s.inRPr = false
                case .trPr: inTrPr = false
                case .tcPr: inTcPr = false
                case .txbxContent:
                    flushCarry()
                    let blocks = containers.count > 1 ? containers.removeLast() : []
                    s = outer.popLast() ?? RunState()
                    if s.para == nil {
                        containers[containers.count - 1] += blocks
                    } else if s.para!.text.allSatisfy(\.isWhitespace) {
                        s.para!.before += blocks
                    } else {
                        s.para!.after += blocks
                    }
                case .tc:
                    flushCarry()
                    let blocks = containers.count > 1 ? containers.removeLast() : []
                    if !tables.isEmpty, var cell = tables[tables.count - 1].cell {
                        cell.blocks = blocks
                        tables[tables.count - 1].row?.cells.append(cell)
                        tables[tables.count - 1].cell = nil
                    }
                case .tr:
                    if !tables.isEmpty, let row = tables[tables.count - 1].row {
                        if !row.deleted { tables[tables.count - 1].add(row) }
                        tables[tables.count - 1].row = nil
                    }
                case .tbl:
                    if let t = tables.popLast() {
                        containers[containers.count - 1].append(.table(t.table))
                    }
                default:
                    if !noteElements.isEmpty, noteElements.contains(p.name) {
                        flushCarry()
                        lists.append(containers[0])
                        containers = [[]]
                    }
                }
            }
        }
        if noteElements.isEmpty {
            flushCarry()
            lists.append(containers[0])
        }
        return lists
    }

    private func isOn(_ v: String) -> Bool { !(v == "0" || v == "false" || v == "off" || v == "none") }

    /// Skips an embedded object (an Excel sheet, an equation of the old editor); says so.
    private mutating func skipObject(_ p: XMLPullParser) throws {
        let text = try p.collectText()
        guard let t = TextNormalizer.singleLine(text) else {
            warnings.append(ReadWarning(.embeddedObject, "Встроенный объект (например, лист Excel) не прочитан."))
            return
        }
        let snippet = t.count > 60 ? String(t.prefix(60)) + "…" : t
        warnings.append(ReadWarning(.embeddedObject, "Текст во встроенном объекте не прочитан: «\(snippet)»."))
    }

    private mutating func emit(_ pb: ParagraphBuilder, into containers: inout [[Block]],
                               carry: inout (paragraph: ParagraphBuilder, level: Int)?) {
        let last = containers.count - 1
        containers[last] += pb.before
        if pb.runsOn {
            var rest = pb
            rest.before = []
            carry = (rest, containers.count)
            return
        }
        var numId = pb.numId
        var level = pb.numLevel
        if numId == nil, let sid = pb.styleId ?? styles.defaultParagraphStyle {
            numId = styles.resolve(sid) { $0.numId }
            if level == nil { level = styles.resolve(sid) { $0.numLevel } }
        }
        var label: ListLabel?
        if let id = numId, id != 0 {
            let styles = self.styles
            label = counter.next(numId: id, level: level ?? 0) { styles.numId(forStyleNamed: $0) }
        }
        let styleName = pb.styleId.flatMap { styles.styles[$0]?.name }
        var heading = styles.headingLevel(pb.styleId)
        if let o = pb.outlineLevel, o < 9 { heading = o + 1 }
        let paragraph = Paragraph(text: pb.text, styleId: pb.styleId, styleName: styleName, headingLevel: heading,
                                  numbering: label, alignment: pb.alignment,
                                  isBold: pb.textRuns > 0 && pb.boldRuns == pb.textRuns)
        if pb.pageBreakBefore { containers[last].append(.pageBreak) }
        containers[last].append(.paragraph(paragraph))
        if pb.pageBreakAfter { containers[last].append(.pageBreak) }
        if pb.sectionBreak { containers[last].append(.sectionBreak) }
        containers[last] += pb.after
    }
}
