import Foundation
import JSON

/// Relative links between output folders, so the summary's links keep working when the folders move together.
public enum RelativePath {
    /// The path of `target` as seen from the folder `base`, with `/` separators («../exports/a.json»).
    public static func from(_ base: String, to target: String) -> String {
        func parts(_ path: String) -> [String] {
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            var out: [String] = []
            for part in absolute.split(separator: "/") {
                switch part {
                case ".": continue
                case "..": if !out.isEmpty { out.removeLast() }
                default: out.append(String(part))
                }
            }
            return out
        }
        let a = parts(base), b = parts(target)
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: a.count - common)
        let path = (up + b[common...]).joined(separator: "/")
        return path.isEmpty ? "." : path
    }
}
