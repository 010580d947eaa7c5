import Foundation
import Model
import OOXML
import TestSupport
import Text
import XCTest

/// `TextNormalizer` against the byte-by-byte normaliser it was first written as: the fast
/// paths (normal texts returned as they are, normal starts copied) must not change a result.
final class NormalizerReferenceTests: XCTestCase {
    /// Every paragraph and cell text of the corpus files, raw and normalised (none when `../shared` is missing).
    static let corpusTexts: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Shared.path("corpus/dev"))) ?? []
        var texts: [String] = []
        func collect(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case let .paragraph(p): texts.append(p.displayText)
                case let .table(t): for row in t.rows { for cell in row.cells { texts.append(cell.text); collect(cell.blocks) } }
                default: break
                }
            }
        }
        for file in files.sorted() where file.hasSuffix(".docx") {
            guard let tree = try? DocxReader().read(path: Shared.path("corpus/dev/" + file)) else { continue }
            collect(tree.body)
        }
        return texts + texts.compactMap(TextNormalizer.normalize) + texts.compactMap(TextNormalizer.singleLine)
    }()

    func testTheCorpusIsRead() throws {
        _ = try Shared.require("corpus/dev")
        XCTAssertGreaterThan(Self.corpusTexts.count, 100)
    }

    func testTheNormaliserAgreesWithItsReference() {
        let crafted = ["", " ", "a", " a", "a ", "a  b", "a\nb", "a \n b", "a\n\nb", "\n a \n", "a\tb", "a\u{A0}b", "a\u{AD}b",
                       "a\u{200B}b", "a\u{2028}b", "\u{FEFF}a", "x\u{301}y", "Строка  с\u{00A0}пробелами ", "line\r\nnext",
                       "• пункт\n\n  1. второй\t", "a\u{85}b", "a\u{7F}b", "\u{1}\u{2}", "a\u{3000}b\u{205F}c"]
        for s in crafted + Self.corpusTexts {
            XCTAssertEqual(TextNormalizer.normalize(s), Self.reference(s, separator: "\n"), s)
            XCTAssertEqual(TextNormalizer.singleLine(s), Self.reference(s, separator: " "), s)
        }
    }

    /// By scalars: spaces fold, line breaks separate lines, invisible characters go.
    static func reference(_ text: String, separator: String) -> String? {
        var out = ""
        var lineHasContent = false, anyContent = false, pendingSpace = false, pendingBreak = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isSpace = v == 0x09 || v == 0x20 || v == 0xA0 || v == 0x1680 || (0x2000...0x200A).contains(v) || v == 0x202F
                || v == 0x205F || v == 0x3000
            let isBreak = (0x0A...0x0D).contains(v) || v == 0x85 || v == 0x2028 || v == 0x2029
            let isDropped = v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0xAD || (0x200B...0x200D).contains(v)
                || v == 0x2060 || v == 0xFEFF
            if isSpace {
                if lineHasContent { pendingSpace = true }
            } else if isBreak {
                if lineHasContent { pendingBreak = true }
                lineHasContent = false
                pendingSpace = false
            } else if !isDropped {
                if pendingBreak && anyContent { out += separator } else if pendingSpace { out += " " }
                pendingBreak = false
                pendingSpace = false
                out.unicodeScalars.append(scalar)
                lineHasContent = true
                anyContent = true
            }
        }
        return anyContent ? out : nil
    }
}
