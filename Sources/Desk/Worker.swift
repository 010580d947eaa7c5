import Foundation
import Model
import Pipeline
import Registry
import Text

/// What became of an uploaded file, as its row on the Входящие page shows it.
public struct UploadStatus: Sendable, Hashable {
    public enum State: String, Sendable { case queued, processed, rejected, duplicate, failed }
    public var id: String
    public var name: String
    public var state: State
    public var message: String
    /// The file's page (`/file/<id>`), once it is recorded.
    public var link: String?
}

/// The pipeline of the desk, on a thread of its own: the files uploaded (at once, in parallel on the
/// pipeline's pool) and whatever is dropped into the inbox folder (as `watch` does), one pipeline and
/// one registry for both.
public final class DeskWorker: @unchecked Sendable {
    public let pipeline: FolderPipeline
    let registry: any RegistryStore
    private let watcher: InboxWatcher
    // Sound: `queue`, `statuses`, `byFile`, `order` and `stopped` are only touched while `lock` is held.
    private let lock = NSCondition()
    private var queue: [(relative: String, sha256: String)] = []
    private var statuses: [String: UploadStatus] = [:]
    private var byFile: [String: (id: String, sha256: String)] = [:]
    private var order: [String] = []
    private var stopped = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)
    /// Statuses kept for the page (the oldest finished ones are forgotten first).
    static let keptStatuses = 2000

    public init(options: ServeOptions) throws(PipelineError) {
        try options.home.prepare()
        // The registry the command opened (`serve --registry`), else the home's SQLite file.
        pipeline = try FolderPipeline(options: options.pipeline)
        registry = pipeline.registry
        watcher = InboxWatcher(folder: options.home.inbox)
        watcher.settle = options.settle
    }

    /// Starts the thread; what an ended process left is taken over first.
    public func start() {
        let t = Thread { [self] in
            _ = pipeline.resumeInterrupted()
            loop()
            finished.signal()
        }
        t.name = "kartograf-desk-pipeline"
        thread = t
        t.start()
    }

    /// Stops after the file in hand and gives up the pipeline's folders.
    public func stop() {
        lock.withLock { stopped = true; lock.broadcast() }
        if thread != nil { finished.wait() }
        pipeline.close()
    }

    /// Uploads waiting now.
    var queued: Int { lock.withLock { queue.count } }

    /// Notes an upload just put into the inbox as `relative`, to be processed at once.
    func enqueue(id: String, name: String, relative: String, sha256: String) {
        lock.withLock {
            statuses[id] = UploadStatus(id: id, name: name, state: .queued, message: "в очереди на обработку")
            order.append(id)
            byFile[relative] = (id, sha256)
            queue.append((relative, sha256))
            if order.count > Self.keptStatuses {
                let old = order.removeFirst()
                statuses[old] = nil
            }
            lock.broadcast()
        }
    }

    func status(_ id: String) -> UploadStatus? { lock.withLock { statuses[id] } }

    private func loop() {
        while true {
            let batch: [(relative: String, sha256: String)] = lock.withLock {
                queue.isEmpty ? [] : { defer { queue.removeAll() }; return queue }()
            }
            if lock.withLock({ stopped }) || pipeline.stopReason != nil {
                for upload in batch { noteStopped(upload.relative) }
                return
            }
            if !batch.isEmpty {
                let files = batch.compactMap { InboxFile(path: PathText.appending(pipeline.options.inbox, $0.relative),
                                                         relative: $0.relative) }
                let summary = pipeline.run(files: files)
                for (file, report) in zip(files, summary.files) {
                    if report.outcome == .postponed { watcher.retry(file) } else { watcher.markTaken(file) }
                    noteOutcome(report)
                }
                continue
            }
            for file in watcher.nextReady() {
                let report = pipeline.process(file)
                if report.outcome == .postponed { watcher.retry(file) } else { watcher.markTaken(file) }
                noteOutcome(report)
                if lock.withLock({ stopped }) { return }
            }
        }
    }

    /// Records that an uploaded file was not processed because the pipeline stopped (the desk is closing).
    private func noteStopped(_ relative: String) {
        guard let reason = pipeline.stopReason else { return }
        lock.withLock {
            guard let (id, _) = byFile[relative], var s = statuses[id] else { return }
            s.state = .failed
            s.message = "не обработан: обработка остановлена — \(reason.description) Файл остался во входящих."
            statuses[id] = s
            byFile[relative] = nil
        }
    }

    /// Records what became of an uploaded file, with a link to its page.
    private func noteOutcome(_ report: FileReport) {
        guard let (id, sha256) = lock.withLock({ byFile[report.file] }) else { return }
        var state: UploadStatus.State
        var message: String
        switch report.outcome {
        case .processed:
            state = .processed
            let counts = report.diagnostics
            message = "обработан: " + Page.countsText(counts)
            if let organization = report.organization { message += "; организация «\(organization)»" }
            else { message += "; организация не распознана" }
        case .rejected:
            state = .rejected
            message = "отклонён: " + (report.reason ?? "файл не читается")
        case .skipped:
            state = .duplicate
            message = "уже получен ранее" + (report.duplicateOf.map { " как «\($0)»" } ?? "") + ": повторно не обрабатывается"
        case .failed:
            state = .failed
            message = "не обработан: " + (report.reason ?? "ошибка обработки") + "; файл остался во входящих"
        case .vanished:
            // Another kartograf (`run`, `watch`) on the same home may have taken it: then it is recorded.
            if let first = (try? registry.firstArrival(sha256: sha256)) ?? nil {
                state = first.outcome == .rejected ? .rejected : .processed
                message = "обработан другим процессом kartograf" + (first.reason.map { ": \($0)" } ?? "")
            } else {
                state = .failed
                message = "файл исчез из папки входящих до обработки"
            }
        case .postponed:
            // Left for later, unless the pipeline has stopped: then it waits for the next start.
            if pipeline.stopReason != nil { noteStopped(report.file) }
            return
        }
        let first = (try? registry.firstArrival(sha256: sha256)) ?? nil
        let link = first.map { "/file/\($0.id)" }
        lock.withLock {
            guard var s = statuses[id] else { return }
            s.state = state
            s.message = message
            s.link = link
            statuses[id] = s
            byFile[report.file] = nil
        }
    }
}
