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
/// on a separate connection and thread, without blocking commits or readers.
///
/// The log itself can only restart from its beginning after a copy that no commit overtook,
/// which a background copy (a millisecond or more, with its fsyncs) almost never is while a
/// batch commits every millisecond. So once the log is four times the threshold long, the
/// thread copies the rest on the writer connection, between two transactions; `isCopyingOnWriter`
/// tells the pipeline meanwhile, whose workers then prepare files instead of waiting for the
/// writer. Should that copy not come, a log eight times the threshold is copied back within
/// the commit, as SQLite would.
///
/// The thread is a plain one, not a dispatch queue: the workers fill Dispatch's pool, and a
/// queued copy would wait for the end of the batch.
final class Checkpointer: @unchecked Sendable {
    /// Log frames (pages) after which a checkpoint starts: SQLite's default.
    static let standardThreshold: Int32 = 1000

    private let path: String
    private let threshold: Int32
    /// A log this long is copied back on the writer connection by the thread (the log can only
    /// restart from its beginning after a copy that no commit overtook).
    private var limit: Int32 { 4 * threshold }
    /// Log length at which the next background copy is asked for; touched by the writer's commits only.
    private var nextCopyAt: Int32 = 0
    /// The writer, for the copy that lets the log restart (set once the pool is open).
    weak var pool: DatabasePool?

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var requested = false
    private var restartRequested = false
    private var copying = false
    private var copyingOnWriter = false
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

    /// Whether the thread has asked for or holds the writer for the copy that restarts the log.
    var isCopyingOnWriter: Bool {
        condition.lock()
        defer { condition.unlock() }
        return copyingOnWriter
    }

    /// After each commit of the writer: `frames` is the log's length since it last restarted.
    private func committed(frames: Int32, writer: OpaquePointer?) {
        if frames < nextCopyAt - threshold { nextCopyAt = 0 }  // the log restarted
        if frames >= 2 * limit {
            // The thread's copy on the writer has not come: copy here, once, as SQLite's own
            // checkpoint would (after a background copy under way, which would make this one give up).
            exclusively { _ = sqlite3_wal_checkpoint_v2(writer, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil) }
            nextCopyAt = 0
        } else if frames >= limit {
            request(restart: true)
        } else if frames >= max(nextCopyAt, threshold) {
            request(restart: false)
            nextCopyAt = frames + threshold
        }
    }

    private func request(restart: Bool) {
        condition.lock()
        defer { condition.unlock() }
        guard !closing else { return }
        if restart {
            guard !restartRequested && !copyingOnWriter else { return }
            restartRequested = true
            copyingOnWriter = true
        }
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
            let restart = restartRequested
            restartRequested = false
            condition.unlock()
            // The bulk of the log is copied beside the commits; for a restart, the rest on the
            // writer, where no commit can overtake it. A failed checkpoint loses nothing: the log
            // keeps the pages and the next one copies them.
            exclusively {
                do {
                    if connection == nil {
                        var configuration = Configuration()
                        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
                        connection = try DatabaseQueue(path: path, configuration: configuration)
                    }
                    _ = try connection?.writeWithoutTransaction { try $0.checkpoint(.passive) }
                } catch {}
            }
            if restart {
                // Not inside `exclusively`: a commit waiting for the writer may need it.
                pool?.writeWithoutTransaction { db in
                    _ = sqlite3_wal_checkpoint_v2(db.sqliteConnection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                }
                condition.lock()
                copyingOnWriter = false
                restarts += 1
                condition.broadcast()
                condition.unlock()
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

    /// Copies made on the writer so far (tests).
    private(set) var restarts = 0

    /// Waits until no copy is asked for or running (tests).
    func wait() {
        condition.lock()
        defer { condition.unlock() }
        while requested || copying || copyingOnWriter { condition.wait() }
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
