import Extraction
import Foundation
import JSON
import Model
import TestSupport
import Text
import XCTest

/// The Word files of `../shared/corpus/dev` against their gold exports: every document,
/// section, item number and field text the gold implies, and the required diagnostics.
final class CorpusTests: XCTestCase {
    func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: try Shared.require("corpus/dev"))
            .filter { $0.hasSuffix(".docx") }.sorted()
    }

    /// Gold texts are compared after the same normalisation.
    func norm(_ v: JSONValue?) -> String? { v?.stringValue.flatMap(TextNormalizer.normalize) }

    func testStructureMatchesTheGold() throws {
        for file in try files() {
            let gold = try Shared.json("corpus/dev/" + file.replacingOccurrences(of: ".docx", with: ".gold.json"))
            let export = Extractor().extract(path: Shared.path("corpus/dev/" + file))
            let got = export.json
            let goldDocs = gold["documents"]?.arrayValue ?? []
            let docs = got["documents"]?.arrayValue ?? []
            XCTAssertEqual(docs.map { $0["kind"] }, goldDocs.map { $0["kind"] }, file)
            for (d, gdoc) in goldDocs.enumerated() where d < docs.count {
                let doc = docs[d]
                if let t = gdoc["title"] { XCTAssertEqual(norm(doc["title"]).flatMap { TextNormalizer.singleLine($0) }, norm(t).flatMap { TextNormalizer.singleLine($0) }, "\(file) doc \(d) title") }
                if let p = gdoc["period"] { XCTAssertEqual(doc["period"], p, "\(file) doc \(d) period") }
                let gsections = gdoc["sections"]?.arrayValue ?? []
                let sections = doc["sections"]?.arrayValue ?? []
                XCTAssertEqual(sections.map { $0["number"] }, gsections.map { $0["number"] }, "\(file) doc \(d) section numbers")
                for (s, gs) in gsections.enumerated() where s < sections.count {
                    let gitems = gs["items"]?.arrayValue ?? []
                    let items = sections[s]["items"]?.arrayValue ?? []
                    XCTAssertEqual(items.map { $0["number"] }, gitems.map { $0["number"] }, "\(file) doc \(d) section \(s) numbers")
                    for (i, gi) in gitems.enumerated() where i < items.count {
                        let where_ = "\(file) doc \(d) section \(s) item \(i)"
                        let path = "documents/\(d)/sections/\(s)/items/\(i)/"
                        func accepted(_ field: String, _ value: JSONValue?) -> [String?] {
                            let others = gold["eval"]?["alternatives"]?[path + field]?.arrayValue ?? []
                            return [norm(value)] + others.map { norm($0) }
                        }
                        for (field, got, want) in [("activity", items[i]["activity"], gi["activity"]),
                                                   ("deadline/text", items[i]["deadline"]?["text"], gi["deadline"]?["text"]),
                                                   ("result", items[i]["result"], gi["result"]),
                                                   ("outcome", items[i]["outcome"], gi["outcome"])] {
                            XCTAssertTrue(accepted(field, want).contains(norm(got)), "\(where_) \(field): \(norm(got) ?? "nil")")
                        }
                    }
                }
                let gind = gdoc["indicators"]?.arrayValue ?? []
                let ind = doc["indicators"]?.arrayValue ?? []
                XCTAssertEqual(ind.map { $0["number"] }, gind.map { $0["number"] }, "\(file) indicators")
                XCTAssertEqual(ind.map { $0["targets"] }, gind.map { $0["targets"] }, "\(file) targets")
                if gdoc["kind"]?.stringValue == "order" {
                    XCTAssertEqual(doc["date"], gdoc["date"], "\(file) order date")
                    XCTAssertEqual(doc["number"], gdoc["number"], "\(file) order number")
                    XCTAssertEqual(doc["points"]?.arrayValue?.map { $0["number"] }, gdoc["points"]?.arrayValue?.map { $0["number"] })
                }
            }
        }
    }

    /// Structural diagnostics of the gold (those that need no deadline or responsibles parsing).
    func testStructuralDiagnosticsOfTheGoldAreRaised() throws {
        let structural: Set<String> = ["item.duplicate-number", "item.numbering-gap", "activity.missing", "result.missing",
                                       "document.template-unfilled", "document.period-missing", "order.placeholder-date"]
        for file in try files() {
            let gold = try Shared.json("corpus/dev/" + file.replacingOccurrences(of: ".docx", with: ".gold.json"))
            let export = Extractor().extract(path: Shared.path("corpus/dev/" + file))
            let got = Set(export.diagnostics.map { "\($0.code.rawValue) \($0.document.map(String.init) ?? "-") \($0.item ?? "-")" })
            for g in gold["diagnostics"]?.arrayValue ?? [] {
                guard let code = g["code"]?.stringValue, structural.contains(code) else { continue }
                let doc = g["document"]?.doubleValue.map { String(Int($0)) } ?? "-"
                let item = g["item"]?.stringValue ?? "-"
                if item == "*" {
                    XCTAssertTrue(got.contains { $0.hasPrefix("\(code) \(doc) ") }, "\(file): \(code) in document \(doc)")
                } else {
                    XCTAssertTrue(got.contains("\(code) \(doc) \(item)"), "\(file): \(code) \(doc) \(item); got \(got.sorted())")
                }
            }
        }
    }
}
