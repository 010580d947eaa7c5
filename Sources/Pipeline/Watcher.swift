import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches an inbox and hands over each file once it is completely written:
/// its size and time unchanged for a moment and, for a ZIP, its end record present.
/// inotify wakes it on Linux; a directory scan every `interval` is the fallback
/// (and catches whatever an event queue overflow lost).
public final class InboxWatcher {
    public let folder: String
    /// How long a file must stay unchanged before it is taken.
    public var settle: Double = 0.4
    /// A non-ZIP or an incomplete ZIP is taken anyway once unchanged this long (to be rejected with its reason).
    public var giveUp: Double = 5
    public var interval: Double = 0.25

    private var inotify: Int32 = -1
    private var seen: [String: (size: Int, modified: Double, since: Double)] = [:]
    /// Files already handed over, with the state they had, so they are not taken twice.
    private var taken: [String: (size: Int, modified: Double)] = [:]

    public init(folder: String, useInotify: Bool = true) {
        self.folder = folder
        #if os(Linux)
        if useInotify {
            inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if inotify >= 0 {
                let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_DELETE | IN_ATTRIB)
                if inotify_add_watch(inotify, folder, mask) < 0 { close(inotify); inotify = -1 }
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

    /// Files that are complete now; the pipeline calls `markTaken` after handling them.
    public func readyFiles(now: Double) -> [InboxFile] {
        let current = Files.inputs(in: folder)
        var names = Set<String>()
        var ready: [InboxFile] = []
        for file in current {
            names.insert(file.name)
            if let t = taken[file.name], t.size == file.size, t.modified == file.modified { continue }
            guard let s = seen[file.name], s.size == file.size, s.modified == file.modified else {
                seen[file.name] = (file.size, file.modified, now)
                continue
            }
            let quiet = now - s.since
            guard quiet >= settle else { continue }
            let complete: Bool
            switch ZipCompleteness.state(path: file.path) {
            case .complete: complete = true
            case .notZip: complete = file.size > 0 ? quiet >= 1 : quiet >= giveUp
            case .incomplete: complete = quiet >= giveUp
            }
            if complete { ready.append(file) }
        }
        // Forget files that left the folder.
        seen = seen.filter { names.contains($0.key) }
        taken = taken.filter { names.contains($0.key) }
        return ready
    }

    /// Notes that a file was handled, so that it is not offered again while it stays (kept inputs, failures).
    public func markTaken(_ file: InboxFile) {
        taken[file.name] = (file.size, file.modified)
        seen[file.name] = nil
    }

    private func waitForActivity() {
        let timeout = Int32(interval * 1000)
        guard inotify >= 0 else { usleep(useconds_t(timeout) * 1000); return }
        var pfd = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
        if poll(&pfd, 1, timeout) > 0 {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while read(inotify, &buffer, buffer.count) > 0 {}
            // Let a short burst of writes settle before scanning.
            usleep(20_000)
        }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
