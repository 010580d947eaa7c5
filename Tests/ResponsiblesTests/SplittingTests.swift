import Model
import Responsibles
import XCTest

final class SplittingTests: XCTestCase {
    func testSeparatorsBetweenCompleteEntries() {
        XCTAssertEqual(entries("директор; заместитель директора\nкураторы"),
                       ["role:директор", "role:заместитель директора", "role:куратор"])
        XCTAssertEqual(entries("Наумова Н.П.\n\nНекрасова С.В."), ["person:Наумова Н. П.", "person:Некрасова С. В."])
    }

    func testSpacesInsideOneName() {
        XCTAssertEqual(texts("Заместитель   директора\tпо   УВР"), ["Заместитель директора по УВР"])
        XCTAssertEqual(entries("Ответственный за \tвнедрение"), ["role:ответственный за внедрение"])
    }

    func testContinuationCommaJoins() {
        XCTAssertEqual(entries("начальник отдела развития образования, мониторинга и защиты прав детей, методист"),
                       ["role:начальник отдела развития образования, мониторинга и защиты прав детей", "role:методист"])
    }

    func testLineWrapInsideRole() {
        XCTAssertEqual(entries("Заместитель директора\nпо воспитательной работе"),
                       ["role:заместитель директора по воспитательной работе"])
    }

    func testWrappedBodyName() {   // R2
        XCTAssertEqual(entries("Администрация\nМБОУ СОШ №5"), ["body:Администрация МБОУ СОШ №5"])
        XCTAssertEqual(entries("Директор\nМБОУ СОШ №5, УО"), ["role:директор", "body:УО"])
    }

    func testAndJoinsCompleteEntriesOnly() {
        XCTAssertEqual(entries("учитель и классный руководитель"), ["role:учитель", "role:классный руководитель"])
        XCTAssertEqual(entries("Отдел образования и науки"), ["body:Отдел образования и науки"])
        XCTAssertEqual(entries("учителя математики и физики"), ["role:учитель математики и физики"])
    }

    func testFlattenedTable() {   // R1
        XCTAssertEqual(entries("Старший методист Педагог-организатор Методический совет"),
                       ["role:старший методист", "role:педагог-организатор", "body:Методический совет"])
        XCTAssertEqual(entries("ШМО ДО"), ["body:ШМО", "body:ДО"])
        XCTAssertEqual(entries("МБОУ СОШ №2"), ["body:МБОУ СОШ №2"])
    }

    func testPersonNextToRole() {   // R6
        XCTAssertEqual(entries("учитель информатики Сидоров П.П."), ["role:учитель информатики", "person:Сидоров П. П."])
        XCTAssertEqual(entries("Куратор: Смирнова Ольга Петровна"), ["role:куратор", "person:Смирнова О. П."])
        XCTAssertEqual(entries("Сидоров П.П. - методист"), ["person:Сидоров П. П.", "role:методист"])
        XCTAssertEqual(texts("Сидоров П.П. - методист"), ["Сидоров П.П.", "методист"])
    }

    func testRemarkInBrackets() {   // R10
        let glossary = Glossary([("УО", "Управление образования")])
        let result = ResponsiblesParser().parse("УО (по согласованию), ОО", glossary: glossary).value
        XCTAssertEqual(result.map(\.text), ["УО (по согласованию)", "ОО"])
        XCTAssertEqual(result.first?.key, "УО")
        XCTAssertEqual(result.first?.expansion, "Управление образования")
    }

    func testEmptyAndDashOnlyCells() {   // R11
        for text in [nil, "", "  \n ", "—", "-", " – "] as [String?] {
            let result = ResponsiblesParser().parse(text)
            XCTAssertEqual(result.value, [], String(describing: text))
            XCTAssertEqual(result.diagnostics.map(\.code), [.responsibleMissing], String(describing: text))
            XCTAssertEqual(result.diagnostics.first?.field, .responsibles)
            XCTAssertNil(result.diagnostics.first?.item)
        }
    }

    func testUnknownEntryIsKeptAndReported() {
        let result = ResponsiblesParser().parse("Алимова, директор")
        XCTAssertEqual(result.value.map(\.kind), [.unknown, .role])
        XCTAssertEqual(result.diagnostics.map(\.code), [.responsibleUnknown])
        XCTAssertEqual(result.diagnostics.first?.text, "Алимова")
        XCTAssertTrue(result.diagnostics.first?.message.contains("«Алимова»") == true)
    }

    func testGlossaryRole() {   // R7
        let glossary = Glossary([("ЗДУВР", "заместитель директора по учебно-воспитательной работе")])
        let result = ResponsiblesParser().parse("ЗДУВР", glossary: glossary).value
        XCTAssertEqual(result.first?.kind, .role)
        XCTAssertEqual(result.first?.key, "заместитель директора по учебно-воспитательной работе")
        XCTAssertEqual(result.first?.expansion, "заместитель директора по учебно-воспитательной работе")
    }

    func testWrappedLines() {
        XCTAssertEqual(entries("Классные\nруководители"), ["role:классный руководитель"])
        XCTAssertEqual(entries("Методическое объединение\nучителей начальных классов"),
                       ["body:Методическое объединение учителей начальных классов"])
        XCTAssertEqual(entries("Директор\nзаместители директора"), ["role:директор", "role:заместитель директора"])
    }

    func testListInsideACell() {
        XCTAssertEqual(entries("1. Директор\n2. Заместитель директора"), ["role:директор", "role:заместитель директора"])
        XCTAssertEqual(entries("• Куратор\n• Наставники"), ["role:куратор", "role:наставник"])
    }

    func testAbbreviationListContinuesAComplement() {
        XCTAssertEqual(entries("Заместитель директора по УВР, ВР, куратор"),
                       ["role:заместитель директора по УВР, ВР", "role:куратор"])
    }

    func testPlaceInComplementIsKept() {
        XCTAssertEqual(entries("Ответственный за организацию наставничества в ОО"),
                       ["role:ответственный за организацию наставничества в ОО"])
        XCTAssertEqual(entries("Все педагоги"), ["role:педагог"])
    }

    func testConnectorsBelongToNoEntry() {
        XCTAssertEqual(entries("Иванова И.И. и Петрова П.П."), ["person:Иванова И. И.", "person:Петрова П. П."])
        XCTAssertEqual(entries("директор, а также заместители"), ["role:директор", "role:заместитель"])
    }

    func testCapitalsThatNameNoBody() {
        XCTAssertEqual(entries("ФИО"), ["unknown:ФИО"])
        XCTAssertEqual(entries("ШМО"), ["body:ШМО"])
    }
}
