import Foundation

/// Builds small but genuine Word files for the tests: a title, an organisation
/// line and a roadmap table, stored in a ZIP without compression.
enum TestDocx {
    static func roadmap(organization: String, version: Int = 1, rows: Int = 5) -> [UInt8] {
        var body = paragraph("Дорожная карта по реализации целевой модели наставничества в \(organization) на 2023–2025 годы",
                             bold: true)
        body += paragraph("Версия \(version)")
        var table = "<w:tbl>" + row(["№", "Мероприятие", "Сроки", "Ответственные", "Результат"])
        for i in 1...rows {
            table += row(["\(i)", "Мероприятие \(i) (версия \(version))", "до 01.0\(1 + i % 9).2024",
                          "Заместитель директора по УВР", "Отчёт"])
        }
        table += "</w:tbl>"
        return zip(documentXML: body + table)
    }

    static func paragraph(_ text: String, bold: Bool = false) -> String {
        "<w:p><w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func row(_ cells: [String]) -> String {
        "<w:tr>" + cells.map { "<w:tc>" + paragraph($0) + "</w:tc>" }.joined() + "</w:tr>"
    }

    static func zip(documentXML body: String) -> [UInt8] {
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
            """
        let contentTypes = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """
        let rels = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """
        return storedZip([("[Content_Types].xml", contentTypes), ("_rels/.rels", rels), ("word/document.xml", document)])
    }

    static func storedZip(_ entries: [(String, String)]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: UInt32, _ a: inout [UInt8]) { for s in [0, 8, 16, 24] { a.append(UInt8(v >> UInt32(s) & 0xFF)) } }
        for (name, text) in entries {
            let data = Array(text.utf8), nameBytes = Array(name.utf8), crc = crc32(data), offset = out.count
            le32(0x0403_4B50, &out); le16(20, &out); le16(0x0800, &out); le16(0, &out); le16(0, &out); le16(0, &out)
            le32(crc, &out); le32(UInt32(data.count), &out); le32(UInt32(data.count), &out)
            le16(nameBytes.count, &out); le16(0, &out); out += nameBytes; out += data
            le32(0x0201_4B50, &central); le16(20, &central); le16(20, &central); le16(0x0800, &central)
            le16(0, &central); le16(0, &central); le16(0, &central); le32(crc, &central)
            le32(UInt32(data.count), &central); le32(UInt32(data.count), &central); le16(nameBytes.count, &central)
            le16(0, &central); le16(0, &central); le16(0, &central); le16(0, &central); le32(0, &central)
            le32(UInt32(offset), &central); central += nameBytes
        }
        let centralOffset = out.count
        out += central
        le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out); le16(entries.count, &out); le16(entries.count, &out)
        le32(UInt32(central.count), &out); le32(UInt32(centralOffset), &out); le16(0, &out)
        return out
    }

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in data { crc = crcTable[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }
}
