import XCTest
@testable import Responsibles

/// Surname, first-name and patronymic forms across the six cases, masculine and feminine.
final class DeclensionTests: XCTestCase {
    let declension = Declension.shared

    /// (form, gender, case, nominative)
    let surnames: [(String, Gender, GrammaticalCase, String)] = [
        ("Иванов", .masculine, .nominative, "Иванов"),
        ("Иванова", .masculine, .genitive, "Иванов"),
        ("Иванову", .masculine, .dative, "Иванов"),
        ("Иванова", .masculine, .accusative, "Иванов"),
        ("Ивановым", .masculine, .instrumental, "Иванов"),
        ("Иванове", .masculine, .prepositional, "Иванов"),
        ("Иванова", .feminine, .nominative, "Иванова"),
        ("Ивановой", .feminine, .genitive, "Иванова"),
        ("Ивановой", .feminine, .dative, "Иванова"),
        ("Иванову", .feminine, .accusative, "Иванова"),
        ("Ивановой", .feminine, .instrumental, "Иванова"),
        ("Ивановой", .feminine, .prepositional, "Иванова"),
        ("Ковалёва", .masculine, .genitive, "Ковалёв"),
        ("Ковалёву", .feminine, .accusative, "Ковалёва"),
        ("Ковалёвой", .feminine, .instrumental, "Ковалёва"),
        ("Лебедевым", .masculine, .instrumental, "Лебедев"),
        ("Лебедевой", .feminine, .genitive, "Лебедева"),
        ("Пушкину", .masculine, .dative, "Пушкин"),
        ("Пушкиным", .masculine, .instrumental, "Пушкин"),
        ("Гаранину", .feminine, .accusative, "Гаранина"),
        ("Гараниной", .feminine, .dative, "Гаранина"),
        ("Сорокине", .masculine, .prepositional, "Сорокин"),
        ("Ильиным", .masculine, .instrumental, "Ильин"),
        ("Птицыну", .masculine, .dative, "Птицын"),
        ("Птицыной", .feminine, .genitive, "Птицына"),
        ("Луговского", .masculine, .genitive, "Луговский"),
        ("Луговскому", .masculine, .dative, "Луговский"),
        ("Луговским", .masculine, .instrumental, "Луговский"),
        ("Луговском", .masculine, .prepositional, "Луговский"),
        ("Луговскую", .feminine, .accusative, "Луговская"),
        ("Луговской", .feminine, .dative, "Луговская"),
        ("Троцкого", .masculine, .accusative, "Троцкий"),
        ("Троцкой", .feminine, .instrumental, "Троцкая"),
        ("Толстого", .masculine, .genitive, "Толстой"),
        ("Толстым", .masculine, .instrumental, "Толстой"),
        ("Толстую", .feminine, .accusative, "Толстая"),
        ("Ковальчука", .masculine, .genitive, "Ковальчук"),
        ("Ковальчуку", .masculine, .dative, "Ковальчук"),
        ("Ковальчуком", .masculine, .instrumental, "Ковальчук"),
        ("Ковальчуке", .masculine, .prepositional, "Ковальчук"),
        ("Ковальчук", .feminine, .dative, "Ковальчук"),
        ("Гоголю", .masculine, .dative, "Гоголь"),
        ("Гоголем", .masculine, .instrumental, "Гоголь"),
        ("Гайдаю", .masculine, .dative, "Гайдай"),
        ("Шевченко", .masculine, .dative, "Шевченко"),
        ("Шевченко", .feminine, .genitive, "Шевченко"),
        ("Черных", .feminine, .instrumental, "Черных"),
        ("Седых", .masculine, .genitive, "Седых"),
        ("Живаго", .masculine, .dative, "Живаго"),
        ("Глинку", .feminine, .accusative, "Глинка"),
        ("Глинкой", .masculine, .instrumental, "Глинка"),
    ]

    func testSurnamesWithGenderAndCaseKnown() {
        for (form, gender, grammaticalCase, nominative) in surnames {
            XCTAssertEqual(declension.nominativeSurname(form, gender: gender, cases: [grammaticalCase]), nominative,
                           "\(form) \(gender) \(grammaticalCase)")
        }
    }

    /// With initials only: nominative first, then the feminine accusative (R8), then the other readings.
    func testSurnamesWithNothingKnown() {
        let cases: [(String, String)] = [
            ("Алимова", "Алимова"), ("Хлебенков", "Хлебенков"), ("Ковалёву", "Ковалёва"), ("Смирнову", "Смирнова"),
            ("Петровой", "Петрова"), ("Гаранину", "Гаранина"), ("Ковальчуку", "Ковальчук"), ("Ивановым", "Иванов"),
            ("Толстой", "Толстой"), ("Шевченко", "Шевченко"), ("Луговскую", "Луговская"), ("Некрасова", "Некрасова"),
        ]
        for (form, nominative) in cases {
            XCTAssertEqual(declension.nominativeSurname(form), nominative, form)
        }
    }

    func testFirstNames() {
        let cases: [(String, Gender?, GrammaticalCase, String)] = [
            ("Сергею", .masculine, .dative, "Сергей"),
            ("Сергея", .masculine, .genitive, "Сергей"),
            ("Сергеем", .masculine, .instrumental, "Сергей"),
            ("Ивану", .masculine, .dative, "Иван"),
            ("Иваном", .masculine, .instrumental, "Иван"),
            ("Иване", .masculine, .prepositional, "Иван"),
            ("Юрию", .masculine, .dative, "Юрий"),
            ("Юрием", .masculine, .instrumental, "Юрий"),
            ("Игоря", .masculine, .accusative, "Игорь"),
            ("Ларисы", .feminine, .genitive, "Лариса"),
            ("Ларисе", .feminine, .dative, "Лариса"),
            ("Ларису", .feminine, .accusative, "Лариса"),
            ("Ларисой", .feminine, .instrumental, "Лариса"),
            ("Ольге", .feminine, .prepositional, "Ольга"),
            ("Ольги", .feminine, .genitive, "Ольга"),
            ("Марию", .feminine, .accusative, "Мария"),
            ("Марией", .feminine, .instrumental, "Мария"),
            ("Наталью", .feminine, .accusative, "Наталья"),
            ("Натальей", .feminine, .instrumental, "Наталья"),
            ("Любовью", .feminine, .instrumental, "Любовь"),
        ]
        for (form, gender, grammaticalCase, nominative) in cases {
            XCTAssertEqual(declension.nominativeFirstName(form, gender: gender, cases: [grammaticalCase]), nominative, form)
        }
        XCTAssertEqual(declension.firstNameGender("Лариса"), .feminine)
        XCTAssertEqual(declension.firstNameGender("Никита"), .masculine)
        XCTAssertEqual(declension.firstNameGender("Сергей"), .masculine)
    }

    func testPatronymics() {
        let cases: [(String, Gender, GrammaticalCase)] = [
            ("Петрович", .masculine, .nominative), ("Петровича", .masculine, .genitive),
            ("Петровичу", .masculine, .dative), ("Петровича", .masculine, .accusative),
            ("Петровичем", .masculine, .instrumental), ("Петровиче", .masculine, .prepositional),
            ("Сергеевичу", .masculine, .dative), ("Ильич", .masculine, .nominative), ("Кузьмичом", .masculine, .instrumental),
            ("Юрьевна", .feminine, .nominative), ("Юрьевны", .feminine, .genitive), ("Юрьевне", .feminine, .dative),
            ("Юрьевну", .feminine, .accusative), ("Юрьевной", .feminine, .instrumental), ("Юрьевне", .feminine, .prepositional),
            ("Никитичну", .feminine, .accusative), ("Владимировной", .feminine, .instrumental),
        ]
        for (form, gender, grammaticalCase) in cases {
            let reading = declension.patronymic(form)
            XCTAssertEqual(reading?.gender, gender, form)
            XCTAssertTrue(reading?.cases.contains(grammaticalCase) == true, form)
        }
        XCTAssertNil(declension.patronymic("Иванов"))
        XCTAssertNil(declension.patronymic("Лариса"))
    }

    func testRoleWordForms() {
        let (teacher, teacherNominative) = declension.forms(of: "учитель")
        XCTAssertTrue(teacher.isSuperset(of: ["учителя", "учителю", "учителем", "учителе", "учителей", "учителям"]))
        XCTAssertTrue(teacherNominative.contains("учители") || teacherNominative.contains("учитель"))
        let (classy, classyNominative) = declension.forms(of: "классный")
        XCTAssertTrue(classy.isSuperset(of: ["классного", "классному", "классным", "классные", "классных"]))
        XCTAssertTrue(classyNominative.contains("классные"))
        XCTAssertFalse(classyNominative.contains("классного"))
        let (pupil, _) = declension.forms(of: "обучающийся")
        XCTAssertTrue(pupil.isSuperset(of: ["обучающиеся", "обучающихся", "обучающимся"]))
    }
}
