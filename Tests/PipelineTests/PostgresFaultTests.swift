import Extraction
import Foundation
import Model
import Pipeline
import Registry
import RegistryPostgres
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The server goes away in the middle of a real `kartograf run`: the run stops with a Russian message and
/// loses nothing; started again, the next run finishes the work, and the registry is a clean run's.
///
/// The server is a cluster of this test's own (`scripts/postgres-cluster`), so the one the other tests
/// share is never stopped. Every program writes into files and is waited for with a time limit (`Child`).
final class PostgresFaultTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    func testAServerStoppedInTheMiddleOfARunStopsItAndTheNextRunEndsAsACleanRunWould() throws {
        // The same requirement as every PostgreSQL test: skipped on a machine without a server, failed in CI.
        _ = try PostgresServer.adminURL()
        let cluster = NSTemporaryDirectory() + "kartograf-pg-fault-\(UUID().uuidString.prefix(8))"
        let started = try Self.program([Self.repository + "/scripts/postgres-cluster", "start", cluster], limit: 120)
        defer { _ = try? Self.program([Self.repository + "/scripts/postgres-cluster", "stop", cluster], limit: 60) }
        XCTAssertEqual(started.status, 0, started.stderr)
        let admin = started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try PostgresServer.psql(admin, "CREATE DATABASE faulted")
        try PostgresServer.psql(admin, "CREATE DATABASE clean")
        let url = PostgresServer.url(admin, database: "faulted")
        let password = try XCTUnwrap(URLComponents(string: admin)?.password)

        // Roadmaps of 120 schools, then later versions of ten of them, written a second apart in this order.
        var files = (0..<120).map { i in
            (String(format: "карта %03d.docx", i), TestDocx.roadmap(organization: "МБОУ СОШ № \(i + 1)", rows: 6))
        }
        for i in stride(from: 0, to: 120, by: 12) {
            files.append((String(format: "карта %03d новая.docx", i),
                          TestDocx.roadmap(organization: "МБОУ СОШ № \(i + 1)", version: 2, rows: 7)))
        }
        let h = try Harness()
        defer { h.cleanUp() }
        try put(files, in: h.inbox)

        // Stopped once a few files are in place, while the rest are still to come.
        let log = h.root + "/run1"
        let run = try Child([Harness.executable!, "run", h.inbox, "--out", h.out, "--registry", url, "--jobs", "2"],
                            output: log)
        let processed = h.out + "/" + OutputLayout.processedFolder
        let deadline = Date().addingTimeInterval(120)
        while run.isRunning && h.files(under: processed).count < 3 && Date() < deadline { usleep(20_000) }
        XCTAssertTrue(run.isRunning, "the run ended before the server was stopped: it needs more files")
        let stopped = try Self.program([Self.repository + "/scripts/postgres-cluster", "pg_ctl", cluster,
                                        "stop", "-m", "immediate", "-w", "-t", "60"], limit: 90)
        XCTAssertEqual(stopped.status, 0, stopped.stderr)
        let status = try run.wait(limit: 300)
        let stderr = (try? String(contentsOfFile: log + ".err", encoding: .utf8)) ?? ""
        XCTAssertEqual(status, 3, stderr)
        XCTAssertTrue(stderr.contains("Сервер реестра") && stderr.contains("недоступен")
                      && stderr.contains("запустите kartograf снова"), stderr)
        XCTAssertFalse(stderr.contains(password), "the password in a message")

        // Nothing lost: every file lies in the inbox (or this run's claim folder in it) or in its place.
        let recordedBefore = h.files(under: processed).count
        XCTAssertLessThan(recordedBefore, files.count, "the run was not stopped in its middle")
        let left = Set((h.files(under: h.inbox) + h.files(under: processed).map { processed + "/" + $0 }).compactMap {
            Fingerprint.sha256(fileAt: $0.hasPrefix("/") ? $0 : h.inbox + "/" + $0)
        })
        let lost = Set(files.map { Fingerprint.sha256($0.1) }).subtracting(left)
        XCTAssertEqual(lost, Set<String>(), "files lost")

        // Started again, the next run finishes the work.
        let restarted = try Self.program([Self.repository + "/scripts/postgres-cluster", "pg_ctl", cluster,
                                          "start", "-w", "-t", "60"], limit: 90)
        XCTAssertEqual(restarted.status, 0, restarted.stderr)
        let again = try Self.program([Harness.executable!, "run", h.inbox, "--out", h.out, "--registry", url], limit: 300)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(h.files(under: h.inbox), [])
        let registry = try PostgresRegistry(url: url)
        XCTAssertEqual(try registry.pendingMoves(), [])

        // One clean run over the same files.
        let clean = try Harness()
        defer { clean.cleanUp() }
        try put(files, in: clean.inbox)
        let cleanURL = PostgresServer.url(admin, database: "clean")
        let cleanRun = try Self.program([Harness.executable!, "run", clean.inbox, "--out", clean.out,
                                         "--registry", cleanURL, "--jobs", "2"], limit: 300)
        XCTAssertEqual(cleanRun.status, 0, cleanRun.stderr)
        let cleanRegistry = try PostgresRegistry(url: cleanURL)
        XCTAssertEqual(try registry.inputCounts(), [.processed: files.count])
        XCTAssertEqual(try PostgresRunTests.contents(registry), try PostgresRunTests.contents(cleanRegistry))
        // The same outputs, each once, and no temporary or claim folder left.
        let outputs = Set(h.files(under: h.out)), cleanOutputs = Set(clean.files(under: clean.out))
        XCTAssertFalse(cleanOutputs.isEmpty)
        XCTAssertEqual(outputs.subtracting(cleanOutputs).sorted(), [], "outputs a clean run does not make")
        XCTAssertEqual(cleanOutputs.subtracting(outputs).sorted(), [], "outputs missing")
    }

    /// Writes the files into `folder`, each modified a second after the one before.
    private func put(_ files: [(String, [UInt8])], in folder: String) throws {
        for (i, (name, bytes)) in files.enumerated() {
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_704_153_600 + Double(i))],
                                                  ofItemAtPath: folder + "/" + name)
        }
    }

    struct Finished {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A program started with `posix_spawn`, its output in `<output>.out` and `<output>.err`, waited for
    /// with `waitpid`. (Foundation's `Process` learns that a child ended when a socket the child inherits
    /// closes; a server `pg_ctl` starts inherits it too and keeps it open, so the child never ends for it.)
    final class Child {
        let pid: pid_t
        let command: String
        private(set) var status: Int32?

        init(_ command: [String], output: String) throws {
            self.command = command.joined(separator: " ")
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, output + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_addopen(&actions, 2, output + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            let argv = command.map { strdup($0) } + [nil]
            defer { for argument in argv { free(argument) } }
            var pid: pid_t = 0
            let result = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
            guard result == 0 else { throw Failure(description: "\(self.command): posix_spawn failed (\(result))") }
            self.pid = pid
        }

        /// Whether it still runs (collecting its status once it has ended).
        var isRunning: Bool {
            guard status == nil else { return false }
            var raw: Int32 = 0
            let result = waitpid(pid, &raw, WNOHANG)
            guard result == pid else { return result == 0 || errno == EINTR }
            // Exited: the code in the second byte; killed by a signal: 128 + the signal.
            status = raw & 0x7f == 0 ? (raw >> 8) & 0xff : 128 + raw & 0x7f
            return false
        }

        /// Waits for it to end and returns its exit status; past the limit it is killed and the test fails.
        @discardableResult
        func wait(limit: TimeInterval) throws -> Int32 {
            let deadline = Date().addingTimeInterval(limit)
            while isRunning && Date() < deadline { usleep(20_000) }
            if let status { return status }
            kill(pid, SIGKILL)
            var raw: Int32 = 0
            _ = waitpid(pid, &raw, 0)
            status = 128 + SIGKILL
            throw Failure(description: "\(command) did not end within \(Int(limit)) s")
        }
    }

    /// Runs a program to its end within `limit` seconds.
    static func program(_ command: [String], limit: TimeInterval) throws -> Finished {
        let output = NSTemporaryDirectory() + "kartograf-pg-fault-\(UUID().uuidString)"
        defer {
            unlink(output + ".out")
            unlink(output + ".err")
        }
        let status = try Child(command, output: output).wait(limit: limit)
        return Finished(status: status,
                        stdout: (try? String(contentsOfFile: output + ".out", encoding: .utf8)) ?? "",
                        stderr: (try? String(contentsOfFile: output + ".err", encoding: .utf8)) ?? "")
    }
}
