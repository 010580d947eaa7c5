import Foundation
@testable import JSON
import XCTest
@testable import Model

final class JSONWriterTests: XCTestCase {
    /// Every document kind and optional field of the export, empty and filled.
    private var richExport: Export {
        let day = Day(year: 2024, month: 2, day: 29)!
        let item = Item(number: "1.1", activity: "Встреча \"пар\"\nнаставников\u{2028}",
                        deadline: Deadline(text: "до 29.02.2024", kinds: [.date, .event],
                                           occurrences: [Occurrence(start: nil, due: day), Occurrence(start: day, due: day)]),
                        responsibles: [Responsible(text: "УО", kind: .body, key: "уо", expansion: "Управление образования"),
                                       Responsible(text: "кто-то")],
                        result: nil, outcome: "")
        return Export(file: "карта\\1.docx", sha256: String(repeating: "ab", count: 32), documents: [
            Document(kind: .roadmap, title: "Дорожная карта", organization: nil,
                     period: Period(from: day, to: day), sections: [Section(number: "I", title: nil, items: [item, Item()]), Section()]),
            Document(kind: .indicators, indicators: [Indicator(number: "1", name: "Доля", targets: [("2024", "50 %"), ("2025", nil)]),
                                                     Indicator()]),
            Document(kind: .order, date: day, number: "12", points: [OrderPoint(number: nil, text: "Утвердить")]),
            Document(kind: .program, sections: [Section(items: [item])]),
        ], diagnostics: [
            Diagnostic(.deadlineMissing, field: .deadline, text: nil, message: "Нет срока", document: 0, section: 3, item: "1.1"),
            Diagnostic(.fileUnreadable, message: "\u{1}"),
        ])
    }

    func testStreamedBytesEqualTheWrittenTreeInEveryIndent() throws {
        let export = richExport
        for indent in [0, 2, 3] {
            let writer = JSONWriter(indent: indent)
            XCTAssertEqual(try writer.bytes(export), writer.bytes(export.json), "indent \(indent)")
        }
        XCTAssertEqual(try JSONWriter().string(Export(file: "", sha256: "")), """
        {
          "format": "roadmap-export/1",
          "source": {"file": "", "sha256": ""},
          "documents": [],
          "diagnostics": []
        }
        """)
    }

    func testWrittenInPiecesIsTheSameText() throws {
        // Large enough to be handed on in several pieces, with joined lines across piece ends.
        var export = richExport
        let items = export.documents[0].sections[0].items
        export.documents[0].sections[0].items = Array(repeating: items, count: 2_000).flatMap { $0 }
        for indent in [0, 2] {
            let writer = JSONWriter(indent: indent)
            var pieces: [[UInt8]] = []
            try writer.write(export) { pieces.append(Array($0)) }
            XCTAssertGreaterThan(pieces.count, 3, "indent \(indent)")
            XCTAssertTrue(pieces.dropLast().allSatisfy { $0.count >= JSONText.pieceSize / 2 }, "indent \(indent)")
            XCTAssertEqual(pieces.flatMap { $0 }, try writer.bytes(export), "indent \(indent)")
        }
    }

    func testDecodingTheTreeGivesBackTheValues() throws {
        let json = richExport.json
        let documents = try XCTUnwrap(json["documents"]?.arrayValue)
        let item = try XCTUnwrap(documents[0]["sections"]?.arrayValue?.first?["items"]?.arrayValue?.first)
        XCTAssertEqual(try item.decode(Item.self), richExport.documents[0].sections[0].items[0])
        XCTAssertEqual(try json["diagnostics"]?.arrayValue?.first?.decode(Diagnostic.self), richExport.diagnostics[0])
        XCTAssertThrowsError(try JSONValue.object([("code", .string("no.such-code"))]).decode(Diagnostic.self))
    }

    func testTreeKeepsTheExportShape() throws {
        let json = richExport.json
        XCTAssertEqual(json.objectValue?.map(\.0), ["format", "source", "documents", "diagnostics"])
        let documents = try XCTUnwrap(json["documents"]?.arrayValue)
        XCTAssertEqual(documents.map { $0.objectValue?.map(\.0) ?? [] }, [
            ["kind", "title", "organization", "period", "sections"],
            ["kind", "title", "organization", "period", "indicators"],
            ["kind", "title", "organization", "period", "date", "number", "points"],
            ["kind", "title", "organization", "period"],
        ])
        let targets = documents[1]["indicators"]?.arrayValue?.first?["targets"]
        XCTAssertEqual(targets, .object([("2024", .string("50 %")), ("2025", .null)]))
        let responsibles = documents[0]["sections"]?.arrayValue?.first?["items"]?.arrayValue?.first?["responsibles"]?.arrayValue
        XCTAssertEqual(responsibles?.map { $0.objectValue?.count }, [4, 3])
        XCTAssertEqual(json["diagnostics"]?.arrayValue?.first?["section"], .number(3))
    }

    func testBytesKeepTheWriterFormat() {
        let value = JSONValue.object([("a", .array([])), ("b", .object([])), ("c", .array([.number(1.5), .number(-2), .bool(false)])),
                                      ("d", .object([("e", .null)]))])
        XCTAssertEqual(JSONWriter().string(value), """
        {
          "a": [],
          "b": {},
          "c": [1.5, -2, false],
          "d": {"e": null}
        }
        """)
        XCTAssertEqual(JSONWriter(indent: 0).string(value), #"{"a":[],"b":{},"c":[1.5,-2,false],"d":{"e":null}}"#)
        XCTAssertEqual(JSONWriter(indent: 0).string(.number(.infinity)), "null")
        // Indents deeper than one literal piece of spaces.
        var deep = JSONValue.array([.array([]), .null])
        for _ in 0..<40 { deep = .array([deep]) }
        let text = JSONWriter(indent: 3).string(deep)
        XCTAssertTrue(text.contains("\n" + String(repeating: " ", count: 123) + "null\n"))
        XCTAssertEqual(try JSONParser.parse(text), deep)
    }

    func testPlainArraysAndObjectsThatFitGoOnOneLine() throws {
        let value = JSONValue.object([
            ("period", .object([("from", .string("2023-01-01")), ("to", .string("2025-12-31"))])),
            ("kinds", .array([.string("recurring")])),
            // Commas, brackets and escaped line breaks inside strings are text, not layout.
            ("text", .array([.string("a, b"), .string("[c]\n{d}"), .string("«ё», ")])),
            ("nested", .array([.object([("x", .number(1))]), .array([])])),
            ("long", .array([.string(String(repeating: "ш", count: 50)), .string(String(repeating: "щ", count: 40))])),
        ])
        let text = JSONWriter().string(value)
        XCTAssertEqual(text, """
        {
          "period": {"from": "2023-01-01", "to": "2025-12-31"},
          "kinds": ["recurring"],
          "text": ["a, b", "[c]\\n{d}", "«ё», "],
          "nested": [
            {"x": 1},
            []
          ],
          "long": [
            "\(String(repeating: "ш", count: 50))",
            "\(String(repeating: "щ", count: 40))"
          ]
        }
        """)
        XCTAssertEqual(try JSONParser.parse(text), value)
        // Keys that are not plain ASCII take the general escape.
        XCTAssertEqual(JSONWriter(indent: 0).string(.object([("год \"x\"\\", .null), ("\u{1}", .null), ("plain", .null)])),
                       #"{"год \"x\"\\":null,"\u0001":null,"plain":null}"#)
        // The widest joined line is lineWidth characters (Cyrillic letters count one each).
        for width in [JSONWriter.lineWidth, JSONWriter.lineWidth + 1] {
            let line = JSONValue.array([.string(String(repeating: "ж", count: width - 4))])  // [ " … " ]
            let written = JSONWriter().string(line)
            XCTAssertEqual(!written.contains("\n"), width <= JSONWriter.lineWidth, written)
        }
    }

    /// Escaping matches a scalar-by-scalar reference wherever the special character falls.
    func testEscapeMatchesAScalarReferenceAtEveryPosition() {
        func reference(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
                }
            }
            return out + "\""
        }
        let specials = ["\"", "\\", "\n", "\r", "\t", "\u{1F}", "\u{0}", "\u{2028}", "\u{2029}", "\u{2026}", "–", "ё"]
        for length in 0...20 {
            for special in specials {
                for position in 0...length {
                    var s = String(repeating: "a", count: length)
                    s.insert(contentsOf: special, at: s.index(s.startIndex, offsetBy: position))
                    var out: [UInt8] = []
                    JSONWriter.escape(s, into: &out)
                    XCTAssertEqual(String(decoding: out, as: UTF8.self), reference(s), "\(length) \(position) \(special.unicodeScalars.first!.value)")
                }
            }
        }
        let long = String(repeating: "Директор «школы» \"№ 1\"\n", count: 500)
        var bytes: [UInt8] = [0x78]
        JSONWriter.escape(long, into: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "x" + reference(long))
    }
}
