import XCTest
@testable import Organisations

final class DisplayNameTests: XCTestCase {
    let lexicon = NameLexicon.shared

    func testGenitiveNamesAreShownInTheNominativeAndWhole() {
        XCTAssertEqual(lexicon.displayName("МБОУ Ээрбекской СОШ им. О. К. Оолака (2023-2025гг.)"), "МБОУ Ээрбекская СОШ им. О. К. Оолака")
        XCTAssertEqual(lexicon.displayName("муниципального бюджетного общеобразовательного учреждения «Средней общеобразовательной школы № 5» на 2024–2025 учебный год"),
                       "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»")
        XCTAssertEqual(lexicon.displayName("МАОУ «Лицея № 2»"), "МАОУ «Лицей № 2»")
        XCTAssertEqual(lexicon.displayName("МБОУ «Гимназии № 3» за IV квартал 2024 г."), "МБОУ «Гимназия № 3»")
        XCTAssertEqual(lexicon.displayName("МУНИЦИПАЛЬНОГО БЮДЖЕТНОГО ОБЩЕОБРАЗОВАТЕЛЬНОГО УЧРЕЖДЕНИЯ «СРЕДНЕЙ ШКОЛЫ № 7»"),
                       "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ «СРЕДНЯЯ ШКОЛА № 7»")
        XCTAssertEqual(lexicon.displayName("муниципальном бюджетном учреждении дополнительного образования «Центре детского творчества»"),
                       "Муниципальное бюджетное учреждение дополнительного образования «Центр детского творчества»")
        XCTAssertEqual(lexicon.displayName("МБДОУ «Детского сада № 12 «Солнышко»"), "МБДОУ «Детский сад № 12 «Солнышко»»")
        XCTAssertEqual(lexicon.displayName("МБОУ Русского лицея"), "МБОУ Русский лицей", "«-ий» after к")
        XCTAssertEqual(lexicon.displayName("МАОУ Нового лицея"), "МАОУ Новый лицей")
    }

    /// A stressed «-ой» cannot be told from the spelling: the lexicon's `stressedAdjectives` say which.
    func testStressedAdjectivesOfTheLexiconTakeTheirOwnMasculine() {
        XCTAssertEqual(lexicon.displayName("МБОУ Городского лицея"), "МБОУ Городской лицей")
        XCTAssertEqual(lexicon.displayName("ГБОУ Областного центра образования"), "ГБОУ Областной центр образования")
        XCTAssertEqual(lexicon.displayName("КГБОУ краевому кадетскому корпусу"), "КГБОУ краевой кадетский корпус")
        XCTAssertEqual(lexicon.displayName("МБОУ Городской гимназии"), "МБОУ Городская гимназия", "the feminine is regular")
        XCTAssertEqual(lexicon.displayName("МБОУ Московского лицея"), "МБОУ Московский лицей", "not in the list: «-ий»")
        XCTAssertEqual(lexicon.displayName("МБОУ Слободского лицея"), "МБОУ Слободский лицей", "not in the list: «-ий»")
        var json = NameLexicon.load()
        if case var .object(fields) = json {
            fields.removeAll { $0.0 == "stressedAdjectives" }
            json = .object(fields + [("stressedAdjectives", .array([.string("Слободской")]))])
        }
        XCTAssertEqual(NameLexicon(json: json).displayName("МБОУ Слободского лицея"), "МБОУ Слободской лицей",
                       "the list is data a methodist may change")
    }

    func testAnOrganisationFoundInATitleIsShownInTheNominative() {
        func shown(_ title: String) -> String? { lexicon.find(in: title).map(lexicon.displayName) }
        XCTAssertEqual(shown("Дорожная карта по реализации целевой модели наставничества Муниципального бюджетного общеобразовательного учреждения «Средняя общеобразовательная школа № 1» на 2024–2025 учебный год"),
                       "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»")
        XCTAssertEqual(shown("Отчёт о реализации дорожной карты в МАОУ «Лицее № 3» за IV квартал 2024 г."), "МАОУ «Лицей № 3»")
        XCTAssertEqual(shown("Дорожная карта МБДОУ детский сад № 6 на 2024-2025 учебный год"), "МБДОУ детский сад № 6")
        XCTAssertEqual(shown("Дорожная карта по реализации системы наставничества МБОУ Ээрбекской СОШ им. О. К. Оолака (2023-2025гг.)"),
                       "МБОУ Ээрбекская СОШ им. О. К. Оолака")
        XCTAssertEqual(shown("Отчёт гимназии имени А. С. Пушкина за 2024 год"), "Гимназия имени А. С. Пушкина", "a capital first")
    }

    func testWordsAfterTheNumberOrImeniStayAsWritten() {
        XCTAssertEqual(lexicon.displayName("МБОУ СОШ № 5 г. Пролетарска"), "МБОУ СОШ № 5 г. Пролетарска")
        XCTAssertEqual(lexicon.nominative("гимназии имени Героя Советского Союза А. С. Петрова"),
                       "гимназия имени Героя Советского Союза А. С. Петрова")
        XCTAssertEqual(lexicon.displayName("МБОУ Каменской СОШ ст. Каменской"), "МБОУ Каменская СОШ ст. Каменской",
                       "an adjective with no head after it is not touched")
    }

    func testAHeadIsNeverReadAsAnAdjective() {
        // «лицей» ends like an adjective («-ей»); before «СОШ» it stays a noun.
        XCTAssertEqual(lexicon.nominative("Лицей СОШ № 1"), "Лицей СОШ № 1")
        let long = Array(repeating: "лицей", count: 2_000).joined(separator: " ")
        XCTAssertEqual(lexicon.nominative(long), long)
    }

    func testNominativeNamesAreLeftAsTheyAre() {
        for name in ["МБОУ Ээрбекская СОШ им. О. К. Оолака", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 4»",
                     "МБОУ СОШ № 5", "МАОУ Городской лицей", "МБУ ДО «Центр детского творчества»", "Лицей № 1 г. Пролетарска",
                     "МБОУ «Школа-интернат среднего общего образования»", "ГБОУ «Основная общеобразовательная школа»"] {
            XCTAssertEqual(lexicon.displayName(name), name)
        }
    }

    func testTheSameOrganisationReadsAlikeInBothForms() {
        for name in ["МБОУ Ээрбекской СОШ им. О. К. Оолака", "муниципального бюджетного общеобразовательного учреждения «Средней общеобразовательной школы № 5»"] {
            XCTAssertEqual(lexicon.key(lexicon.displayName(name)), lexicon.key(name))
        }
    }

    func testAbbreviatedNames() {
        XCTAssertEqual(lexicon.abbreviated("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»"),
                       "МБОУ «СОШ № 5»")
        XCTAssertEqual(lexicon.abbreviated("муниципальное бюджетное учреждение дополнительного образования «Центр детского творчества» на 2024 год"),
                       "МБУ ДО «ЦДТ»")
        XCTAssertEqual(lexicon.abbreviated("МБОУ СОШ № 5"), "МБОУ СОШ № 5")
        XCTAssertEqual(lexicon.abbreviated("Лицей № 1 г. Пролетарска"), "Лицей № 1 г. Пролетарска", "one-word forms stay")
    }

    func testLabelsLeaveOutTheImeniPartOfALongNameWithANumber() {
        let long = "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа с углублённым "
            + "изучением отдельных предметов № 1 имени Героя Советского Союза И. И. Иванова»"
        XCTAssertEqual(lexicon.label(long), "МБОУ «СОШ УИОП № 1»")
        XCTAssertEqual(lexicon.label("Муниципальное автономное общеобразовательное учреждение «Гимназия имени Александра Сергеевича Пушкина»"),
                       "МАОУ «Гимназия имени Александра Сергеевича Пушкина»", "no number: the name is all it has")
        XCTAssertEqual(lexicon.label("МБОУ СОШ № 3 им. А. С. Пушкина"), "МБОУ СОШ № 3 им. А. С. Пушкина", "short enough")
    }

    func testLearnedIdentityIsNamedInTheNominative() {
        var index = OrganisationIndex()
        XCTAssertEqual(index.resolve("МБОУ Ээрбекской СОШ им. О. К. Оолака (2023-2025гг.)"), .learned(0))
        XCTAssertEqual(index.resolve("МБОУ Ээрбекская СОШ им. О.К. Оолака"), .known(0))
        XCTAssertEqual(index.identities[0].name, "МБОУ Ээрбекская СОШ им. О. К. Оолака")
        XCTAssertEqual(index.name(of: .notInRoster("МАОУ «Лицея № 9» за 2024 год")), "МАОУ «Лицей № 9»")
    }
}
