/// Path arithmetic on `/`-separated strings, with the results of NSString's path methods
/// for the paths kartograf builds (relative or absolute, no `~`, no repeated `/`).
///
/// Foundation's NSString path methods are slow on Linux and the pipeline calls these for
/// every file (measurements: docs/performance.md).
public enum PathText {
    /// `a/b/c.docx` → `c.docx`; `a/b/` → `b`; `/` → `/`.
    public static func lastComponent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return trimmed }
        if trimmed == "/" { return trimmed }
        return String(trimmed[trimmed.utf8.index(after: slash)...])
    }

    /// `a/b/c.docx` → `a/b`; `c` → empty; `/c` → `/`.
    public static func parent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        if slash == trimmed.utf8.startIndex { return "/" }
        return trimmingTrailingSlashes(String(trimmed[..<slash]))
    }

    /// `c.docx` → `docx`; empty for `c`, `.hidden` and `c.` (the extension of the last component).
    public static func pathExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else { return "" }
        return String(name[name.utf8.index(after: dot)...])
    }

    /// `c.tar.gz` → `c.tar`; `c.` → `c`; `.hidden` and `c` stay as they are; `a/b.docx` → `a/b`.
    public static func deletingExtension(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        let name = lastComponent(trimmed)
        guard name != "..", let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else {
            return trimmed
        }
        let removed = name.utf8.distance(from: dot, to: name.utf8.endIndex)
        return String(trimmed.utf8.dropLast(removed))!
    }

    /// `a` + `b` → `a/b`; `a/` + `b` → `a/b`; empty + `b` → `b`.
    public static func appending(_ path: String, _ component: String) -> String {
        if path.isEmpty { return component }
        if component.isEmpty { return trimmingTrailingSlashes(path) }
        return path.utf8.last == UInt8(ascii: "/") ? path + component : path + "/" + component
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var end = path.utf8.endIndex
        while end > path.utf8.index(after: path.utf8.startIndex), path.utf8[path.utf8.index(before: end)] == UInt8(ascii: "/") {
            end = path.utf8.index(before: end)
        }
        return end == path.utf8.endIndex ? path : String(path[..<end])
    }
}
