import Foundation
import TestSupport
import XCTest

/// kartograf installed like a tool by `scripts/setup --install` (from the build the tests use), then run
/// from a folder outside the repository with nothing but defaults: the home is `~/kartograf`, data and
/// templates are found beside the installed program, and what is missing is a Russian error, not a skip.
final class InstalledToolTests: XCTestCase {
    var root = ""
    var prefix: String { root + "/prefix" }
    var user: String { root + "/user" }
    var elsewhere: String { root + "/elsewhere" }
    var home: String { user + "/kartograf" }
    var installed: String { prefix + "/bin/kartograf" }

    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    override func setUpWithError() throws {
        let executable = try XCTUnwrap(Harness.executable, "the kartograf executable is built")
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kartograf-installed-\(UUID().uuidString)").path
        for folder in [prefix, user, elsewhere] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let setup = try shell(Self.repository + "/scripts/setup", ["--install"], in: Self.repository, environment: [
            "KARTOGRAF_PREFIX": prefix,
            "KARTOGRAF_BUILD": URL(fileURLWithPath: executable).deletingLastPathComponent().path,
        ])
        XCTAssertEqual(setup.status, 0, setup.stderr)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    struct Output { var status: Int32; var stdout: String; var stderr: String }

    func shell(_ program: String, _ arguments: [String], in folder: String, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = user
        env.removeValue(forKey: "KARTOGRAF_HOME")
        env.removeValue(forKey: "KARTOGRAF_DATA_DIR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    func kartograf(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        try shell(installed, arguments, in: elsewhere, environment: environment)
    }

    func testRunAndQuarterlyReportWorkFromAnotherFolderWithTheirDefaults() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: prefix + "/lib/kartograf/templates/quarterly.docx"))
        let version = try kartograf(["--version"])
        XCTAssertTrue(version.stdout.hasPrefix("kartograf "), version.stdout + version.stderr)

        // The first run makes the home and its inbox and says where to put files.
        let empty = try kartograf(["run"])
        XCTAssertEqual(empty.status, 0, empty.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: home + "/Входящие"), empty.stderr)

        let corpus = try Shared.require("corpus/dev/seed_000.docx")
        try FileManager.default.copyItem(atPath: corpus, toPath: home + "/Входящие/seed_000.docx")
        let run = try kartograf(["run"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("Результаты — в папке «\(home)»"), run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: home + "/kartograf.sqlite"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: elsewhere + "/kartograf.sqlite"), "nothing lands in the current folder")

        let report = try kartograf(["report", "quarterly", "2023-Q2"])
        XCTAssertEqual(report.status, 0, report.stderr)
        let quarter = home + "/Квартальные отчёты/2023-Q2"
        let files = try FileManager.default.contentsOfDirectory(atPath: quarter)
        XCTAssertTrue(files.contains("summary.xlsx"), "\(files)")
        XCTAssertTrue(files.contains { $0.hasSuffix(".docx") && $0 != "summary.docx" }, "a submission from the installed template: \(files)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere), [])
    }

    func testMissingTemplatesAndDataAreRussianErrors() throws {
        let corpus = try Shared.require("corpus/dev/seed_000.docx")
        try FileManager.default.createDirectory(atPath: home + "/Входящие", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: corpus, toPath: home + "/Входящие/seed_000.docx")
        XCTAssertEqual(try kartograf(["run"]).status, 0)

        try FileManager.default.removeItem(atPath: prefix + "/lib/kartograf/templates")
        let report = try kartograf(["report", "quarterly", "2023-Q2"])
        XCTAssertNotEqual(report.status, 0)
        XCTAssertTrue(report.stderr.contains("Шаблон quarterly.docx не найден"), report.stderr)

        try FileManager.default.removeItem(atPath: prefix + "/lib/kartograf/kartograf_Recognition.resources")
        let run = try kartograf(["run"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("Не найдены данные программы") && run.stderr.contains("kartograf_Recognition.resources"),
                      run.stderr)
    }

    /// `serve` and a registry on a server are `kartograf-server`'s: the installed `kartograf`, called through
    /// its link on the PATH, hands them to the one installed beside it, and says in Russian when it is missing.
    func testServerCommandsAreHandedToKartografServer() throws {
        let help = try kartograf(["serve", "--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("--listen"), help.stdout)
        let copy = try kartograf(["help", "registry", "copy"])
        XCTAssertTrue(copy.stdout.contains("--to"), copy.stdout + copy.stderr)
        XCTAssertEqual(try kartograf(["--help"]).stdout.contains("kartograf serve"), true)

        try FileManager.default.removeItem(atPath: prefix + "/lib/kartograf/kartograf-server")
        let serve = try kartograf(["serve"])
        XCTAssertEqual(serve.status, 2)
        XCTAssertTrue(serve.stderr.contains("kartograf-server") && serve.stderr.contains("scripts/setup"), serve.stderr)
        let run = try kartograf(["run", "--registry", "postgres://методист@127.0.0.1:1/реестр"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("kartograf-server"), run.stderr)
        XCTAssertEqual(try kartograf(["--version"]).status, 0, "the commands over files need no kartograf-server")
    }
}
