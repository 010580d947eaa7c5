/// Which files of an inbox are inputs. Word's lock files (`~$…`), temporary
/// files of editors and browsers, and hidden files are left alone.
public enum InboxFilter {
    static let temporaryExtensions: Set<String> = ["tmp", "temp", "part", "partial", "crdownload", "download",
                                                   "swp", "swx", "lock", "bak"]
    static let systemFiles: Set<String> = ["thumbs.db", "desktop.ini", "icon\r"]

    /// Whether a file of this name is to be processed.
    public static func isInput(_ name: String) -> Bool {
        let lower = name.lowercased()
        if name.hasPrefix(".") || name.hasPrefix("~") || name.hasSuffix("~") { return false }
        if systemFiles.contains(lower) { return false }
        if let dot = lower.lastIndex(of: "."), temporaryExtensions.contains(String(lower[lower.index(after: dot)...])) {
            return false
        }
        return true
    }

    /// The extensions LibreOffice converts to .docx.
    public static let legacyExtensions: Set<String> = ["doc", "rtf", "odt"]
}
