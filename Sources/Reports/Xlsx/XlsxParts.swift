/// The fixed parts of the workbook package and the names every part uses.
enum XlsxParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    static let relationshipsNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let drawingNS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
    static let drawingMainNS = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let chartNS = "http://schemas.openxmlformats.org/drawingml/2006/chart"

    static let rootRels = relationships([("officeDocument", "xl/workbook.xml")])

    /// A relationships part with one target per `(type, target)`, numbered `rId1`, `rId2`, ….
    static func relationships(_ targets: [(type: String, target: String)]) -> String {
        var s = declaration + #"<Relationships xmlns="\#(relationshipsNS)">"#
        for (i, t) in targets.enumerated() {
            s += #"<Relationship Id="rId\#(i + 1)" Type="\#(officeRelNS)/\#(t.type)" Target="\#(t.target)"/>"#
        }
        return s + "</Relationships>"
    }

    static let contentType = (
        workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
        worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
        drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
        chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    )
}
