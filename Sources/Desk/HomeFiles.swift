import Foundation
import Pipeline
import Registry
import Text

/// Files under the home that the desk may hand out, by a path relative to the home. Anything that
/// could leave the home is refused before the file system is asked: `..` and `.` components, empty
/// ones (`//`, a leading `/`), backslashes, NUL, percent-escapes decoding to any of these; then the
/// real path (links resolved) must still lie inside the home. The registry and the pipeline's own
/// folders (hidden, `.kartograf*`) are never served.
struct HomeFiles: Sendable {
    let root: String

    /// The components of a request path's tail (still percent-encoded), decoded and checked.
    static func components(encoded: String) -> [String]? {
        guard !encoded.isEmpty else { return nil }
        var parts: [String] = []
        for raw in encoded.split(separator: "/", omittingEmptySubsequences: false) {
            guard let part = String(raw).removingPercentEncoding else { return nil }
            guard !part.isEmpty, part != ".", part != "..", !part.hasPrefix("."),
                  !part.contains("/"), !part.contains("\\"), !part.contains("\0") else { return nil }
            parts.append(part)
        }
        return parts
    }

    /// The checked components of a path relative to the home (as the registry records it).
    static func components(relative: String) -> [String]? {
        components(encoded: relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["%"])) ?? "")
    }

    /// The absolute path of a regular file inside the home, or `nil`.
    func resolve(_ parts: [String]) -> String? {
        guard !parts.isEmpty, parts != [Registry.fileName] else { return nil }
        if parts.count == 1, parts[0].hasPrefix(Registry.fileName) { return nil }
        let path = parts.reduce(root) { PathText.appending($0, $1) }
        guard let realRoot = Self.real(root), let real = Self.real(path),
              real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else { return nil }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        return real
    }

    /// The path of a file the registry names (relative to the home), checked the same way.
    func resolve(relative: String?) -> String? {
        guard let relative, let parts = Self.components(relative: relative) else { return nil }
        return resolve(parts)
    }

    static func real(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    /// `/files/<encoded components>` for a path relative to the home.
    static func link(_ relative: String) -> String {
        "/files/" + relative.split(separator: "/").map {
            String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "%", "?", "#", ";"])) ?? ""
        }.joined(separator: "/")
    }
}
