import Model
import XCTest
@testable import Recognition

/// An order's organisation is its issuer's heading, also when Word splits it into the legal form and the
/// name in quotes on two lines.
final class OrderIssuerTests: XCTestCase {
    func order(_ heading: [String]) throws -> Document {
        let body = heading.map { W.p($0, bold: true) }.joined() + W.p("ПРИКАЗ", bold: true)
            + W.p("от 30.08.2024 № 212-о") + W.p("Об утверждении плана мероприятий", bold: true)
            + W.p("ПРИКАЗЫВАЮ:") + W.p("1. Утвердить план мероприятий.")
        let docs = try recognize(body)
        return try XCTUnwrap(docs.first { $0.document.kind == .order }?.document)
    }

    func testAHeadingSplitIntoFormAndQuotedName() throws {
        XCTAssertEqual(try order(["Муниципальное бюджетное общеобразовательное учреждение", "«Средняя общеобразовательная школа № 17»"]).organization,
                       "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 17»")
        XCTAssertEqual(try order(["МУНИЦИПАЛЬНОЕ АВТОНОМНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ", "\"ЛИЦЕЙ № 4\""]).organization,
                       "МУНИЦИПАЛЬНОЕ АВТОНОМНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ \"ЛИЦЕЙ № 4\"")
    }

    /// A heading on one line stays as it is; a line above it that is a body of its own is not joined.
    func testAWholeHeadingIsNotJoined() throws {
        XCTAssertEqual(try order(["Управление образования администрации г. Шахты", "МБОУ «Гимназия № 5»"]).organization,
                       "МБОУ «Гимназия № 5»")
    }
}
