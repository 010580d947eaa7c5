import Model
import XCTest
@testable import Reports

/// Dates in Russian text, a cell's text as it flows, the department's settings.
final class DocumentTextTests: XCTestCase {
    func testDatesInRussianText() {
        XCTAssertEqual(Day(year: 2025, month: 1, day: 10)!.russianText, "10 января 2025 г.")
        XCTAssertEqual(Day(year: 2024, month: 5, day: 1)!.russianText, "1 мая 2024 г.")
        XCTAssertEqual(Period(from: Day(year: 2024, month: 9, day: 1)!, to: Day(year: 2025, month: 8, day: 31)!).russianText,
                       "с 1 сентября 2024 г. по 31 августа 2025 г.")
    }

    func testWrappedLinesFlowAndListLinesStay() {
        XCTAssertEqual(FlowingText.join("Проведение мониторинга\nреализации программы\n наставничества"),
                       "Проведение мониторинга реализации программы наставничества")
        XCTAssertEqual(FlowingText.join("Организация:\n- встреч наставников;\n- семинаров"),
                       "Организация:\n- встреч наставников;\n- семинаров")
        XCTAssertEqual(FlowingText.join("1. Приказ\n2. Положение"), "1. Приказ\n2. Положение")
        XCTAssertEqual(FlowingText.join("анкетирование;\nсобеседование"), "анкетирование;\nсобеседование")
        XCTAssertEqual(FlowingText.join("Отчёт готов.\nПриказ издан."), "Отчёт готов.\nПриказ издан.")
        XCTAssertEqual(FlowingText.join("учебно-\nвоспитательной работе"), "учебно-воспитательной работе")
        XCTAssertEqual(FlowingText.join("До 01.12.2022\r\nгода"), "До 01.12.2022 года")
        XCTAssertEqual(FlowingText.join("абзац один\n\n\nабзац два"), "абзац один\n\nабзац два")
        XCTAssertEqual(FlowingText.join("без переносов"), "без переносов")
        // A dash continues a wrapped phrase unless a list stands before it.
        XCTAssertEqual(FlowingText.join("доля – 2022г. –\n35%; 2023г.\n– 50%"), "доля – 2022г. – 35%; 2023г. – 50%")
        XCTAssertEqual(FlowingText.join("- встречи\n- семинары"), "- встречи\n- семинары")
        XCTAssertEqual(FlowingText.join("Показатели:\n• доля молодых\nпедагогов\n• доля обучающихся"),
                       "Показатели:\n• доля молодых педагогов\n• доля обучающихся")
    }

    func testSettingsNameTheSignersOrLeaveLines() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(DepartmentSettings.load(folders: [dir.path]).value, DepartmentSettings())
        let lines = DepartmentSettings.signature(DepartmentSettings.Signer())
        XCTAssertTrue(lines["post"]?.stringValue?.hasPrefix("____") == true)
        XCTAssertTrue(lines["date"]?.stringValue?.contains("20____ г.") == true)

        let file = dir.appendingPathComponent(DepartmentSettings.fileName)
        try Data(#"{"орган": "Управление образования", "руководитель": {"должность": "Начальник", "фио": "И. И. Иванов"}}"#.utf8)
            .write(to: file)
        let settings = DepartmentSettings.load(folders: ["/nonexistent", dir.path])
        XCTAssertEqual(settings.value.department, "Управление образования")
        XCTAssertEqual(settings.value.head, DepartmentSettings.Signer(post: "Начальник", name: "И. И. Иванов"))
        XCTAssertEqual(settings.value.checker, DepartmentSettings.Signer())
        XCTAssertEqual(DepartmentSettings.signature(settings.value.head)["name"]?.stringValue, "И. И. Иванов")

        try Data("{не JSON".utf8).write(to: file)
        let broken = DepartmentSettings.load(folders: [dir.path])
        XCTAssertEqual(broken.value, DepartmentSettings())
        XCTAssertEqual(broken.diagnostics.count, 1)
        XCTAssertTrue(broken.diagnostics[0].message.contains(DepartmentSettings.fileName))
    }
}
