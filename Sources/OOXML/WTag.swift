/// WordprocessingML element names the block parser acts on, interned once per
/// parser so the hot loop switches on a small integer instead of comparing strings.
public enum WTag: UInt8, Sendable, CaseIterable {
    case p, pPr, pStyle, numPr, ilvl, numId, outlineLvl, jc, pageBreakBefore, sectPr, rPr, tabs
    case pPrChange, rPrChange, tblPr, tblPrEx, trPrChange, tcPrChange, sdtPr, sdtEndPr, smartTagPr, customXmlPr
    case tblPrChange, tblGridChange, numberingChange, framePr, sdtContent, txbxContent
    case r, vanish, b, t, delText, instrText, delInstrText, tab, br, cr, noBreakHyphen, sym, fldChar
    case del, moveFrom, object, altChunk
    case tbl, gridCol, tr, trPr, tblHeader, gridBefore, tc, tcPr, gridSpan, vMerge, hMerge
    case footnote, endnote
    case style, name, basedOn, tblStylePr
    case other

    static let byName: [String: WTag] = Dictionary(uniqueKeysWithValues: allCases.map { ("\($0)", $0) })

    init(name: String) { self = WTag.byName[name] ?? .other }
}
