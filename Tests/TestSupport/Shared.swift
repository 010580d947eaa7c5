import Foundation
import JSON
import XCTest

/// `../shared` beside the package (specs, corpus, vectors, seeds), found from this file's path.
///
/// A test that needs it skips on a developer's machine without it, and fails in CI
/// (`CI` set), where a missing folder must never pass as a green run.
public enum Shared {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    public static func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    /// The path of `relative`, or the test stops: skipped locally, failed in CI.
    public static func require(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard exists(relative) else { try Requirement.missing("../shared/\(relative)", file: file, line: line) }
        return path(relative)
    }

    public static func json(_ relative: String) throws -> JSONValue {
        try JSONParser.parse(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: try require(relative)))))
    }
}

/// What a test needs from its surroundings (a shared folder, a program such as LibreOffice).
public enum Requirement {
    /// Whether this run is CI's, where nothing may be skipped.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false }

    /// Stops the test: an `XCTSkip` on a developer's machine, a failure in CI.
    public static func missing(_ what: String, file: StaticString = #filePath, line: UInt = #line) throws -> Never {
        if isCI {
            XCTFail("\(what) is missing; CI must have it", file: file, line: line)
            throw MissingInCI(what: what)
        }
        throw XCTSkip("\(what) is not here", file: file, line: line)
    }

    /// A program on PATH, or the test stops as `missing` says.
    public static func program(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for folder in paths {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        try missing("the program «\(name)»", file: file, line: line)
    }

    public struct MissingInCI: Error, CustomStringConvertible {
        public let what: String
        public var description: String { "\(what) is missing in CI" }
    }
}
