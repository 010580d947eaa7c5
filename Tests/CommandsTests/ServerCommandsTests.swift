import Commands
import XCTest

/// Which command lines `kartograf` hands over to `kartograf-server`.
final class ServerCommandsTests: XCTestCase {
    func needed(_ arguments: [String], registry: String? = nil) -> Bool {
        ServerCommands.needed(arguments: arguments, environment: registry.map { ["KARTOGRAF_REGISTRY": $0] } ?? [:])
    }

    func testTheDeskAndTheRegistryCommandsAreTheServers() {
        XCTAssertTrue(needed(["serve"]))
        XCTAssertTrue(needed(["serve", "--listen", "0.0.0.0:8080", "--password-file", "p.txt"]))
        XCTAssertTrue(needed(["serve", "--help"]))
        XCTAssertTrue(needed(["help", "serve"]))
        XCTAssertTrue(needed(["registry", "copy", "--from", "kartograf.sqlite", "--to", "postgres://u@h/d"]))
        XCTAssertTrue(needed(["registry", "--help"]))
    }

    func testARegistryOnAServerIsTheServers() {
        XCTAssertTrue(needed(["run", "--registry", "postgres://методист@сервер/реестр"]))
        XCTAssertTrue(needed(["status", "--registry=postgresql://u@h:5433/d?sslmode=require"]))
        XCTAssertTrue(needed(["report", "quarterly", "2025-Q1"], registry: "postgres://u@h/d"))
        XCTAssertTrue(needed(["extract", "карта.docx"], registry: "postgres://u@h/d"))
    }

    func testCommandsOverFilesStayWithKartograf() {
        XCTAssertFalse(needed([]))
        XCTAssertFalse(needed(["--help"]))
        XCTAssertFalse(needed(["--version"]))
        XCTAssertFalse(needed(["run"]))
        XCTAssertFalse(needed(["run", "Входящие", "--registry", "/var/kartograf/kartograf.sqlite"]))
        XCTAssertFalse(needed(["run"], registry: "/var/kartograf/kartograf.sqlite"))
        XCTAssertFalse(needed(["run"], registry: ""))
        XCTAssertFalse(needed(["extract", "serve"]), "a file named serve is a file")
        XCTAssertFalse(needed(["extract", "registry.docx"]))
        XCTAssertFalse(needed(["deadline", "до 1 сентября"]))
    }
}
