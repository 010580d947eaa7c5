import Foundation
import Model

/// `../shared` beside the package, found from this file's path.
enum Shared {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    static func json(_ relative: String) throws -> JSONValue {
        try JSONParser.parse(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(relative)))))
    }
}
