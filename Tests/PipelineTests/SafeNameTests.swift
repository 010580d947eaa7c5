import Model
import Pipeline
import XCTest

final class SafeNameTests: XCTestCase {
    func testSeparatorsAndDotsCannotLeaveTheFolder() {
        XCTAssertEqual(SafeName.make("../../etc/passwd"), "_.._etc_passwd")
        XCTAssertEqual(SafeName.make(".."), "Без названия")
        XCTAssertEqual(SafeName.make("  .скрытый "), "скрытый")
        XCTAssertFalse(SafeName.make("a\\b/c").contains("/"))
    }

    func testControlFormatAndBidiCharactersAreRemoved() {
        XCTAssertEqual(SafeName.make("карта\u{202E}xcod"), "картаxcod")
        XCTAssertEqual(SafeName.make("перевод\nстроки\tи\u{200B}пробел"), "перевод строки ипробел")
        XCTAssertEqual(SafeName.make("\u{0007}\u{202D}"), "Без названия")
    }

    func testRussianTitlesStayReadable() {
        XCTAssertEqual(SafeName.make("МБУ ДО «Центр внешкольной работы»"), "МБУ ДО «Центр внешкольной работы»")
        XCTAssertEqual(SafeName.make("Школа: \"№ 5\"?"), "Школа_ '№ 5'_")
    }

    func testLengthIsBoundedInBytesOnACharacterBoundary() {
        let long = SafeName.make(String(repeating: "Ж", count: 500))
        XCTAssertLessThanOrEqual(long.utf8.count, SafeName.maxBytes)
        XCTAssertEqual(long, String(repeating: "Ж", count: SafeName.maxBytes / 2))
        let file = SafeName.file(String(repeating: "щ", count: 300) + ".docx")
        XCTAssertTrue(file.hasSuffix(".docx"))
        XCTAssertLessThanOrEqual(file.utf8.count, SafeName.maxBytes)
    }

    func testFileNamesKeepTheirExtensionAndNumberBeforeIt() {
        XCTAssertEqual(SafeName.file("Карта.DOCX"), "Карта.docx")
        XCTAssertEqual(SafeName.file("con.docx"), "_con.docx")
        XCTAssertEqual(SafeName.numbered("Карта.docx", 2), "Карта (2).docx")
        XCTAssertEqual(SafeName.numbered("Карта.docx", 1), "Карта.docx")
        XCTAssertEqual(SafeName.stem(ofFile: "Отчёт 2023.docx"), "Отчёт 2023")
    }
}

final class InboxFilterTests: XCTestCase {
    func testLockTemporaryAndHiddenFilesAreNotInputs() {
        for name in ["~$карта.docx", "~WRL0001.tmp", ".~lock.карта.docx#", ".DS_Store", "карта.docx.part",
                     "загрузка.crdownload", "карта.docx~", "Thumbs.db"] {
            XCTAssertFalse(InboxFilter.isInput(name), name)
        }
        for name in ["карта.docx", "отчёт.doc", "приказ.rtf", "без расширения"] {
            XCTAssertTrue(InboxFilter.isInput(name), name)
        }
    }
}
