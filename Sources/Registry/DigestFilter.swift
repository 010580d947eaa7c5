import Foundation

/// The first eight bytes of every sha256 the registry holds, in memory: so that the pipeline
/// asks the database whether a file's bytes arrived before only when they might have.
///
/// That question came for every file, before extracting it, and cost a read on another
/// connection (locks on the shared memory, pages read again after each commit): about 1% of a
/// file's instructions and five system calls. A "no" here is certain for every arrival
/// recorded before the set was loaded or through this registry object since; an arrival
/// recorded meanwhile by another process is missed, which only costs the extraction, as the
/// commit asks the database again. A "yes" (or the rare shared prefix) asks the database.
final class DigestFilter: @unchecked Sendable {
    private let lock = NSLock()
    private var prefixes: Set<UInt64>?

    /// Whether `sha256` may be recorded; `load` reads the registry's digests the first time.
    func mayContain(_ sha256: String, load: () throws -> [String]) -> Bool {
        guard let prefix = Self.prefix(sha256) else { return true }
        lock.lock()
        defer { lock.unlock() }
        if prefixes == nil {
            guard let all = try? load() else { return true }
            prefixes = Set(all.compactMap(Self.prefix))
        }
        return prefixes!.contains(prefix)
    }

    /// Notes a recorded digest (before its transaction commits: a rolled-back one only costs a look-up).
    func insert(_ sha256: String) {
        guard let prefix = Self.prefix(sha256) else { return }
        lock.lock()
        defer { lock.unlock() }
        prefixes?.insert(prefix)
    }

    /// The first 16 hex digits as a number; nil for anything else (asked of the database).
    static func prefix(_ sha256: String) -> UInt64? {
        guard sha256.utf8.count >= 16 else { return nil }
        var value: UInt64 = 0
        for byte in sha256.utf8.prefix(16) {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }
}
