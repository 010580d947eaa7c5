/// Tells what a file really is from its first bytes and its name, so that a
/// legacy .doc, an RTF, a PDF, an HTML page or a Word lock file each gets its own message.
public enum FormatSniffer {
    public enum Format: Sendable, Equatable {
        case zip, ole, rtf, pdf, html, wordLockFile, empty, unknown
    }

    public static func sniff(head: [UInt8], fileName: String, fileSize: Int) -> Format {
        if fileSize == 0 || head.isEmpty { return .empty }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06])
            || head.starts(with: [0x50, 0x4B, 0x07, 0x08]) { return .zip }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole }
        if head.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        let lowerName = fileName.lowercased()
        if lowerName.hasPrefix("~$") && fileSize <= 4096 { return .wordLockFile }
        if looksLikeHTML(head) { return .html }
        // An owner file: a length byte, the user's name, zero padding, 162 bytes in all.
        if fileSize == 162, let n = head.first, n > 0, n < 54 { return .wordLockFile }
        return .unknown
    }

    static func looksLikeHTML(_ head: [UInt8]) -> Bool {
        var bytes = head
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let text = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || text.contains("<html")
            || (trimmed.hasPrefix("<?xml") && text.contains("<html"))
    }

    /// In an OLE container, a Word 97-2003 document has a `WordDocument` stream,
    /// an encrypted OOXML file an `EncryptionInfo` stream (names are UTF-16LE).
    public static func classifyOLE(_ bytes: [UInt8]) -> ReadError {
        func utf16(_ s: String) -> [UInt8] { s.utf8.flatMap { [$0, 0] } }
        if contains(bytes, utf16("EncryptionInfo")) || contains(bytes, utf16("EncryptedPackage")) { return .encrypted }
        if contains(bytes, utf16("WordDocument")) { return .legacyWord }
        return .otherOLE
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, hay.count >= needle.count else { return false }
        return (0...(hay.count - needle.count)).contains {
            hay[$0] == first && hay[$0..<$0 + needle.count].elementsEqual(needle)
        }
    }
}
