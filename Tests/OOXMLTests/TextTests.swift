import Model
import XCTest
@testable import OOXML

/// Text as Word shows it: runs, tabs, breaks, fields, tracked changes, hidden text.
final class TextTests: XCTestCase {
    func testRunsAreJoinedAndTabsBreaksAndHyphensBecomeText() throws {
        let tree = try readBody("""
            <w:p><w:r><w:t>Дир</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>ектор</w:t></w:r><w:bookmarkStart w:id="0" w:name="x"/><w:r><w:tab/><w:t>школы</w:t><w:br/><w:t>зам</w:t><w:softHyphen/><w:t>ести</w:t><w:noBreakHyphen/><w:t>тель</w:t><w:cr/><w:t xml:space="preserve">a\u{00A0}b</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>
            """)
        XCTAssertEqual(tree.paragraphs.first?.text, "Директор\tшколы\nзамести-тель\na\u{00A0}b")
    }

    func testFieldsShowTheirResultNeverTheInstruction() throws {
        let tree = try readBody("""
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="DATE"><w:r><w:t> 01.09.2023</w:t></w:r></w:fldSimple></w:p>
            """)
        XCTAssertEqual(tree.paragraphs.first?.text, "7 01.09.2023")
    }

    func testTrackedChangesAreAcceptedAndHiddenTextDropped() throws {
        let tree = try readBody("""
            <w:p><w:r><w:t>до </w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>мая</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>июня</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>старое</w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t> 2024</w:t></w:r></w:moveTo><w:r><w:rPr><w:vanish/></w:rPr><w:t>скрыто</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t> г.</w:t></w:r></w:p>
            """)
        XCTAssertEqual(tree.paragraphs.first?.text, "до июня 2024 г.")
    }

    func testHyperlinksAndContentControlsAreUnwrapped() throws {
        let tree = try readBody("""
            <w:sdt><w:sdtPr><w:alias w:val="Поле"/></w:sdtPr><w:sdtContent><w:p><w:hyperlink r:id="rId9"><w:r><w:t>сайт</w:t></w:r></w:hyperlink><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t> школы</w:t></w:r></w:sdtContent></w:sdt></w:p></w:sdtContent></w:sdt>
            """)
        XCTAssertEqual(tree.paragraphs.first?.text, "сайт школы")
    }

    func testFootersStayApartFromTheBody() throws {
        let tree = try readBody(W.p("Тело"), footer: W.p("Страница 1"))
        XCTAssertEqual(tree.paragraphs.map(\.text), ["Тело"])
        XCTAssertEqual(tree.footers.count, 1)
        if case let .paragraph(p)? = tree.footers.first?.first { XCTAssertEqual(p.text, "Страница 1") } else { XCTFail() }
    }

    func testPageAndSectionBreaksAreMarkers() throws {
        let tree = try readBody(W.p("A") + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" + "<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>B</w:t></w:r></w:p>")
        let kinds = tree.body.map { b -> String in
            switch b {
            case .paragraph: return "p"
            case .table: return "t"
            case .pageBreak: return "page"
            case .sectionBreak: return "section"
            }
        }
        XCTAssertEqual(kinds, ["p", "page", "p", "p", "section"])
    }

    func testHeadingLevelsComeFromStylesAndOutlineLevels() throws {
        let styles = """
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
            <w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="Мой стиль"/><w:basedOn w:val="1"/></w:style>
            """
        let tree = try readBody(W.p("Заголовок", props: "<w:pStyle w:val=\"Custom\"/>") + W.p("Второй", props: "<w:outlineLvl w:val=\"1\"/>") + W.p("Текст"),
                                styles: styles)
        XCTAssertEqual(tree.paragraphs.map(\.headingLevel), [1, 2, nil])
    }
}
