import Foundation
import Model
import Text
#if canImport(Glibc)
import Glibc
#endif

/// Watches an inbox (and its subfolders) and hands over each file once it is complete:
/// - unchanged in size and time for `settle` seconds (long enough for a network share's pauses);
/// - with inotify, closed by its writer: a file written here and still open is waited for
///   (up to `openLimit`); files written through a network share raise no events, so for them
///   the settling alone decides;
/// - a ZIP (.docx) with its end record written; one that stays incomplete is taken after
///   `giveUp` seconds unchanged, to be rejected with its reason; so is an empty file.
/// A directory scan every `interval` seconds also catches whatever inotify missed.
public final class InboxWatcher {
    public let folder: String
    public var settle: Double = 1
    public var giveUp: Double = 60
    public var openLimit: Double = 600
    public var interval: Double = 0.25

    private var inotify: Int32 = -1
    /// Watch descriptors and the folders (relative to the inbox; "" for itself) they watch.
    private var watches: [Int32: String] = [:]
    private var watched: Set<String> = []
    private var seen: [String: (size: Int, modified: Double, since: Double)] = [:]
    /// Files already handed over, with the state they had, so they are not taken twice.
    private var taken: [String: (size: Int, modified: Double)] = [:]
    /// Files a local writer has created or written and not yet closed.
    private var open: Set<String> = []

    public init(folder: String, useInotify: Bool = true) {
        self.folder = folder
        #if os(Linux)
        if useInotify {
            inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if inotify >= 0 && !watch("") {
                close(inotify)
                inotify = -1
            }
        }
        #endif
    }

    deinit { if inotify >= 0 { close(inotify) } }

    public var usesInotify: Bool { inotify >= 0 }

    /// Waits up to `interval` (less when inotify reports activity), then returns the files ready now.
    public func nextReady() -> [InboxFile] {
        waitForActivity()
        return readyFiles(now: Self.now())
    }

    /// Files that are complete now; the caller calls `markTaken` after handling them.
    public func readyFiles(now: Double) -> [InboxFile] {
        let scan = Files.scan(folder)
        if usesInotify { for sub in scan.folders where !watched.contains(sub) { _ = watch(sub) } }
        var names = Set<String>()
        var ready: [InboxFile] = []
        for file in scan.files {
            let key = file.relative
            names.insert(key)
            if let t = taken[key], t.size == file.size, t.modified == file.modified { continue }
            guard let s = seen[key], s.size == file.size, s.modified == file.modified else {
                seen[key] = (file.size, file.modified, now)
                continue
            }
            let quiet = now - s.since
            guard quiet >= settle else { continue }
            if open.contains(key) && quiet < openLimit { continue }
            let complete: Bool
            if file.size == 0 {
                complete = quiet >= giveUp
            } else {
                switch ZipCompleteness.state(path: file.path) {
                case .complete, .notZip: complete = true
                case .incomplete: complete = quiet >= giveUp
                }
            }
            if complete { ready.append(file) }
        }
        // Forget files that left the folder.
        seen = seen.filter { names.contains($0.key) }
        taken = taken.filter { names.contains($0.key) }
        open = open.filter { names.contains($0) }
        return ready
    }

    /// Notes that a file was handled, so that it is not offered again while it stays unchanged.
    public func markTaken(_ file: InboxFile) {
        taken[file.relative] = (file.size, file.modified)
        seen[file.relative] = nil
    }

    /// Offers a file again once it has settled anew (one that was still being written).
    public func retry(_ file: InboxFile) {
        taken[file.relative] = nil
        seen[file.relative] = nil
    }

    private func watch(_ relative: String) -> Bool {
        #if os(Linux)
        let path = relative.isEmpty ? folder : PathText.appending(folder, relative)
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_MODIFY | IN_DELETE | IN_ATTRIB)
        let wd = inotify_add_watch(inotify, path, mask)
        guard wd >= 0 else { return false }
        watches[wd] = relative
        watched.insert(relative)
        return true
        #else
        return false
        #endif
    }

    private func waitForActivity() {
        let timeout = Int32(interval * 1000)
        guard inotify >= 0 else { usleep(useconds_t(timeout) * 1000); return }
        var pfd = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, timeout) > 0 else { return }
        readEvents()
        // Let a short burst of writes settle before scanning.
        usleep(20_000)
        readEvents()
    }

    /// Reads the queued events: which files a local writer holds open.
    private func readEvents() {
        #if os(Linux)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = read(inotify, &buffer, buffer.count)
            guard n > 0 else { return }
            var offset = 0
            // struct inotify_event: wd, mask, cookie, len (32 bits each, native order), then the name.
            func word(_ at: Int) -> UInt32 {
                UInt32(buffer[at]) | UInt32(buffer[at + 1]) << 8 | UInt32(buffer[at + 2]) << 16 | UInt32(buffer[at + 3]) << 24
            }
            while offset + 16 <= n {
                let wd = Int32(bitPattern: word(offset)), mask = word(offset + 4), length = Int(word(offset + 12))
                let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + length)].prefix { $0 != 0 }
                offset += 16 + length
                if mask & UInt32(IN_IGNORED) != 0, let gone = watches.removeValue(forKey: wd) {
                    watched.remove(gone)  // the folder went: watched again should it come back
                    continue
                }
                guard let base = watches[wd], !nameBytes.isEmpty, mask & UInt32(IN_ISDIR) == 0 else { continue }
                let name = String(decoding: nameBytes, as: UTF8.self)
                let key = base.isEmpty ? name : base + "/" + name
                if mask & UInt32(IN_CREATE | IN_MODIFY) != 0 {
                    open.insert(key)
                } else if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE) != 0 {
                    open.remove(key)
                }
            }
        }
        #endif
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
