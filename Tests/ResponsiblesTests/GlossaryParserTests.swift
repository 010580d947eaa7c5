import Foundation
import Model
import TestSupport
import XCTest
@testable import Responsibles

final class GlossaryParserTests: XCTestCase {
    /// The scalar trimming and the byte search against the Foundation calls they replace.
    func testTrimmingAndSearchAgreeWithFoundation() {
        let texts = ["", " ", "\t УО \u{00A0}", "\u{2003}РЦО – центр\u{3000}", "a\u{0301} ", " \u{0301}b", "\n x \n", "ОО"]
        for t in texts {
            XCTAssertEqual(GlossaryParser.trimmedOfSpaces(Substring(t)), t.trimmingCharacters(in: .whitespaces), t)
        }
        let needles = ["(далее", "(Далее"]
        XCTAssertTrue(GlossaryParser.holds("центр (далее – РЦО)", anyOf: needles))
        XCTAssertTrue(GlossaryParser.holds("(Далее", anyOf: needles))
        XCTAssertFalse(GlossaryParser.holds("(ДАЛЕЕ – РЦО)", anyOf: needles))
        XCTAssertFalse(GlossaryParser.holds("(дале", anyOf: needles))
    }

    func testBlockOfLines() {
        // The form of seed 003: a heading, then one definition a paragraph, dashes of both kinds.
        let text = """
        Дорожная карта реализации муниципальной программы
        Принятые сокращения:

        УО - Управление образования Администрации ЗАТО Северск;

        РЦО – муниципальное автономное учреждение ЗАТО Северск «Ресурсный центр образования»;

        ОО – общеобразовательные организации;

        ДО – организации дополнительного образования;

        № п/п\tМероприятие\tРезультат\tСрок реализации\tОтветственные
        1\tРазработка программы\tПриказ\tИюль 2021 г.\tУО, РЦО
        """
        let glossary = GlossaryParser.parse(text)
        XCTAssertEqual(glossary.entries.map(\.abbreviation), ["УО", "РЦО", "ОО", "ДО"])
        XCTAssertEqual(glossary.expansion(of: "УО"), "Управление образования Администрации ЗАТО Северск")
        XCTAssertEqual(glossary.expansion(of: "РЦО"), "муниципальное автономное учреждение ЗАТО Северск «Ресурсный центр образования»")
        XCTAssertEqual(glossary.expansion(of: "ДО"), "организации дополнительного образования")
    }

    func testInlineBlock() {
        let glossary = GlossaryParser.parse("Принятые сокращения: УО - Управление образования; ШМО – школьное методическое объединение.")
        XCTAssertEqual(glossary.expansion(of: "УО"), "Управление образования")
        XCTAssertEqual(glossary.expansion(of: "ШМО"), "школьное методическое объединение")
    }

    func testFurtherReferences() {
        let text = """
        Пункт 18.3.2 Федерального государственного образовательного стандарта (далее - ФГОС) основного общего образования, \
        включающей описание основной образовательной программы (далее - ООП) основного общего образования.
        Внедрение методологии (целевой модели) наставничества на 2022 – 2024 годы (далее - целевая модель наставничества, ЦМН)
        Работников образовательных организаций (далее - педагоги) и МАУ «Ресурсный центр образования» (далее – РЦО).
        """
        let glossary = GlossaryParser.parse(text)
        XCTAssertEqual(glossary.expansion(of: "ФГОС"), "Федерального государственного образовательного стандарта")
        XCTAssertEqual(glossary.expansion(of: "ООП"), "основной образовательной программы")
        XCTAssertEqual(glossary.expansion(of: "ЦМН"), "целевая модель наставничества")
        XCTAssertEqual(glossary.expansion(of: "РЦО"), "Ресурсный центр образования")
        XCTAssertNil(glossary.expansion(of: "педагоги"))
    }

    func testTableRowsAndProseAreNoDefinitions() {
        let glossary = GlossaryParser.parse("""
        3\tНазначение ответственного лица\tПриказ\tАвгуст 2021 г., далее – ежегодно\tУО, РЦО ОО, ДО
        - с 2023 г. и далее - совершенствование нормативных документов.
        Директор - Иванов И.И.
        """)
        XCTAssertTrue(glossary.entries.isEmpty, "\(glossary.entries)")
    }

    func testSeedDocument() throws {
        let seeds = try Shared.require("seeds")
        let name = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: seeds).first { $0.hasPrefix("003_") })
        let text = try String(contentsOfFile: seeds + "/" + name, encoding: .utf8)
        let glossary = GlossaryParser.parse(text)
        for abbreviation in ["УО", "РЦО", "ОО", "ДО", "ФГОС", "ООП"] {
            XCTAssertNotNil(glossary.expansion(of: abbreviation), abbreviation)
        }
    }
}
