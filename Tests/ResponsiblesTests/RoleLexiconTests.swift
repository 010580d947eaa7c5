import Foundation
import JSON
import XCTest
@testable import Responsibles

final class RoleLexiconTests: XCTestCase {
    /// Written plurals of the roles of `roles.txt` (nominative plural, as cells write them).
    let plurals: [String: String] = [
        "директор": "директора", "заместитель директора": "заместители директора",
        "советник директора": "советники директора", "куратор": "кураторы", "координатор": "координаторы",
        "наставник": "наставники", "наставляемый": "наставляемые", "педагог": "педагоги",
        "педагог-психолог": "педагоги-психологи", "педагог-организатор": "педагоги-организаторы",
        "педагог-наставник": "педагоги-наставники", "социальный педагог": "социальные педагоги",
        "учитель": "учителя", "учитель-предметник": "учителя-предметники", "учитель-логопед": "учителя-логопеды",
        "учитель-дефектолог": "учителя-дефектологи", "классный руководитель": "классные руководители",
        "администратор сайта": "администраторы сайта", "ответственный": "ответственные",
        "председатель педсовета": "председатели педсовета", "руководитель": "руководители", "начальник": "начальники",
        "методист": "методисты", "старший методист": "старшие методисты", "старший вожатый": "старшие вожатые",
        "тьютор": "тьюторы", "воспитатель": "воспитатели", "педагог-библиотекарь": "педагоги-библиотекари",
        "заведующий": "заведующие",
    ]

    var roleKeys: [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/vectors/roles.txt")
        let listed = (try? String(contentsOf: url, encoding: .utf8))?
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return listed ?? Array(plurals.keys).sorted()
    }

    func testEveryRoleAlone() {
        for key in roleKeys {
            XCTAssertEqual(entries(key), ["role:\(key)"], key)
            XCTAssertEqual(entries(key.prefix(1).uppercased() + key.dropFirst()), ["role:\(key)"], key)
        }
    }

    func testEveryRoleInPlural() {
        for key in roleKeys {
            guard let plural = plurals[key] else { XCTFail("no plural written for \(key)"); continue }
            XCTAssertEqual(entries(plural), ["role:\(key)"], plural)
        }
    }

    func testEveryRoleWithComplement() {
        for key in roleKeys {
            XCTAssertEqual(entries("\(key) по воспитательной работе"), ["role:\(key) по воспитательной работе"], key)
            XCTAssertEqual(entries("\(key) школы"), ["role:\(key)"], key)
            XCTAssertEqual(entries("\(key) МБОУ СОШ №1"), ["role:\(key)"], key)
        }
    }

    func testCaseForms() {
        XCTAssertEqual(entries("заместителя директора по ВР"), ["role:заместитель директора по ВР"])
        XCTAssertEqual(entries("Начальнику методического отдела"), ["role:начальник методического отдела"])
        XCTAssertEqual(entries("классным руководителям 1-4 классов"), ["role:классный руководитель 1-4 классов"])
        XCTAssertEqual(entries("с педагогом-психологом"), ["unknown:с педагогом-психологом"])
        XCTAssertEqual(entries("социальному педагогу"), ["role:социальный педагог"])
    }

    func testAbbreviatedSpellings() {   // R4
        XCTAssertEqual(entries("зам. директора по УВР"), ["role:заместитель директора по УВР"])
        XCTAssertEqual(entries("зам.директора по ВР"), ["role:заместитель директора по ВР"])
        XCTAssertEqual(entries("кл. руководители"), ["role:классный руководитель"])
        XCTAssertEqual(entries("соц. педагог"), ["role:социальный педагог"])
        XCTAssertEqual(entries("ст. вожатый"), ["role:старший вожатый"])
    }

    func testHyphenDamage() {   // R5
        for text in ["педагог- психолог", "педагог -психолог", "педагог - психолог", "педагогпсихолог", "педагог психолог",
                     "педагог-\nпсихолог"] {
            XCTAssertEqual(entries(text), ["role:педагог-психолог"], text)
        }
        XCTAssertEqual(entries("педагоги организаторы"), ["role:педагог-организатор"])
    }

    func testOrganisationWordsDroppedOtherComplementsKept() {   // R3
        XCTAssertEqual(entries("Директор ОО"), ["role:директор"])
        XCTAssertEqual(entries("Заместители директора образовательной организации"), ["role:заместитель директора"])
        XCTAssertEqual(entries("руководитель ШМО"), ["role:руководитель ШМО"])
        XCTAssertEqual(entries("Ответственный за работу официального сайта организации"),
                       ["role:ответственный за работу официального сайта организации"])
    }

    func testMethodistFileExtendsTheLexicon() throws {
        let extra = RoleLexicon.File(roles: [.init(key: "инженер-программист", synonyms: ["программист"])], forms: nil,
                                     abbreviations: nil, organisationWords: nil, organisationTypes: nil, quantifiers: nil)
        let bundled = try XCTUnwrap(DataFiles.bundled("roles.json", as: RoleLexicon.File.self))
        let lexicon = RoleLexicon(files: [extra, bundled], declension: .shared)
        let tokens = Tokenizer("инженеры-программисты").tokens
        XCTAssertEqual(lexicon.match(tokens, at: 0)?.key, "инженер-программист")
        XCTAssertEqual(lexicon.match(Tokenizer("программисту").tokens, at: 0)?.key, "инженер-программист")
        XCTAssertEqual(lexicon.match(Tokenizer("кураторы").tokens, at: 0)?.key, "куратор")
        XCTAssertNil(RoleLexicon.shared.match(tokens, at: 0))
    }

    func testDataDirectoryOverride() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kartograf-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"roles": [{"key": "инженер-программист"}]}"#.utf8).write(to: folder.appendingPathComponent("roles.json"))
        setenv(DataFiles.overrideVariable, folder.path, 1)
        defer { unsetenv(DataFiles.overrideVariable) }
        let file = try XCTUnwrap(DataFiles.override("roles.json", as: RoleLexicon.File.self))
        XCTAssertEqual(file.roles?.map(\.key), ["инженер-программист"])
        XCTAssertNil(DataFiles.override("bodies.json", as: BodyLexicon.File.self))
    }

    func testSchoolStaffBeyondTeachers() {
        XCTAssertEqual(entries("медсестра"), ["role:медицинская сестра"])
        XCTAssertEqual(entries("завхоз, главный бухгалтер"), ["role:заведующий хозяйством", "role:главный бухгалтер"])
        XCTAssertEqual(entries("Волонтёры, социальные партнёры"), ["role:волонтер", "role:социальный партнер"])
        XCTAssertEqual(entries("системный администратор школы"), ["role:системный администратор"])
    }
}
