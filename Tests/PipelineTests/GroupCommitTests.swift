import Foundation
import Model
@testable import Pipeline
import Registry
import Reports
import Text
import XCTest

/// Files prepared meanwhile are recorded together, in one registry transaction (`FolderPipeline.commit`).
final class GroupCommitTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "kartograf-group-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    private func pipeline(schools: Int) throws -> FolderPipeline {
        for i in 1...schools {
            try Data(TestDocx.roadmap(organization: "МБОУ СОШ № \(i)"))
                .write(to: URL(fileURLWithPath: root + "/inbox/карта \(i).docx"))
        }
        return try FolderPipeline(options: PipelineOptions(inbox: root + "/inbox", output: root + "/out", workers: 1,
                                                           converter: nil))
    }

    private func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    func testAGroupIsRecordedInOneTransactionAndItsInputsPutInPlace() throws {
        let pipeline = try pipeline(schools: 3)
        defer { pipeline.close() }
        let prepared = pipeline.pendingInputs().sorted { $0.name < $1.name }.map(pipeline.prepare)
        let reports = pipeline.commit(prepared)
        XCTAssertEqual(reports.map(\.outcome), [.processed, .processed, .processed])
        XCTAssertEqual(try pipeline.registry.inputCounts(), [.processed: 3])
        XCTAssertEqual(files(under: root + "/out/" + OutputLayout.processedFolder), ["карта 1.docx", "карта 2.docx", "карта 3.docx"])
        pipeline.flushMoves()
        XCTAssertEqual(try pipeline.registry.pendingMoves(), [])
        XCTAssertEqual(files(under: pipeline.work.path), [], "temporary files left")
    }

    func testAFileThatFailsInItsGroupsTransactionFailsAloneAndTheOthersAreRecorded() throws {
        let pipeline = try pipeline(schools: 3)
        defer { pipeline.close() }
        let prepared = pipeline.pendingInputs().sorted { $0.name < $1.name }.map(pipeline.prepare)
        // The second school's folder is taken by a plain file: its outputs cannot be put in place, a failure
        // of that file only, met in the middle of the group's transaction.
        guard case let .extracted(_, _, _, organization?, _, _, _) = prepared[1].outcome else {
            return XCTFail("the second file was not extracted: \(prepared[1].outcome)")
        }
        let organizations = root + "/out/" + OutputLayout.organizationsFolder
        try FileManager.default.createDirectory(atPath: organizations, withIntermediateDirectories: true)
        let blocker = organizations + "/" + SafeName.make(organization, fallback: OutputLayout.noOrganization)
        try Data("не папка".utf8).write(to: URL(fileURLWithPath: blocker))

        let reports = pipeline.commit(prepared)
        XCTAssertEqual(reports.map(\.outcome), [.processed, .failed, .processed])
        XCTAssertTrue(reports[1].reason?.contains("Не удалось") ?? false, "\(reports[1].reason ?? "")")
        XCTAssertEqual(try pipeline.registry.inputCounts(), [.processed: 2])
        // The failed file is back in the inbox, the others are in place, nothing half-done is left.
        XCTAssertEqual(pipeline.pendingInputs().map(\.name), ["карта 2.docx"])
        XCTAssertEqual(files(under: root + "/out/" + OutputLayout.processedFolder), ["карта 1.docx", "карта 3.docx"])
        let outputs = files(under: organizations)
        XCTAssertEqual(outputs.count, 1 + 2 * (1 + DocxProtocolWriter.standard.count), "\(outputs)")
        XCTAssertEqual(files(under: pipeline.work.path), [], "temporary files left")
        let claimed = try pipeline.registry.read { try $0.claimedPaths(under: OutputLayout.organizationsFolder + "/") }
        XCTAssertTrue(claimed.isSubset(of: outputs.map { OutputLayout.organizationsFolder + "/" + $0 }), "\(claimed)")
        XCTAssertEqual(Set(claimed.map { PathText.parent($0) }), Set(["МБОУ СОШ № 1", "МБОУ СОШ № 3"].map {
            OutputLayout.organizationsFolder + "/" + SafeName.make($0, fallback: OutputLayout.noOrganization)
        }))
    }

    /// A registry's server that answers no more while a transaction commits: whether it committed is
    /// unknown, so the files stay as a killed process leaves them, and the next process settles them from
    /// what the registry holds — once each, in both cases.
    func testACommitWhoseAnswerIsLostLeavesTheFilesForTheNextProcessToSettle() throws {
        for committed in [true, false] {
            tearDown()
            try setUpWithError()
            for i in 1...2 {
                try Data(TestDocx.roadmap(organization: "МБОУ СОШ № \(i)"))
                    .write(to: URL(fileURLWithPath: root + "/inbox/карта \(i).docx"))
            }
            let out = root + "/out"
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let losing = LosingRegistry(try Registry(path: OutputLayout(root: out).registry))
            var options = PipelineOptions(inbox: root + "/inbox", output: out, workers: 1, converter: nil)
            options.registry = losing
            let pipeline = try FolderPipeline(options: options)
            let prepared = pipeline.pendingInputs().sorted { $0.name < $1.name }.map(pipeline.prepare)
            losing.losesNext(afterCommitting: committed)
            XCTAssertEqual(pipeline.commit(prepared).map(\.outcome), [.postponed, .postponed])
            XCTAssertNotNil(pipeline.stopReason)
            pipeline.close()

            let next = try FolderPipeline(options: PipelineOptions(inbox: root + "/inbox", output: out, workers: 1,
                                                                   converter: nil))
            let summary = next.runInbox()
            next.close()
            XCTAssertNil(summary.stopReason)
            XCTAssertEqual(summary.files.map(\.outcome), committed ? [] : [.processed, .processed], "\(committed)")
            let registry = try Registry(path: OutputLayout(root: out).registry)
            XCTAssertEqual(try registry.inputCounts(), [.processed: 2], "\(committed)")
            XCTAssertEqual(try registry.pendingMoves(), [])
            XCTAssertEqual(pipeline.pendingInputs(), [])
            XCTAssertEqual(files(under: out + "/" + OutputLayout.processedFolder), ["карта 1.docx", "карта 2.docx"])
            XCTAssertEqual(files(under: out + "/" + OutputLayout.organizationsFolder).count,
                           2 * (1 + DocxProtocolWriter.standard.count), "\(committed)")
        }
    }
}

/// A registry whose next transaction, once asked to, loses the server's answer: committed or not, it
/// throws what a lost connection throws.
final class LosingRegistry: RegistryStore, @unchecked Sendable {
    let inner: Registry
    private let lock = NSLock()
    private var loss: Bool?

    init(_ inner: Registry) { self.inner = inner }

    func losesNext(afterCommitting committed: Bool) {
        lock.withLock { loss = committed }
    }

    var path: String { inner.path }

    func transaction<T>(_ body: (any RegistryRecording) throws -> T) throws -> T {
        let lost = RegistryError.unreachable(path: path, reason: "соединение с сервером прервано")
        switch lock.withLock({ defer { loss = nil }; return loss }) {
        case true?:
            _ = try inner.transaction(body)
            throw lost
        case false?:
            _ = try? inner.transaction { tx -> T in
                _ = try body(tx)
                throw lost
            }
            throw lost
        case nil:
            return try inner.transaction(body)
        }
    }

    func read<T>(_ body: (any RegistryLookups) throws -> T) throws -> T { try inner.read(body) }
    func appliedMigrations() throws -> [String] { try inner.appliedMigrations() }
    func organizations() throws -> [OrganizationStatus] { try inner.organizations() }
    func currentRoadmap(organization: String?) throws -> DocumentSummary? { try inner.currentRoadmap(organization: organization) }
    func roadmapHistory(organization: String?) throws -> [DocumentSummary] { try inner.roadmapHistory(organization: organization) }
    func latestReport(organization: String?) throws -> DocumentSummary? { try inner.latestReport(organization: organization) }
    func itemsDue(from: Day, to: Day, organization: String?, kinds: Set<DocumentKind>?) throws -> [DueItem] {
        try inner.itemsDue(from: from, to: to, organization: organization, kinds: kinds)
    }
    func inputCounts() throws -> [InputOutcome: Int] { try inner.inputCounts() }
    func documents(kinds: Set<DocumentKind>) throws -> [DocumentSummary] { try inner.documents(kinds: kinds) }
    func diagnosticCounts() throws -> [Int64: [Severity: Int]] { try inner.diagnosticCounts() }
}
