/// Every look a cell can have, in one place: `styles.xml` is generated from this list, and the
/// writer picks a style from a cell's value and its row (header, data, totals).
enum XlsxStyle: Int, CaseIterable {
    /// The default style, for cells outside the table.
    case plain
    /// Column titles: bold, wrapped, centred, on a grey fill.
    case header
    /// Data cells: bordered, top-aligned; text wraps.
    case text, number, date, percent
    /// Totals rows: bold on the header's fill.
    case totalText, totalNumber, totalPercent

    /// Where a cell is.
    enum Role { case header, data, total }

    static func of(_ cell: XlsxCell, role: Role) -> XlsxStyle {
        switch role {
        case .header: return .header
        case .data:
            switch cell {
            case .empty, .text: return .text
            case .integer, .number: return .number
            case .date: return .date
            case .percent: return .percent
            case let .formula(f): return f.isPercent ? .percent : .number
            }
        case .total:
            switch cell {
            case .empty, .text: return .totalText
            case .date: return .date
            case .integer, .number: return .totalNumber
            case .percent: return .totalPercent
            case let .formula(f): return f.isPercent ? .totalPercent : .totalNumber
            }
        }
    }

    // MARK: What each style is made of

    private enum Font: Int, CaseIterable { case regular, bold }
    private enum Fill: Int, CaseIterable { case none, gray125, header }
    private enum Border: Int, CaseIterable { case none, thin }
    private enum NumberFormat: Int {
        case general = 0, percent = 9, date = 164
    }
    private enum Alignment { case none, wrappedTop, headerCentred, top }

    private var parts: (font: Font, fill: Fill, border: Border, format: NumberFormat, alignment: Alignment) {
        switch self {
        case .plain: return (.regular, .none, .none, .general, .none)
        case .header: return (.bold, .header, .thin, .general, .headerCentred)
        case .text: return (.regular, .none, .thin, .general, .wrappedTop)
        case .number: return (.regular, .none, .thin, .general, .top)
        case .date: return (.regular, .none, .thin, .date, .top)
        case .percent: return (.regular, .none, .thin, .percent, .top)
        case .totalText: return (.bold, .header, .thin, .general, .wrappedTop)
        case .totalNumber: return (.bold, .header, .thin, .general, .top)
        case .totalPercent: return (.bold, .header, .thin, .percent, .top)
        }
    }

    /// Differential formats for conditional formatting, by `dxfId`.
    enum Highlight: Int, CaseIterable {
        /// Excel's «light red fill with dark red text».
        case attention
    }

    static let headerFill = "FFDDE5EE"
    static let ruleColour = "FF8797A8"

    static var stylesXML: String {
        var s = XlsxParts.declaration
        s += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        s += #"<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\.mm\.yyyy"/></numFmts>"#
        s += #"<fonts count="\#(Font.allCases.count)">"#
        for font in Font.allCases {
            s += "<font>" + (font == .bold ? "<b/>" : "") + #"<sz val="11"/><name val="Calibri"/><family val="2"/><charset val="204"/></font>"#
        }
        s += "</fonts>"
        s += #"<fills count="\#(Fill.allCases.count)">"#
        for fill in Fill.allCases {
            switch fill {
            case .none: s += #"<fill><patternFill patternType="none"/></fill>"#
            case .gray125: s += #"<fill><patternFill patternType="gray125"/></fill>"#
            case .header: s += #"<fill><patternFill patternType="solid"><fgColor rgb="\#(headerFill)"/><bgColor indexed="64"/></patternFill></fill>"#
            }
        }
        s += "</fills>"
        s += #"<borders count="\#(Border.allCases.count)">"#
        for border in Border.allCases {
            switch border {
            case .none: s += "<border><left/><right/><top/><bottom/><diagonal/></border>"
            case .thin:
                s += "<border>" + ["left", "right", "top", "bottom"].map { #"<\#($0) style="thin"><color rgb="\#(ruleColour)"/></\#($0)>"# }.joined()
                s += "<diagonal/></border>"
            }
        }
        s += "</borders>"
        s += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        s += #"<cellXfs count="\#(allCases.count)">"#
        for style in allCases {
            let p = style.parts
            s += #"<xf numFmtId="\#(p.format.rawValue)" fontId="\#(p.font.rawValue)" fillId="\#(p.fill.rawValue)" borderId="\#(p.border.rawValue)" xfId="0""#
            if p.format != .general { s += #" applyNumberFormat="1""# }
            if p.font != .regular { s += #" applyFont="1""# }
            if p.fill != .none { s += #" applyFill="1""# }
            if p.border != .none { s += #" applyBorder="1""# }
            switch p.alignment {
            case .none: s += "/>"
            case .wrappedTop: s += #" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
            case .top: s += #" applyAlignment="1"><alignment vertical="top"/></xf>"#
            case .headerCentred: s += #" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#
            }
        }
        s += "</cellXfs>"
        s += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        s += #"<dxfs count="\#(Highlight.allCases.count)">"#
        for highlight in Highlight.allCases {
            switch highlight {
            case .attention:
                s += #"<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>"#
            }
        }
        s += "</dxfs>"
        return s + "</styleSheet>"
    }
}
