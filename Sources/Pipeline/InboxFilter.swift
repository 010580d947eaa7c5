/// Which files of an inbox are inputs. Word's lock files (`~$…`), temporary files of editors
/// and browsers, hidden and system files are left alone, each with the reason the run's summary gives.
public enum InboxFilter {
    static let temporaryExtensions: Set<String> = ["tmp", "temp", "part", "partial", "crdownload", "download",
                                                   "swp", "swx", "lock", "bak"]
    static let systemFiles: Set<String> = ["thumbs.db", "desktop.ini", "icon\r", ".ds_store"]

    /// Whether a file of this name is to be processed.
    public static func isInput(_ name: String) -> Bool { reasonToLeave(name) == nil }

    /// Why a file of this name is left in the inbox, in Russian; `nil` for an input.
    public static func reasonToLeave(_ name: String) -> String? {
        let lower = name.lowercased()
        if systemFiles.contains(lower) { return "служебный файл системы" }
        if name.hasPrefix("~$") { return "файл блокировки Word (документ открыт в Word)" }
        if name.hasPrefix(".") { return "скрытый файл" }
        if name.hasPrefix("~") || name.hasSuffix("~") { return "временный файл редактора" }
        if let dot = lower.lastIndex(of: "."), temporaryExtensions.contains(String(lower[lower.index(after: dot)...])) {
            return "временный или недокачанный файл"
        }
        return nil
    }

    /// The extensions LibreOffice converts to .docx.
    public static let legacyExtensions: Set<String> = ["doc", "rtf", "odt"]
}
