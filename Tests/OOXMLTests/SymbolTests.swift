import Model
import XCTest
@testable import OOXML

/// Symbols from symbol fonts, checkboxes and emoji come out as the Unicode characters Word shows.
final class SymbolTests: XCTestCase {
    private func text(_ runs: String) throws -> String {
        try XCTUnwrap(readBody("<w:p>\(runs)</w:p>").paragraphs.first).text
    }

    private func sym(_ font: String, _ char: String) -> String {
        "<w:r><w:sym w:font=\"\(font)\" w:char=\"\(char)\"/></w:r>"
    }

    func testSymbolFontCharactersAreMappedToUnicode() throws {
        XCTAssertEqual(try text(sym("Wingdings", "F0FC")), "✓")
        XCTAssertEqual(try text(sym("Wingdings", "00FC")), "✓", "the Latin-1 code of the same glyph")
        XCTAssertEqual(try text(sym("WINGDINGS", "F0FB")), "🗶")
        XCTAssertEqual(try text(sym("Symbol", "F0B7")), "•")
        XCTAssertEqual(try text(sym("Symbol", "F0B3") + sym("Symbol", "F0A3")), "≥≤")
        XCTAssertEqual(try text(sym("Symbol", "F061") + sym("Symbol", "F0D7")), "α⋅")
        XCTAssertEqual(try text(sym("Wingdings 2", "F050")), "🗸")
        XCTAssertEqual(try text(sym("Webdings", "F061")), "✔")
        XCTAssertEqual(try text(sym("Wingdings", "F0A7")), "▪")
    }

    func testOtherFontsKeepTheCharacterTheCodeNames() throws {
        XCTAssertEqual(try text(sym("Times New Roman", "2014")), "—")
        XCTAssertEqual(try text(sym("Arial", "F0E9")), "é")
        XCTAssertEqual(try text("<w:r><w:t>до</w:t><w:sym w:font=\"Symbol\" w:char=\"F020\"/><w:t>мая</w:t></w:r>"), "до мая")
        XCTAssertEqual(try text(sym("Wingdings", "F080")), "🄋", "codes past 0x7F are glyphs too")
    }

    func testEveryDingbatCodeIsMappedToOneOtherCharacter() {
        for font in ["Wingdings", "Wingdings 2", "Webdings"] {
            for code in UInt32(0x21)...0xFF {
                if let c = SymbolFonts.character(font: font, code: 0xF000 + code) {
                    XCTAssertEqual(c.unicodeScalars.count, 1, "\(font) \(String(code, radix: 16))")
                    XCTAssertNotEqual(c, String(Unicode.Scalar(code)!), "\(font) \(String(code, radix: 16)) is not mapped")
                }
            }
        }
    }

    func testContentControlCheckboxesShowTheirState() throws {
        let w14 = #"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml""#
        func box(_ checked: String?) -> String {
            let state = checked.map { "<w14:checked w14:val=\"\($0)\"/>" } ?? ""
            return "<w:sdt><w:sdtPr><w:id w:val=\"1\"/><w14:checkbox \(w14)>\(state)<w14:checkedState w14:val=\"2612\" w14:font=\"MS Gothic\"/><w14:uncheckedState w14:val=\"2610\" w14:font=\"MS Gothic\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii=\"MS Gothic\"/></w:rPr><w:t>\u{00FE}</w:t></w:r></w:sdtContent></w:sdt>"
        }
        XCTAssertEqual(try text(box("1") + "<w:r><w:t xml:space=\"preserve\"> выполнено</w:t></w:r>"), "☒ выполнено")
        XCTAssertEqual(try text(box("0") + "<w:r><w:t xml:space=\"preserve\"> нет</w:t></w:r>"), "☐ нет")
        XCTAssertEqual(try text(box(nil)), "☐")
        XCTAssertEqual(try text(box("true") + box("false")), "☒☐")
        // A content control without a checkbox keeps its content.
        XCTAssertEqual(try text("<w:sdt><w:sdtPr><w:alias w:val=\"Дата\"/></w:sdtPr><w:sdtContent><w:r><w:t>01.09.2024</w:t></w:r></w:sdtContent></w:sdt>"),
                       "01.09.2024")
    }

    func testLegacyFormCheckboxesShowTheirState() throws {
        func field(_ checkBox: String) -> String {
            "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"Флажок1\"/><w:enabled/><w:calcOnExit w:val=\"0\"/><w:checkBox><w:sizeAuto/>\(checkBox)</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space=\"preserve\"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        XCTAssertEqual(try text(field("<w:default w:val=\"0\"/>")), "☐")
        XCTAssertEqual(try text(field("<w:default w:val=\"1\"/>")), "☒")
        XCTAssertEqual(try text(field("<w:default w:val=\"0\"/><w:checked/>")), "☒")
        XCTAssertEqual(try text(field("<w:default w:val=\"1\"/><w:checked w:val=\"0\"/>")), "☐")
        XCTAssertEqual(try text(field("<w:default w:val=\"0\"/>") + "<w:r><w:t xml:space=\"preserve\"> да</w:t></w:r>"), "☐ да")
        // Another field with form data (a text input) shows its result as before.
        XCTAssertEqual(try text("<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>Иванов</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"),
                       "Иванов")
    }

    func testEmojiInAlternateContentAreKeptOnce() throws {
        let mc = #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#
        let w16se = #"xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex""#
        func emoji(_ hex: String, _ fallback: String) -> String {
            "<w:r><mc:AlternateContent \(mc)><mc:Choice Requires=\"w16se\"><w16se:symEx \(w16se) w16se:font=\"Segoe UI Emoji\" w16se:char=\"\(hex)\"/></mc:Choice><mc:Fallback><w:t>\(fallback)</w:t></mc:Fallback></mc:AlternateContent></w:r>"
        }
        XCTAssertEqual(try text("<w:r><w:t xml:space=\"preserve\">Готово </w:t></w:r>" + emoji("1F44D", "👍")), "Готово 👍")
        XCTAssertEqual(try text(emoji("2705", "✅") + emoji("1F4C5", "📅")), "✅📅")
        // Only a fallback: its text.
        XCTAssertEqual(try text("<w:r><mc:AlternateContent \(mc)><mc:Fallback><w:t>😊</w:t></mc:Fallback></mc:AlternateContent></w:r>"), "😊")
    }
}
