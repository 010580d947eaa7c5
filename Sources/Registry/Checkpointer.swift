import Foundation
import GRDB
import GRDBSQLite

/// Copies the write-ahead log back into the database file on a thread of its own.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its threshold, and with
/// `synchronous = NORMAL` it waits for two `fsync`s there. The pipeline commits one file at a
/// time, so every worker waited with it: on ext4 about 0.24 s per 1,000 files (measured with
/// strace), a fifth of a batch's time. Here the writer's commits only count the log's frames
/// (`sqlite3_wal_hook`, which replaces the automatic checkpoint), and a passive checkpoint runs
/// on a separate connection and thread, without blocking commits or readers. The log itself
/// can only restart from its beginning after a copy that no commit overtook, which a background
/// copy (a millisecond or more, with its fsyncs) almost never is while a batch commits every
/// millisecond; so a log four times the threshold long is copied back within a commit, as
/// SQLite would: two blocking fsyncs per 4,000 pages instead of per 1,000, the rest in the
/// background.
///
/// The thread is a plain one, not a dispatch queue: the workers fill Dispatch's pool, and a
/// queued copy would wait for the end of the batch.
final class Checkpointer: @unchecked Sendable {
    /// Log frames (pages) after which a checkpoint starts: SQLite's default.
    static let standardThreshold: Int32 = 1000

    private let path: String
    private let threshold: Int32
    /// A log this long is copied back within the commit (the log can only restart from its
    /// beginning after a checkpoint that no commit overtook).
    private var limit: Int32 { 4 * threshold }
    /// Log length at which the next background copy is asked for; touched by the writer's commits only.
    private var nextCopyAt: Int32 = 0

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var requested = false
    private var copying = false
    private var closing = false
    private var thread: Thread?

    init(path: String, threshold: Int32 = standardThreshold) {
        self.path = path
        self.threshold = threshold
    }

    /// Installs the frame counter on the writer connection (readers never commit).
    func attach(to db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, { context, writer, _, frames in
            guard let context else { return SQLITE_OK }
            Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue().committed(frames: frames, writer: writer)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// After each commit of the writer: `frames` is the log's length since it last restarted.
    private func committed(frames: Int32, writer: OpaquePointer?) {
        if frames < nextCopyAt - threshold { nextCopyAt = 0 }  // the log restarted
        if frames >= limit {
            // Background copies keep losing the race with new commits, and the log can only restart
            // after a copy that no commit overtook: copy here, once, as SQLite's own checkpoint would
            // (after a background copy under way, which would make this one give up).
            exclusively { _ = sqlite3_wal_checkpoint_v2(writer, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil) }
            nextCopyAt = 0
        } else if frames >= max(nextCopyAt, threshold) {
            request()
            nextCopyAt = frames + threshold
        }
    }

    private func request() {
        condition.lock()
        defer { condition.unlock() }
        guard !closing else { return }
        requested = true
        if thread == nil {
            let thread = Thread { [self] in run() }
            thread.name = "kartograf.registry.checkpoint"
            thread.start()
            self.thread = thread
        }
        condition.signal()
    }

    /// The thread: one passive checkpoint per request, on its own connection, until closed.
    private func run() {
        var connection: DatabaseQueue?
        while true {
            condition.lock()
            while !requested && !closing { condition.wait() }
            if !requested {  // closing, nothing asked
                condition.unlock()
                break
            }
            requested = false
            condition.unlock()
            exclusively {
                do {
                    if connection == nil {
                        var configuration = Configuration()
                        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
                        connection = try DatabaseQueue(path: path, configuration: configuration)
                    }
                    try connection?.writeWithoutTransaction { try $0.checkpoint(.passive) }
                } catch {
                    // A failed checkpoint loses nothing: the log keeps the pages and the next one copies them.
                }
            }
        }
        connection = nil
        condition.lock()
        thread = nil
        condition.broadcast()
        condition.unlock()
    }

    /// Runs `body` while no other copy runs.
    private func exclusively(_ body: () -> Void) {
        condition.lock()
        while copying { condition.wait() }
        copying = true
        condition.unlock()
        body()
        condition.lock()
        copying = false
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until no copy is asked for or running (tests).
    func wait() {
        condition.lock()
        defer { condition.unlock() }
        while requested || copying { condition.wait() }
    }

    /// Finishes a copy under way and closes the thread's connection, so that the writer's, closed
    /// last, copies the whole log back and removes it, as SQLite does on close.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        closing = true
        condition.broadcast()
        while thread != nil { condition.wait() }
    }
}
