import Model
import Text

/// Streams one WordprocessingML part (document, header, footer, footnotes) into blocks.
///
/// Text as Word shows it: runs joined, `w:tab` → tab, `w:br`/`w:cr` → newline,
/// `w:noBreakHyphen` → hyphen, soft hyphens dropped, field results kept and
/// instructions dropped, hyperlinks and content controls unwrapped, tracked changes
/// accepted (`w:ins`/`w:moveTo` kept, `w:del`/`w:moveFrom` dropped), hidden text
/// (`w:vanish`) dropped. What is not read (an `altChunk`, an embedded object, a text
/// box) becomes a `ReadWarning`.
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

    private struct TableBuilder {
        var gridColumns = 0
        var rows: [RowBuilder] = []
        var row: RowBuilder?
        var cell: CellBuilder?
    }

    /// Parses a part. `containers` names the elements that each hold one block list
    /// (`footnote`); for other parts everything goes into one list.
    mutating func parse(_ p: XMLPullParser, noteElements: Set<String> = []) throws -> [[Block]] {
        var lists: [[Block]] = []
        var containers: [[Block]] = [[]]
        var tables: [TableBuilder] = []
        var para: ParagraphBuilder?
        var inPPr = false, inRun = false, inRPr = false, inTrPr = false, inTcPr = false, inNumPr = false
        var runHidden = false, runBold = false, runHasText = false
        var fields: [Bool] = []  // true while in a field's instruction part

        func textVisible() -> Bool { !runHidden && !fields.contains(true) }

        while try p.next() {
            if p.kind == .text { continue }
            let isStart = p.kind == .start
            if p.namespace != .w {
                if isStart && p.name == "AlternateContent" { try skipObject(p, kind: .textBox) }
                else if isStart && (p.name == "oMath" || p.name == "oMathPara") { try p.skipElement() }
                continue
            }
            let n = p.tag
            if isStart {
                switch n {
                case .p:
                    para = ParagraphBuilder()
                case .pPr:
                    if para != nil { inPPr = true }
                case .pStyle where inPPr: para?.styleId = p.attribute("val")
                case .numPr where inPPr: inNumPr = true
                case .ilvl where inNumPr: para?.numLevel = Int(p.attribute("val") ?? "")
                case .numId where inNumPr: para?.numId = Int(p.attribute("val") ?? "")
                case .outlineLvl where inPPr: para?.outlineLevel = Int(p.attribute("val") ?? "")
                case .jc where inPPr: para?.alignment = p.attribute("val")
                case .pageBreakBefore where inPPr: para?.pageBreakBefore = p.attribute("val").map(isOn) ?? true
                case .sectPr:
                    if inPPr { para?.sectionBreak = true }
                    try p.skipElement()
                case .rPr where inPPr && !inRun, .tabs, .pPrChange, .rPrChange, .tblPr, .tblPrEx, .trPrChange,
                     .tcPrChange, .sdtPr, .sdtEndPr, .smartTagPr, .customXmlPr, .tblPrChange, .tblGridChange,
                     .numberingChange:
                    try p.skipElement()
                case .r:
                    inRun = true
                    runHidden = false
                    runBold = false
                    runHasText = false
                case .rPr where inRun: inRPr = true
                case .vanish where inRPr: runHidden = p.attribute("val").map(isOn) ?? true
                case .b where inRPr: runBold = p.attribute("val").map(isOn) ?? true
                case .t:
                    let t = try p.collectText()
                    if textVisible(), para != nil {
                        para!.text += t
                        if !t.isEmpty { runHasText = true }
                    }
                case .delText, .instrText, .delInstrText:
                    try p.skipElement()
                case .tab where inRun:
                    if textVisible() { para?.text += "\t" }
                case .br where inRun:
                    if textVisible() {
                        if p.attribute("type") == "page" {
                            if let pb = para, pb.text.trimmingCharacters(in: .whitespaces).isEmpty {
                                para?.pageBreakBefore = true
                            } else {
                                para?.pageBreakAfter = true
                                para?.text += "\n"
                            }
                        } else {
                            para?.text += "\n"
                        }
                    }
                case .cr where inRun:
                    if textVisible() { para?.text += "\n" }
                case .noBreakHyphen:
                    if textVisible() { para?.text += "-" }
                case .sym:
                    if textVisible(), let c = p.attribute("char"), let v = UInt32(c, radix: 16) {
                        // Symbol-font bullets live in the private use area (F0B7 …).
                        let code = v >= 0xF000 ? v - 0xF000 : v
                        if code == 0xB7 || code == 0xA7 || code == 0xFC { para?.text += "•" }
                        else if let s = Unicode.Scalar(code), code >= 0x20 { para?.text += String(Character(s)) }
                    }
                case .fldChar:
                    switch p.attribute("fldCharType") {
                    case "begin": fields.append(true)
                    case "separate": if !fields.isEmpty { fields[fields.count - 1] = false }
                    case "end": if !fields.isEmpty { fields.removeLast() }
                    default: break
                    }
                case .del, .moveFrom:
                    if inTrPr { tables[tables.count - 1].row?.deleted = true }
                    else if !inRPr && !inPPr { try p.skipElement() }
                case .drawing, .pict:
                    try skipObject(p, kind: .textBox)
                case .object:
                    try skipObject(p, kind: .embeddedObject)
                case .altChunk:
                    warnings.append(ReadWarning(.altChunk, "Вставленный фрагмент другого документа (altChunk) не прочитан: его текст не попал в разбор."))
                    try p.skipElement()
                case .tbl:
                    tables.append(TableBuilder())
                case .gridCol:
                    if !tables.isEmpty { tables[tables.count - 1].gridColumns += 1 }
                case .tr:
                    if !tables.isEmpty { tables[tables.count - 1].row = RowBuilder() }
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
                    if let pb = para {
                        emit(pb, into: &containers)
                    }
                    para = nil
                    inPPr = false
                case .pPr: inPPr = false
                case .numPr: inNumPr = false
                case .r:
                    if runHasText {
                        para?.textRuns += 1
                        if runBold { para?.boldRuns += 1 }
                    }
                    inRun = false
                    inRPr = false
                    runHidden = false
                case .rPr: inRPr = false
                case .trPr: inTrPr = false
                case .tcPr: inTcPr = false
                case .tc:
                    let blocks = containers.count > 1 ? containers.removeLast() : []
                    if !tables.isEmpty, var cell = tables[tables.count - 1].cell {
                        cell.blocks = blocks
                        tables[tables.count - 1].row?.cells.append(cell)
                        tables[tables.count - 1].cell = nil
                    }
                case .tr:
                    if !tables.isEmpty, let row = tables[tables.count - 1].row {
                        if !row.deleted { tables[tables.count - 1].rows.append(row) }
                        tables[tables.count - 1].row = nil
                    }
                case .tbl:
                    if let t = tables.popLast() {
                        containers[containers.count - 1].append(.table(BlockParser.resolve(t)))
                    }
                default:
                    if !noteElements.isEmpty, noteElements.contains(p.name) {
                        lists.append(containers[0])
                        containers = [[]]
                    }
                }
            }
        }
        if noteElements.isEmpty { lists.append(containers[0]) }
        return lists
    }

    private func isOn(_ v: String) -> Bool { !(v == "0" || v == "false" || v == "off" || v == "none") }

    /// Skips a drawing, picture or object; says so when it held text.
    private mutating func skipObject(_ p: XMLPullParser, kind: ReadWarning.Kind) throws {
        let text = try p.collectText()
        guard let t = TextNormalizer.singleLine(text) else {
            if kind == .embeddedObject {
                warnings.append(ReadWarning(.embeddedObject, "Встроенный объект (например, лист Excel) не прочитан."))
            }
            return
        }
        let snippet = t.count > 60 ? String(t.prefix(60)) + "…" : t
        warnings.append(ReadWarning(kind == .embeddedObject ? .embeddedObject : .textBox,
                                    "Текст в надписи или рисунке не прочитан: «\(snippet)»."))
    }

    private mutating func emit(_ pb: ParagraphBuilder, into containers: inout [[Block]]) {
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
        let last = containers.count - 1
        if pb.pageBreakBefore { containers[last].append(.pageBreak) }
        containers[last].append(.paragraph(paragraph))
        if pb.pageBreakAfter { containers[last].append(.pageBreak) }
        if pb.sectionBreak { containers[last].append(.sectionBreak) }
    }

    /// Places cells on the grid and resolves vertical merges.
    private static func resolve(_ t: TableBuilder) -> Table {
        var rows: [TableRow] = []
        // Merge origin of each grid column in the previous row: (row index, cell index).
        var origins: [Int: (row: Int, cell: Int)] = [:]
        var widest = 0
        for rb in t.rows {
            var cells: [TableCell] = []
            var col = rb.gridBefore
            var rowOrigins: [Int: (row: Int, cell: Int)] = [:]
            for cb in rb.cells {
                if cb.hMergeContinue, !cells.isEmpty {
                    cells[cells.count - 1].columnSpan += cb.span
                    col += cb.span
                    continue
                }
                var cell = TableCell(column: col, columnSpan: cb.span, blocks: cb.blocks)
                let rowIndex = rows.count
                if cb.vMerge == "continue", let o = origins[col] {
                    cell.isMergeContinuation = true
                    if o.row < rows.count, o.cell < rows[o.row].cells.count {
                        cell.blocks = rows[o.row].cells[o.cell].blocks
                        rows[o.row].cells[o.cell].rowSpan += 1
                    }
                    rowOrigins[col] = o
                } else {
                    rowOrigins[col] = (rowIndex, cells.count)
                }
                cells.append(cell)
                col += cb.span
            }
            widest = max(widest, col)
            origins = rowOrigins
            rows.append(TableRow(cells: cells, isHeader: rb.isHeader))
        }
        return Table(rows: rows, columnCount: max(t.gridColumns, widest))
    }
}
