import Extraction
import Foundation
import JSON
import Model
import TestSupport
import XCTest

/// Runs the built `kartograf` executable on temporary folders.
struct Harness {
    let root: String
    var inbox: String { root + "/inbox" }
    var out: String { root + "/out" }

    /// The `kartograf` built beside the test bundle, or `nil`.
    static var executable: String? {
        var candidates: [String] = []
        for bundle in Bundle.allBundles + [Bundle.main] {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("kartograf").path)
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug/kartograf").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init() throws {
        guard Self.executable != nil else { try Requirement.missing("the kartograf executable") }
        root = NSTemporaryDirectory() + "kartograf-pipeline-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: JSONValue? { try? JSONParser.parse(stdout) }
    }

    func start(_ arguments: [String], environment: [String: String]? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable!)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    @discardableResult
    func kartograf(_ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let (process, out, err) = try start(arguments, environment: environment)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    func run(_ extra: [String] = []) throws -> Result {
        try kartograf(["run", inbox, "--out", out, "--json"] + extra)
    }

    func put(_ name: String, _ bytes: [UInt8], in folder: String? = nil) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: (folder ?? inbox) + "/" + name))
    }

    func files(under folder: String) -> [String] {
        let base = folder.hasPrefix("/") ? folder : out + "/" + folder
        guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
        return e.compactMap { $0 as? String }.filter {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + "/" + $0, isDirectory: &isDir) && !isDir.boolValue
        }.sorted()
    }

    func inboxNames() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []).sorted() }

    static func sha(_ path: String) -> String {
        Fingerprint.sha256(Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()))
    }
}

extension JSONValue {
    func int(_ key: String) -> Int? { self[key]?.doubleValue.map { Int($0) } }
}
