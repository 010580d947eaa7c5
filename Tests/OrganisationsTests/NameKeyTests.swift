import XCTest
@testable import Organisations

final class NameKeyTests: XCTestCase {
    let lexicon = NameLexicon.shared

    func key(_ s: String) -> String { lexicon.key(s).description }

    func testFullAndShortFormsReadAlike() {
        let short = key("МБОУ СОШ № 5")
        XCTAssertEqual(short, "мбоу сош 5")
        XCTAssertEqual(key("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №5»"), short)
        XCTAssertEqual(key("МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ \"СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 5\""), short)
        XCTAssertEqual(key("МБОУ «СОШ №5»"), short)
        XCTAssertEqual(key("мбоу сош N5"), "мбоу сош n 5")
    }

    func testCaseEndingsReadAsNominative() {
        let short = key("МБОУ СОШ № 5")
        XCTAssertEqual(key("муниципального бюджетного общеобразовательного учреждения «Средней общеобразовательной школы № 5»"), short)
        XCTAssertEqual(key("муниципальном бюджетном общеобразовательном учреждении «Средней общеобразовательной школе № 5»"), short)
        XCTAssertEqual(key("муниципальному бюджетному общеобразовательному учреждению средней общеобразовательной школе № 5"), short)
        XCTAssertEqual(key("МБОУ «Средней школы № 5»"), short)
        XCTAssertEqual(key("МАОУ «Лицея № 2»"), key("МАОУ Лицей №2"))
        XCTAssertEqual(key("МБОУ «Гимназии № 3»"), key("МБОУ Гимназия № 3"))
        XCTAssertEqual(key("муниципального бюджетного дошкольного образовательного учреждения «Детского сада № 12»"),
                       key("МБДОУ д/с № 12"))
        XCTAssertEqual(key("муниципального бюджетного учреждения дополнительного образования «Центра детского творчества»"),
                       key("МБУ ДО ЦДТ"))
        XCTAssertEqual(key("МБУДО «ЦДТ»"), key("МБУ ДО ЦДТ"))
        XCTAssertEqual(key("МБУ ДО «Детско-юношеская спортивная школа»"), key("МБУ ДО ДЮСШ"))
    }

    func testTailsAreCut() {
        let short = key("МБОУ СОШ № 5")
        XCTAssertEqual(key("МБОУ СОШ № 5 на 2024–2025 учебный год"), short)
        XCTAssertEqual(key("МБОУ СОШ № 5 за IV квартал 2024 г."), short)
        XCTAssertEqual(key("МБОУ СОШ № 5 в 2023 году"), short)
        XCTAssertEqual(key("МБОУ СОШ № 5 2024"), short)
        XCTAssertEqual(key("МБОУ СОШ №5 2024г."), short)
        XCTAssertEqual(key("МБОУ СОШ № 5 III квартал"), short)
        XCTAssertEqual(key("МБОУ СОШ № 5 по реализации программы наставничества"), short)
        // Not a tail: a preposition inside the name.
        XCTAssertEqual(key("МБОУ СОШ с углублённым изучением отдельных предметов № 7"), key("МБОУ СОШ УИОП № 7"))
        XCTAssertEqual(key("МБОУ «Средняя общеобразовательная школа с углублённым изучением отдельных предметов № 7»"), key("МБОУ СОШ УИОП № 7"))
    }

    func testCleanedKeepsTheNameAsWritten() {
        XCTAssertEqual(lexicon.cleaned("МБОУ «СОШ № 5» на 2024-2025 учебный год"), "МБОУ «СОШ № 5»")
        XCTAssertEqual(lexicon.cleaned("МБОУ «Средняя школа № 5 за IV квартал 2024 г."), "МБОУ «Средняя школа № 5»")
        XCTAssertEqual(lexicon.cleaned("МБОУ СОШ № 5"), "МБОУ СОШ № 5")
    }

    func testAnInitialIsNotATailWord() {
        // «О.» is an initial here, not the preposition «о» that starts «о выполнении…».
        XCTAssertEqual(lexicon.cleaned("МБОУ Ээрбекской СОШ им. О. К. Оолака (2023-2025гг.)"), "МБОУ Ээрбекской СОШ им. О. К. Оолака")
        XCTAssertEqual(key("МБОУ Ээрбекская СОШ им. О. К. Оолака"), "мбоу ээрбекск сош им о к оолак")
        XCTAssertEqual(lexicon.cleaned("МБОУ СОШ № 5 о выполнении дорожной карты"), "МБОУ СОШ № 5")
        XCTAssertEqual(lexicon.cleaned("МБОУ СОШ № 5 О ВЫПОЛНЕНИИ ДОРОЖНОЙ КАРТЫ"), "МБОУ СОШ № 5")
        XCTAssertEqual(lexicon.cleaned("Гимназия им. В. В. Маяковского в 2024 году"), "Гимназия им. В. В. Маяковского")
    }

    func testFindInTitle() {
        XCTAssertEqual(lexicon.find(in: "Дорожная карта муниципального бюджетного общеобразовательного учреждения «Средняя школа № 5» на 2024 год"),
                       "муниципального бюджетного общеобразовательного учреждения «Средняя школа № 5»")
        XCTAssertEqual(lexicon.find(in: "ОТЧЁТ О ВЫПОЛНЕНИИ ДОРОЖНОЙ КАРТЫ МБОУ СОШ № 3 ЗА III КВАРТАЛ 2024 Г."), "МБОУ СОШ № 3")
        XCTAssertNil(lexicon.find(in: "Дорожная карта на 2024 год"))
        XCTAssertNil(lexicon.find(in: "Дорожная карта школы на 2024 год"), "«школа» alone tells no school from another")
        XCTAssertEqual(lexicon.find(in: "План МБУ ДО «Центр детского творчества» на 2024 год"), "МБУ ДО «Центр детского творчества»")
        XCTAssertEqual(lexicon.find(in: "СОШ1_отчет_3кв"), "СОШ1")
        XCTAssertEqual(lexicon.find(in: "Отчёт гимназии имени А. С. Пушкина за 2024 год"), "гимназии имени А. С. Пушкина")
        XCTAssertNil(lexicon.find(in: nil))
    }

    func testDifferentSchoolsDiffer() {
        XCTAssertNotEqual(key("МБОУ СОШ № 5"), key("МБОУ СОШ № 15"))
        XCTAssertNotEqual(key("МБОУ СОШ № 5"), key("МБОУ ООШ № 5"))
        XCTAssertNotEqual(key("МБОУ СОШ № 5"), key("МАОУ СОШ № 5"))
        XCTAssertNotEqual(key("МБОУ Лицей № 1"), key("МБОУ Гимназия № 1"))
    }

    func testStemming() {
        func stem(_ w: String) -> String { NameLexicon.stem(w, protected: lexicon.protected) }
        XCTAssertEqual(stem("школы"), stem("школа"))
        XCTAssertEqual(stem("лицея"), stem("лицей"))
        XCTAssertEqual(stem("учреждения"), stem("учреждение"))
        XCTAssertEqual(stem("учреждением"), stem("учреждение"))
        XCTAssertEqual(stem("мбоу"), "мбоу")
        XCTAssertEqual(stem("2024"), "2024")
    }
}

