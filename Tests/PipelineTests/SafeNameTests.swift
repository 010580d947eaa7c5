import Foundation
import JSON
import Model
import Pipeline
import Text
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

extension SafeNameTests {
    func testDecomposedLettersAreComposedAndReservedNamesPrefixed() {
        // «й» as «и» + combining breve takes the composing path and ends like the composed letter.
        XCTAssertEqual(SafeName.make("Школа \u{0438}\u{0306}ошкар-олы"), "Школа йошкар-олы")
        XCTAssertEqual(SafeName.make("Cafe\u{0301} № 1"), "Caf\u{00E9} № 1")
        XCTAssertEqual(SafeName.make("Com1"), "_Com1")
        XCTAssertEqual(SafeName.make("nul.txt.bak"), "_nul.txt.bak")
        XCTAssertEqual(SafeName.make("console"), "console")
        XCTAssertEqual(SafeName.make("\u{00A0}МБОУ\u{00A0}\u{00A0}СОШ\u{00AD}№ 2…"), "МБОУ СОШ№ 2…")
    }
}

final class PathTextTests: XCTestCase {
    func testPathArithmeticOfTheNamesThePipelineBuilds() {
        XCTAssertEqual(PathText.lastComponent("out/Организации/Школа/карта.json"), "карта.json")
        XCTAssertEqual(PathText.lastComponent("карта.docx"), "карта.docx")
        XCTAssertEqual(PathText.lastComponent("inbox/"), "inbox")
        XCTAssertEqual(PathText.lastComponent("/"), "/")
        XCTAssertEqual(PathText.parent("out/Организации/Школа/карта.json"), "out/Организации/Школа")
        XCTAssertEqual(PathText.parent("карта.json"), "")
        XCTAssertEqual(PathText.parent("/карта.json"), "/")
        XCTAssertEqual(PathText.parent("a/b/"), "a")
        XCTAssertEqual(PathText.pathExtension("a.b/карта.DOCX"), "DOCX")
        XCTAssertEqual(PathText.pathExtension("a.b/карта"), "")
        XCTAssertEqual(PathText.pathExtension(".hidden"), "")
        XCTAssertEqual(PathText.pathExtension("карта."), "")
        XCTAssertEqual(PathText.deletingExtension("отчёт.tar.gz"), "отчёт.tar")
        XCTAssertEqual(PathText.deletingExtension("a/b.docx"), "a/b")
        XCTAssertEqual(PathText.deletingExtension("карта."), "карта")
        XCTAssertEqual(PathText.deletingExtension(".hidden"), ".hidden")
        XCTAssertEqual(PathText.deletingExtension(".."), "..")
        XCTAssertEqual(PathText.appending("out", "x.tmp"), "out/x.tmp")
        XCTAssertEqual(PathText.appending("out/", "x.tmp"), "out/x.tmp")
        XCTAssertEqual(PathText.appending("", "x.tmp"), "x.tmp")
    }

    func testAgreesWithFoundationOnLongerPaths() {
        // Foundation's own versions (slow on Linux) are the reference; they trap on one-character strings here.
        for path in ["inbox/дорожная карта 0001.docx", "/tmp/out/Организации/МБОУ СОШ № 5/карта (2).protocol.docx",
                     "word/document.xml", "a.b/c", "x/.y", "a/b.", "rel/path/", "..x", "a/...", "имя без расширения"] {
            let ns = path as NSString
            XCTAssertEqual(PathText.lastComponent(path), ns.lastPathComponent, path)
            XCTAssertEqual(PathText.parent(path), ns.deletingLastPathComponent, path)
            XCTAssertEqual(PathText.pathExtension(path), ns.pathExtension, path)
            XCTAssertEqual(PathText.deletingExtension(path), ns.deletingPathExtension, path)
            XCTAssertEqual(PathText.appending(path, "z.tmp"), ns.appendingPathComponent("z.tmp"), path)
        }
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
