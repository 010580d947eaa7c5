import Model
import Text

/// The DrawingML parts of a sheet's bar chart: the drawing that places it (`xl/drawings/drawingN.xml`)
/// and the chart itself (`xl/charts/chartN.xml`).
enum XlsxChart {
    static let emuPerInch = 914_400.0

    /// The chart's size in EMU: as wide as the table above it (at least 6 inches), and printed
    /// (scaled with the table to one page wide) about a third of an inch per bar, within one page.
    static func size(columnWidths: [Double], bars: Int) -> (cx: Int, cy: Int) {
        // A column of `w` characters is about `7w + 5` pixels at 96 pixels an inch (Calibri 11).
        let width = max(6, columnWidths.reduce(0) { $0 + ($1 * 7 + 5) / 96 })
        let scale = min(1, printableWidth / width)
        let printed = min(max(3.5, 1.2 + 0.3 * Double(bars)), printableHeight)
        return (Int(width * emuPerInch), Int(printed / scale * emuPerInch))
    }

    /// Inches of a landscape A4 page inside the margins (and, down, below the repeated header row).
    static let printableWidth = 10.8, printableHeight = 5.8

    /// A drawing holding one chart (relationship `rId1`) whose top left corner is at a zero-based row.
    static func drawingXML(row: Int, size: (cx: Int, cy: Int)) -> String {
        var s = XlsxParts.declaration
        s += #"<xdr:wsDr xmlns:xdr="\#(XlsxParts.drawingNS)" xmlns:a="\#(XlsxParts.drawingMainNS)">"#
        s += "<xdr:oneCellAnchor>"
        s += "<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>\(row)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        s += #"<xdr:ext cx="\#(size.cx)" cy="\#(size.cy)"/>"#
        s += #"<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Диаграмма 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"#
        s += #"<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>"#
        s += #"<a:graphic><a:graphicData uri="\#(XlsxParts.chartNS)">"#
        s += #"<c:chart xmlns:c="\#(XlsxParts.chartNS)" xmlns:r="\#(XlsxParts.officeRelNS)" r:id="rId1"/>"#
        s += "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>"
        return s
    }

    /// `'Sheet name'!$A$2:$A$9`.
    static func reference(_ range: XlsxColumnRange, sheetName: String) -> String {
        let letter = XlsxWriter.columnName(range.column)
        return "\(XlsxWriter.quotedSheet(sheetName))!$\(letter)$\(range.rows.lowerBound):$\(letter)$\(range.rows.upperBound)"
    }

    /// A horizontal bar chart: categories top to bottom in the order of the rows, the value axis
    /// from 0 to 100 % below them, each bar labelled with its percentage.
    static func chartXML(_ chart: XlsxBarChart, categories: String, values: String) -> String {
        let catAxis = 1001, valAxis = 1002
        var s = XlsxParts.declaration
        s += #"<c:chartSpace xmlns:c="\#(XlsxParts.chartNS)" xmlns:a="\#(XlsxParts.drawingMainNS)" xmlns:r="\#(XlsxParts.officeRelNS)">"#
        s += #"<c:roundedCorners val="0"/><c:chart>"#
        s += "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1200\" b=\"1\"/></a:pPr>"
        s += "<a:r><a:rPr lang=\"ru-RU\" sz=\"1200\" b=\"1\"/><a:t>\(Markup.escape(chart.title))</a:t></a:r></a:p></c:rich></c:tx>"
        s += #"<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>"#
        s += #"<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>"#
        s += #"<c:ser><c:idx val="0"/><c:order val="0"/>"#
        s += "<c:tx><c:v>\(Markup.escape(chart.seriesName))</c:v></c:tx>"
        s += #"<c:spPr><a:solidFill><a:srgbClr val="2F7BBF"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>"#
        s += #"<c:dLbls><c:numFmt formatCode="0%" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"#
        s += #"<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>"#
        s += #"<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>"#
        s += "<c:cat><c:strRef><c:f>\(Markup.escape(categories))</c:f><c:strCache><c:ptCount val=\"\(chart.labels.count)\"/>"
        for (i, label) in chart.labels.enumerated() {
            s += "<c:pt idx=\"\(i)\"><c:v>\(Markup.escape(label))</c:v></c:pt>"
        }
        s += "</c:strCache></c:strRef></c:cat>"
        s += "<c:val><c:numRef><c:f>\(Markup.escape(values))</c:f><c:numCache><c:formatCode>0%</c:formatCode>"
        s += "<c:ptCount val=\"\(chart.cachedValues.count)\"/>"
        for (i, value) in chart.cachedValues.enumerated() {
            if let value { s += "<c:pt idx=\"\(i)\"><c:v>\(XlsxWriter.format(value))</c:v></c:pt>" }
        }
        s += "</c:numCache></c:numRef></c:val></c:ser>"
        s += #"<c:gapWidth val="60"/><c:axId val="\#(catAxis)"/><c:axId val="\#(valAxis)"/></c:barChart>"#
        // Categories read top to bottom (reversed axis); the value axis crosses at the last one, i.e. below.
        s += #"<c:catAx><c:axId val="\#(catAxis)"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>"#
        s += #"<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>"#
        s += #"<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="\#(valAxis)"/><c:crosses val="autoZero"/>"#
        s += #"<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>"#
        s += #"<c:valAx><c:axId val="\#(valAxis)"/><c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling>"#
        s += #"<c:delete val="0"/><c:axPos val="b"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"#
        s += #"<c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>"#
        s += #"<c:tickLblPos val="nextTo"/><c:crossAx val="\#(catAxis)"/><c:crosses val="max"/><c:crossBetween val="between"/>"#
        s += #"<c:majorUnit val="0.25"/></c:valAx></c:plotArea>"#
        s += #"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>"#
        s += #"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="ru-RU"/></a:p></c:txPr>"#
        return s + "</c:chartSpace>"
    }
}
