import Extraction
import Foundation
import JSON
import Model
import Reports
import OOXML
import Organisations
import Recognition
import Registry
import Text

/// Settings of the folder pipeline.
public struct PipelineOptions: Sendable {
    public var inbox: String
    public var output: String
    /// Copy inputs into the output instead of moving them (the inbox stays as it was).
    public var keepInputs: Bool
    public var workers: Int
    public var extractor: Extractor
    public var converter: LegacyConverter?
    /// Each writes one form of the check protocol beside the export (DOCX and HTML by default).
    public var protocolWriters: [any ProtocolWriter]
    /// The registry to record in; `nil` opens the SQLite one in the output folder.
    public var registry: (any RegistryStore)?
    /// The municipality's organisations: files are filed under their roster names, and a name that
    /// matches none of them is an `organisation.not-in-roster` diagnostic. Without one, organisations
    /// are learned from the names the files give (`OrganisationIndex`).
    public var roster: Roster?

    public init(inbox: String, output: String, keepInputs: Bool = false,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                extractor: Extractor = Extractor(), converter: LegacyConverter? = LegacyConverter.find(),
                protocolWriters: [any ProtocolWriter] = DocxProtocolWriter.standard, roster: Roster? = nil) {
        self.inbox = inbox
        self.output = output
        self.keepInputs = keepInputs
        self.workers = max(1, workers)
        self.extractor = extractor
        self.converter = converter
        self.protocolWriters = protocolWriters.isEmpty ? DocxProtocolWriter.standard : protocolWriters
        self.roster = roster
    }
}

/// The methodist's folder: every input of the inbox becomes an export and a protocol in its
/// organisation's folder, recorded in the registry, and is then moved out of the inbox.
///
/// Several processes (`run`, `watch`, …) may work on one inbox and output at once:
/// - an input is claimed by renaming it into this process's claim folder in the inbox
///   (`.kartograf/<process>/`), which only one process can do;
/// - extraction runs in parallel on a bounded pool, and writes its outputs under temporary names
///   in this process's work folder (`.kartograf-tmp/<process>/`);
/// - one group of files at a time (those prepared while the last group was committed), a registry
///   transaction decides each file's output names, renames them into place and records the file with
///   where its input lies now; after the commit the inputs are renamed to their recorded places, and
///   the next transaction notes that.
/// A process killed at any moment leaves a dead folder, which the next process takes over
/// (`resumeInterrupted`): it finishes the moves of committed files, removes outputs renamed into
/// place by a transaction that never committed, and puts unfinished claims back into the inbox.
public final class FolderPipeline: Sendable {
    public let options: PipelineOptions
    public let layout: OutputLayout
    public let registry: any RegistryStore
    /// This process's folder under the output: temporary outputs, stored copies not yet in place.
    let work: WorkFolder
    /// This process's claims in the inbox (`nil` when inputs are copied and stay).
    let claims: WorkFolder?
    private let commitLock = NSLock()
    /// Set by the first failure that stops the run (a full disk, an unusable registry).
    private let stopper = Locked<PipelineError?>(nil)
    /// Inputs put in place whose rows still say otherwise: marked in the next file's transaction
    /// (or by `flushMoves`), so that a group of files costs one commit.
    private let movedUnmarked = Locked<[Int64]>([])
    /// Whether some committed input of this process could not be put in place (left to the next process).
    private let unfinished = Locked(false)
    /// Whether a transaction's outcome is unknown (the connection to the registry's server was lost while
    /// it ran): the work folder then stays, even empty, so that the next process takes it over as a dead
    /// one's and removes the outputs that transaction renamed into place if it did not commit.
    private let outcomeUnknown = Locked(false)
    /// The content hashes the registry held when this process started, and those it recorded since: asking
    /// the registry for every file before extracting it cost a tenth of a run (a read transaction each).
    private let knownDigests: Locked<Set<String>>
    /// The roster's organisations, when there is one (read-only, used in parallel).
    private let rosterIndex: OrganisationIndex?
    /// Without a roster: organisations learned from the names recorded so far (loaded at the first
    /// file, then grown by each file's commit, which runs one at a time).
    private let learned = Locked<OrganisationIndex?>(nil)
    /// What the methodist taught: the extractor with the home's lexicon, and the corrections kept
    /// (read when the pipeline starts and at each `runInbox` and `process`, not per file).
    private let taught: Locked<Taught>

    struct Taught {
        var extractor: Extractor
        /// The lexicon file's modification time when read.
        var lexiconStamp: Double?
        var corrections: [Correction]
        /// The organisations corrections were made for, as names are compared (a later file may name its
        /// school in another form than the one it was filed under); `byOrganization` by the index's identities.
        var organizations = OrganisationIndex()
        var byOrganization: [Int: [Correction]] = [:]
        /// Name forms files used, by `Registry.organizationKey`, and the organisation a methodist filed them under.
        var forms: [String: String]
    }

    public init(options: PipelineOptions) throws(PipelineError) {
        self.options = options
        layout = OutputLayout(root: options.output)
        rosterIndex = options.roster.map { OrganisationIndex(roster: $0) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.inbox, isDirectory: &isFolder), isFolder.boolValue else {
            throw PipelineError.inboxMissing(options.inbox)
        }
        if let a = realpath(options.inbox, nil), let b = realpath(options.output, nil) {
            defer { free(a); free(b) }
            if strcmp(a, b) == 0 { throw PipelineError.sameFolder(options.inbox) }
        }
        try Files.ensureFolder(options.output)
        do {
            registry = try options.registry ?? Registry(path: layout.registry)
        } catch {
            throw PipelineError(error)
        }
        do {
            knownDigests = Locked(try registry.read { try $0.recordedDigests() })
        } catch {
            throw PipelineError(error)
        }
        taught = Locked(Taught(extractor: options.extractor, lexiconStamp: nil, corrections: [], forms: [:]))
        work = try WorkFolder(in: layout.temp)
        claims = options.keepInputs ? nil : try WorkFolder(in: PathText.appending(options.inbox, Files.inboxStateFolder))
        try refreshTaught()
    }

    deinit { close() }

    /// Gives up this process's folders. Claims not put back and stored copies not yet in place
    /// stay for the next process to take over.
    public func close() {
        work.remove(keepingFiles: unfinished.withLock { $0 }, evenEmpty: outcomeUnknown.withLock { $0 })
        claims?.remove(keepingFiles: true)
    }

    /// The input files now in the inbox and its subfolders, and the files left alone.
    public func scanInbox() -> InboxScan { Files.scan(options.inbox) }

    /// The input files now in the inbox.
    public func pendingInputs() -> [InboxFile] { scanInbox().files }

    /// The failure that stopped the run, if one did.
    public var stopReason: PipelineError? { stopper.withLock { $0 } }

    func stop(because error: PipelineError) {
        guard error.stopsTheRun else { return }
        stopper.withLock { if $0 == nil { $0 = error } }
    }

    // MARK: Batch

    /// The main job: takes over what ended processes left, then processes every input of the inbox
    /// (`run`). `progress(done, total)` is called after each file; `shouldStop` is asked before each
    /// new file is taken.
    public func runInbox(progress: (@Sendable (Int, Int) -> Void)? = nil,
                         shouldStop: @escaping @Sendable () -> Bool = { false }) -> RunSummary {
        refreshTaughtNotingProblem()
        let resumed = resumeInterrupted()
        let scan = scanInbox()
        var summary = run(files: scan.files, ignored: scan.ignored, progress: progress, shouldStop: shouldStop)
        summary.resumed = resumed
        if let problem = taughtProblem { summary.notices.append(problem) }
        return summary
    }

    /// Processes `files` on the worker pool. `progress(done, total)` is called after each
    /// file; `shouldStop` is asked before each new file is taken.
    public func run(files: [InboxFile], ignored: [IgnoredFile] = [], progress: (@Sendable (Int, Int) -> Void)? = nil,
                    shouldStop: @escaping @Sendable () -> Bool = { false }) -> RunSummary {
        let start = Date()
        let next = Counter()
        let reports = Locked<[Int: FileReport]>([:])
        let total = files.count
        let workers = min(options.workers, max(1, total))
        // Prepared files wait here for their transaction. Whoever commits takes every file waiting into
        // one transaction, while the other workers go on preparing; a worker waits for the commit only
        // when as many files as a group holds are waiting already (they hold their exports in memory).
        let waiting = Locked<[(index: Int, prepared: Prepared)]>([])
        let commitWaiting: @Sendable (Bool) -> Void = { [self] mustWait in
            while true {
                if mustWait {
                    commitLock.lock()
                } else if !commitLock.try() {
                    return
                }
                let group = waiting.withLock { list in
                    let group = list.prefix(Self.groupLimit)
                    list.removeFirst(group.count)
                    return Array(group)
                }
                let done = group.isEmpty ? [] : commit(group.map(\.prepared))
                commitLock.unlock()
                for (entry, report) in zip(group, done) {
                    let count = reports.withLock { list -> Int in list[entry.index] = report; return list.count }
                    progress?(count, total)
                }
                // A file another worker left here while this one committed is committed next.
                if waiting.withLock({ $0.isEmpty }) { return }
            }
        }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while !shouldStop() && stopReason == nil {
                let index = next.next() - 1
                guard index < total else { break }
                let prepared = prepare(files[index])
                let count = waiting.withLock { list -> Int in list.append((index, prepared)); return list.count }
                commitWaiting(count >= Self.groupLimit)
            }
        }
        commitWaiting(true)
        flushMoves()
        let stopped = stopReason
        let done = reports.withLock { $0 }
        let list = files.indices.map { index in
            done[index] ?? FileReport(postponed: files[index],
                                      reason: stopped == nil ? "запуск остановлен до этого файла" : "не обработан: запуск остановлен")
        }
        return RunSummary(files: list, ignored: ignored, seconds: Date().timeIntervalSince(start),
                          stopReason: stopped?.description)
    }

    /// Processes one file and notes its move at once (for `watch`, one file at a time).
    public func process(_ file: InboxFile) -> FileReport {
        refreshTaughtNotingProblem()
        let prepared = prepare(file)
        commitLock.lock()
        let report = commit([prepared])[0]
        commitLock.unlock()
        flushMoves()
        return report
    }

    /// Why what the methodist taught could not be read again before the last file (files are then read with
    /// what was read before), in Russian; `nil` when it was.
    public var taughtProblem: String? { taughtFailure.withLock { $0 } }
    private let taughtFailure = Locked<String?>(nil)

    private func refreshTaughtNotingProblem() {
        do {
            try refreshTaught()
            taughtFailure.withLock { $0 = nil }
        } catch {
            taughtFailure.withLock { $0 = error.description + " Файлы читаются без последних исправлений методиста." }
        }
    }

    /// Reads again what the methodist taught: the home's lexicon (when its file changed) and the corrections.
    /// A lexicon that cannot be read is an error (the one read before stays in use).
    public func refreshTaught() throws(PipelineError) {
        let path = HomeLexicon.path(in: options.output)
        let stamp = FileStat(path: path).map(\.modified)
        let corrections: [Correction]
        do { corrections = try registry.allCorrections() } catch { throw PipelineError(error) }
        var forms: [String: String] = [:]
        for c in corrections where c.kind == .organization {
            if let form = c.subject { forms[Registry.organizationKey(form)] = c.value }
        }
        var lexicon: HomeLexicon?
        if options.extractor.configuration.learned == nil, stamp != nil, stamp != taught.withLock({ $0.lexiconStamp }) {
            do { lexicon = try HomeLexicon(path: path) } catch { throw .io(action: "прочитать словарь распознавания", path: path, reason: error.message) }
        }
        var organizations = OrganisationIndex()
        var byOrganization: [Int: [Correction]] = [:]
        for c in corrections where [.itemStatus, .dismissal, .deadline].contains(c.kind) {
            guard let name = c.organization else { continue }
            switch organizations.resolve(name) {
            case let .known(i), let .learned(i): byOrganization[i, default: []].append(c)
            case .notInRoster: continue
            }
        }
        taught.withLock { t in
            t.corrections = corrections
            t.organizations = organizations
            t.byOrganization = byOrganization
            t.forms = forms
            if let lexicon {
                t.extractor.configuration.learned = lexicon
                t.lexiconStamp = stamp
            }
        }
    }

    // MARK: Stage 1, in parallel: claim, hash, look up, extract, render

    struct Prepared {
        enum Outcome {
            case vanished
            /// Its size or time changed while it was read: a writer is still at it.
            case changing
            case failed(PipelineError)
            case known(sha256: String)
            case extracted(sha256: String, Export, converted: Bool, organization: String?,
                           exportTemp: String, protocolTemps: [String], corrections: [CorrectionOutcome])
        }

        var file: InboxFile
        /// Where the input's bytes are now: this process's claim, or the inbox when inputs stay.
        var source: String
        var stat: FileStat?
        /// When inputs stay: the copy to store, in the work folder.
        var copyTemp: String?
        var outcome: Outcome

        var temporaries: [String] {
            var list = copyTemp.map { [$0] } ?? []
            if case let .extracted(_, _, _, _, exportTemp, protocolTemps, _) = outcome {
                list += [exportTemp] + protocolTemps
            }
            return list
        }
    }

    func prepare(_ file: InboxFile) -> Prepared {
        var prepared = Prepared(file: file, source: file.path, outcome: .vanished)
        if let claims {
            let claimed = PathText.appending(claims.path, file.relative)
            do {
                try Files.ensureFolder(PathText.parent(claimed))
            } catch {
                prepared.outcome = .failed(error)
                return prepared
            }
            // The claim: of several processes renaming the same file, one succeeds.
            guard rename(file.path, claimed) == 0 else {
                let code = errno
                if code != ENOENT { prepared.outcome = .failed(.system("перенести файл", file.path, code)) }
                return prepared
            }
            prepared.source = claimed
        }
        guard let before = FileStat(path: prepared.source) else { return prepared }
        prepared.stat = before

        // The file is read once: hashed, then extracted from the same bytes. One too large to hold
        // (or unreadable now) is hashed as a stream and left to the extractor to explain.
        let bytes = try? DocxReader.loadFile(path: prepared.source,
                                             limit: options.extractor.configuration.limits.maxFileBytes)
        guard let sha = bytes.map(Fingerprint.sha256) ?? Fingerprint.sha256(fileAt: prepared.source) else { return prepared }
        guard FileStat(path: prepared.source) == before else {
            prepared.outcome = .changing
            return prepared
        }
        // Bytes recorded before this process started or by it: not extracted again. Those another
        // process records meanwhile only cost the extraction, as the commit asks the registry again.
        if knownDigests.withLock({ $0.contains(sha) }) {
            prepared.outcome = .known(sha256: sha)
            return prepared
        }

        let taught = self.taught.withLock { $0 }
        let extractor = taught.extractor
        var export: Export
        var converted = false
        let ext = PathText.pathExtension(file.name).lowercased()
        if InboxFilter.legacyExtensions.contains(ext), let converter = options.converter,
           ZipCompleteness.state(path: prepared.source) == .notZip || ext == "odt" {
            let folder = work.temporaryPath(".convert")
            defer { try? FileManager.default.removeItem(atPath: folder) }
            if let docx = converter.convert(source: prepared.source, workFolder: folder) {
                export = extractor.extract(path: docx, displayName: file.name)
                converted = true
            } else {
                export = extractor.extract(path: prepared.source, displayName: file.name)
            }
        } else if let bytes {
            export = extractor.extract(bytes: bytes, fileName: file.name, sha256: sha)
        } else {
            export = extractor.extract(path: prepared.source, displayName: file.name)
        }
        if converted || export.sha256.isEmpty { export.sha256 = sha }

        var organization = Self.organization(of: export, fileName: file.name)
        // A name form a methodist filed under an organisation before.
        var filedByMethodist = false
        if !taught.forms.isEmpty, let name = organization, let filed = taught.forms[Registry.organizationKey(name)] {
            organization = filed
            filedByMethodist = true
        }
        if let index = rosterIndex, let name = organization {
            // The first spelling the roster knows; the file's first when it knows none.
            let candidates = (filedByMethodist ? [name] : []) + Self.organizationCandidates(of: export, fileName: file.name)
            if let known = candidates.lazy.compactMap(index.match).first {
                organization = index.identities[known].name
            } else {
                organization = index.name(of: .notInRoster(name))
                export.diagnostics.append(Diagnostic(.organisationNotInRoster, field: .document, text: name, message:
                    "Организация «\(name)» не найдена в списке организаций: файл «\(file.name)» не отнесён ни к одной из них "
                    + "и в квартальной сводке будет помечен «не распознана». Проверьте название в документе или добавьте "
                    + "это написание в список организаций (столбец «другие написания»).", document: 0))
            }
        }
        // The school's corrections, applied again where their items still match; the export file keeps
        // what the file says, the protocol and the registry the corrected reading.
        let original = export
        var outcomes: [CorrectionOutcome] = []
        var context = ProtocolContext(fileName: file.name, organization: organization,
                                      checkedAt: Self.timestamp(), converted: converted)
        if let organization, !export.isUnreadable, !taught.byOrganization.isEmpty, let i = taught.organizations.match(organization) {
            let school = taught.byOrganization[i] ?? []
            if !school.isEmpty {
                let applied = CorrectionApplier().apply(school, to: export, inputId: 0)
                export = applied.export
                outcomes = applied.outcomes
                context.corrections = applied.marks
            }
        }
        // Outputs are written here, in parallel, under temporary names; the serial stage only renames them.
        var written: [String] = []
        do {
            // Streamed: a 100,000-row roadmap's export is never held whole.
            let exportTemp = work.temporaryPath()
            let exportFile = try NewFile(exportTemp)
            try JSONWriter().write(original) { try exportFile.write($0) }
            try exportFile.write([0x0A])
            try exportFile.finish()
            written.append(exportTemp)
            var protocolTemps: [String] = []
            if !export.isUnreadable {
                for writer in options.protocolWriters {
                    let temp = work.temporaryPath()
                    try Files.write(writer.render(export, context: context), to: temp)
                    written.append(temp)
                    protocolTemps.append(temp)
                }
            }
            if options.keepInputs {
                // The stored copy is made of the bytes that were read, so it is what was registered.
                let copy = work.temporaryPath()
                if let bytes { try Files.write(bytes, to: copy) } else { try Files.copy(prepared.source, to: copy) }
                written.append(copy)
                prepared.copyTemp = copy
            }
            prepared.outcome = .extracted(sha256: export.sha256, export, converted: converted,
                                          organization: organization, exportTemp: exportTemp,
                                          protocolTemps: protocolTemps, corrections: outcomes)
        } catch {
            for temp in written { unlink(temp) }
            prepared.copyTemp = nil
            prepared.outcome = .failed(error as? PipelineError
                ?? .io(action: "записать выгрузку файла", path: file.relative, reason: "\(error)"))
        }
        return prepared
    }

    /// The organisation a file belongs to: the first of `organizationCandidates`.
    static func organization(of export: Export, fileName: String = "") -> String? {
        for d in export.documents {
            if let name = TextNormalizer.singleLine(d.organization), !name.isEmpty { return name }
        }
        return organizationCandidates(of: export, fileName: fileName).first
    }

    /// The names a file gives its organisation, most telling first: what its documents name, then
    /// names found in their titles in any form (`NameLexicon.find`: full, genitive, capitals), then
    /// one found in the file's name («СОШ1 отчёт 3 кв.docx»).
    static func organizationCandidates(of export: Export, fileName: String) -> [String] {
        var out: [String] = []
        func add(_ name: String?) {
            if let name = TextNormalizer.singleLine(name), !name.isEmpty, !out.contains(name) { out.append(name) }
        }
        for d in export.documents { add(d.organization) }
        for d in export.documents { add(NameLexicon.shared.find(in: d.title)) }
        if !fileName.isEmpty {
            let stem = fileName.lastIndex(of: ".").map { String(fileName[..<$0]) } ?? fileName
            add(NameLexicon.shared.find(in: stem))
        }
        return out
    }

    /// The name a file's organisation is filed under: the roster's (already chosen when preparing),
    /// else the first spelling of the organisation learned from earlier files. Runs in the serial stage.
    private func filedName(_ name: String, in tx: any RegistryRecording) throws -> String {
        if rosterIndex != nil { return name }
        return try learned.withLock { index in
            if index == nil { index = OrganisationIndex(roster: nil, learning: try tx.organizationNames()) }
            let resolution = index!.resolve(name)
            return index!.name(of: resolution)
        }
    }

    // MARK: Stage 2, one group of files at a time: outputs, registry, move

    /// What a file's transaction decided: its report, and where its input goes once committed.
    private struct Decision {
        var report: FileReport
        var move: (storedPath: String, id: Int64)?
    }

    /// The most files one transaction records: a transaction's commit (on PostgreSQL a flush of the
    /// server's log to disk and a round trip) is shared by the files of its group.
    static let groupLimit = 16

    /// Records a group of prepared files in one registry transaction, then puts their inputs in place.
    /// Should the transaction fail for a reason that does not stop the run, each file is committed again
    /// alone, so that one file's failure is that file's only.
    func commit(_ group: [Prepared]) -> [FileReport] {
        var reports = [FileReport?](repeating: nil, count: group.count)
        var recording: [(index: Int, sha256: String)] = []
        for (index, prepared) in group.enumerated() {
            switch settledBeforeCommit(prepared) {
            case let .report(report): reports[index] = report
            case let .record(sha256): recording.append((index, sha256))
            }
        }
        // Temporary outputs not renamed into place (a repeated, rejected or failed file) are removed;
        // not a stored copy a committed row names as its source until it is in place.
        var keep: Set<String> = []
        var retried: Set<Int> = []
        defer {
            for (index, prepared) in group.enumerated() where !retried.contains(index) {
                for temp in prepared.temporaries where !keep.contains(temp) { unlink(temp) }
            }
        }
        guard !recording.isEmpty else { return reports.map { $0! } }

        let marks = movedUnmarked.withLock { $0 }
        var installed: [Installed] = []
        let decisions: [Decision]
        var committing = false
        do {
            decisions = try registry.transaction { tx in
                try tx.markMoved(ids: marks)
                let decided = try recording.map {
                    try decide(group[$0.index], sha256: $0.sha256, installed: &installed, in: tx)
                }
                committing = true
                return decided
            }
        } catch {
            let failure = PipelineError(error)
            if committing, case .registry(.unreachable) = failure {
                // The connection was lost while the transaction committed: whether the server committed it is
                // unknown. Everything stays as a killed process leaves it (outputs in place, inputs claimed,
                // temporaries and the work folder kept) for the next process's takeover, which reads the
                // registry to settle each file. (Lost before, it was rolled back: the files go back below.)
                outcomeUnknown.withLock { $0 = true }
                unfinished.withLock { $0 = true }
                for (index, _) in recording {
                    keep.formUnion(group[index].temporaries)
                    reports[index] = FileReport(postponed: group[index].file, reason: "связь с сервером реестра "
                        + "прервалась, пока файл записывался; следующий запуск проверит, записан ли он, и закончит его обработку")
                }
                stop(because: failure)
                return reports.map { $0! }
            }
            // Rolled back: what its transaction renamed into place belongs to no record.
            for file in installed.reversed() {
                if let temp = file.temp, rename(file.path, temp) == 0 { continue }
                unlink(file.path)
            }
            if recording.count > 1 && !failure.stopsTheRun {
                for (index, _) in recording {
                    retried.insert(index)
                    reports[index] = commit([group[index]])[0]
                }
                return reports.map { $0! }
            }
            for (index, _) in recording {
                release(group[index])
                reports[index] = FileReport(failed: group[index].file, failure)
            }
            stop(because: failure)
            return reports.map { $0! }
        }
        movedUnmarked.withLock { $0.removeFirst(marks.count) }
        knownDigests.withLock { $0.formUnion(recording.map(\.sha256)) }
        for ((index, _), decision) in zip(recording, decisions) {
            let prepared = group[index]
            reports[index] = decision.report
            guard let move = decision.move else { continue }
            let stored = prepared.copyTemp ?? prepared.source
            keep.insert(stored)
            do {
                try Files.move(stored, to: layout.path(move.storedPath)) { work.temporaryPath() }
            } catch {
                // Recorded with where the input lies; the next process puts it in place.
                unfinished.withLock { $0 = true }
                stop(because: error)
                var report = decision.report
                report.reason = "записан в реестр, но не перенесён в «\(move.storedPath)» (\(error.description)); "
                    + "это будет сделано при следующем запуске"
                reports[index] = report
                continue
            }
            movedUnmarked.withLock { $0.append(move.id) }
        }
        return reports.map { $0! }
    }

    /// A file renamed into place by a transaction: from its temporary name (put back there should the
    /// transaction roll back), or written for it (removed then).
    struct Installed {
        var path: String
        var temp: String?
    }

    private enum BeforeCommit {
        case report(FileReport)
        case record(sha256: String)
    }

    /// What becomes of a prepared file without asking the registry, or that it is to be recorded.
    private func settledBeforeCommit(_ prepared: Prepared) -> BeforeCommit {
        let file = prepared.file
        if let stopped = stopReason {
            release(prepared)
            return .report(FileReport(postponed: file, reason: "не обработан: \(stopped.description)"))
        }
        let sha256: String
        switch prepared.outcome {
        case .vanished:
            return .report(FileReport(file: file.relative, outcome: .vanished))
        case .changing:
            release(prepared)
            return .report(FileReport(postponed: file, reason: "файл ещё записывается: оставлен во входящих"))
        case let .failed(error):
            release(prepared)
            stop(because: error)
            return .report(FileReport(failed: file, error))
        case let .known(sha), let .extracted(sha, _, _, _, _, _, _):
            sha256 = sha
        }
        guard FileStat(path: prepared.source) == prepared.stat else {
            release(prepared)
            return .report(FileReport(postponed: file, reason: "файл ещё записывается: оставлен во входящих"))
        }
        return .record(sha256: sha256)
    }

    /// One file's part of a transaction: recorded as processed, rejected or a repeat.
    private func decide(_ prepared: Prepared, sha256: String, installed: inout [Installed],
                        in tx: any RegistryRecording) throws -> Decision {
        // Another worker or process may have committed the same bytes meanwhile (or this group, before).
        let first = try tx.firstArrival(sha256: sha256)
        guard first == nil, case let .extracted(_, export, converted, organization, exportTemp, protocolTemps,
                                                corrections) = prepared.outcome else {
            return try recordKnown(prepared, sha256: sha256, first: first, in: tx)
        }
        if export.isUnreadable {
            return try recordRejected(prepared, sha256: sha256, export: export, converted: converted,
                                      installed: &installed, in: tx)
        }
        return try recordProcessed(prepared, sha256: sha256, export: export, converted: converted,
                                   organization: organization, exportTemp: exportTemp, protocolTemps: protocolTemps,
                                   corrections: corrections, installed: &installed, in: tx)
    }

    /// Puts a claimed input back where it was found (beside, if a new file took its name meanwhile).
    private func release(_ prepared: Prepared) {
        guard claims != nil, prepared.source != prepared.file.path, Files.exists(prepared.source) else { return }
        // Should that fail, the input stays in the claim folder, which `close` keeps for the next
        // process to put back.
        try? Files.move(prepared.source, to: Files.free(prepared.file.path)) { work.temporaryPath() }
    }

    /// Marks the inputs moved since the last transaction.
    func flushMoves() {
        commitLock.lock()
        defer { commitLock.unlock() }
        let marks = movedUnmarked.withLock { $0 }
        guard !marks.isEmpty else { return }
        do {
            try registry.transaction { try $0.markMoved(ids: marks) }
            movedUnmarked.withLock { $0.removeFirst(marks.count) }
        } catch {
            // The rows stay unmarked; their inputs are in place, which the next process finds.
            stop(because: PipelineError(error))
        }
    }

    private func recordProcessed(_ prepared: Prepared, sha256: String, export: Export, converted: Bool,
                                 organization: String?, exportTemp: String, protocolTemps: [String],
                                 corrections: [CorrectionOutcome],
                                 installed: inout [Installed], in tx: any RegistryRecording) throws -> Decision {
        let file = prepared.file
        let organization = try organization.map { try filedName($0, in: tx) }
        let folder = OutputLayout.organizationsFolder + "/"
            + SafeName.make(organization ?? OutputLayout.noOrganization, fallback: OutputLayout.noOrganization)
        let stem = SafeName.stem(ofFile: file.name)
        var exportPath = "", protocolPaths: [String] = []
        for n in 1... {
            let base = folder + "/" + (n == 1 ? stem : "\(stem) (\(n))")
            exportPath = base + ".json"
            protocolPaths = options.protocolWriters.map { base + $0.fileSuffix }
            if try !tx.isClaimed(anyOf: [exportPath] + protocolPaths) { break }
        }
        for (temp, path) in zip([exportTemp] + protocolTemps, [exportPath] + protocolPaths) {
            try Files.install(temp, at: layout.path(path))
            installed.append(Installed(path: layout.path(path), temp: temp))
        }
        let protocolPath = protocolPaths.first ?? ""

        let storedPath = try freePath(in: storedFolder(OutputLayout.processedFolder, file), name: file.name, tx: tx)
        let id = try tx.record(Submission(
            sha256: sha256, name: file.name, size: file.size, receivedAt: Self.timestamp(iso: true),
            modifiedAt: file.modified, outcome: .processed, converted: converted, organization: organization,
            storedPath: storedPath, exportPath: exportPath, protocolPath: protocolPath, export: export,
            folder: file.folder, sourcePath: prepared.copyTemp ?? prepared.source))
        try tx.record(outcomes: corrections.map { CorrectionOutcome(correction: $0.correction, inputId: id, state: $0.state) })

        var report = FileReport(file: file.relative, outcome: .processed)
        report.organization = organization
        report.exportPath = exportPath
        report.protocolPath = protocolPath
        report.storedPath = storedPath
        report.converted = converted
        report.diagnostics = export.severityCounts
        return Decision(report: report, move: (storedPath, id))
    }

    private func recordRejected(_ prepared: Prepared, sha256: String, export: Export, converted: Bool,
                                installed: inout [Installed], in tx: any RegistryRecording) throws -> Decision {
        let file = prepared.file
        let reason = export.diagnostics.first { $0.code == .fileUnreadable || $0.code == .fileUnsupportedFormat }
            ?? export.diagnostics[0]
        let storedPath = try freePath(in: storedFolder(OutputLayout.rejectedFolder, file), name: file.name,
                                      extraSuffix: OutputLayout.reasonSuffix, tx: tx)
        let reasonPath = storedPath + OutputLayout.reasonSuffix
        let text = """
            Файл «\(file.relative)» отклонён (\(reason.code.rawValue)).
            \(reason.message)
            Сам файл сохранён без изменений рядом: «\(PathText.lastComponent(storedPath))».

            """
        let temp = work.temporaryPath()
        try Files.write(Array(text.utf8), to: temp)
        do {
            try Files.install(temp, at: layout.path(reasonPath))
        } catch {
            unlink(temp)
            throw error
        }
        installed.append(Installed(path: layout.path(reasonPath)))
        let id = try tx.record(Submission(
            sha256: sha256, name: file.name, size: file.size, receivedAt: Self.timestamp(iso: true),
            modifiedAt: file.modified, outcome: .rejected, converted: converted, storedPath: storedPath,
            reasonPath: reasonPath, reason: reason, export: export,
            folder: file.folder, sourcePath: prepared.copyTemp ?? prepared.source))

        var report = FileReport(file: file.relative, outcome: .rejected)
        report.storedPath = storedPath
        report.reasonPath = reasonPath
        report.reasonCode = reason.code.rawValue
        report.reason = reason.message
        report.converted = converted
        return Decision(report: report, move: (storedPath, id))
    }

    /// Bytes the registry already has: the arrival is recorded as a repeat and the input set aside
    /// (when inputs stay, nothing is recorded).
    private func recordKnown(_ prepared: Prepared, sha256: String, first: KnownInput?,
                             in tx: any RegistryRecording) throws -> Decision {
        let file = prepared.file
        var report = FileReport(file: file.relative, outcome: .skipped)
        report.duplicateOf = first?.name
        report.organization = first?.organization
        guard claims != nil else { return Decision(report: report) }
        let storedPath = try freePath(in: storedFolder(OutputLayout.repeatsFolder, file), name: file.name, tx: tx)
        let id = try tx.record(Submission(
            sha256: sha256, name: file.name, size: file.size, receivedAt: Self.timestamp(iso: true),
            modifiedAt: file.modified, outcome: .duplicate, organization: first?.organization,
            storedPath: storedPath, folder: file.folder, sourcePath: prepared.source))
        report.storedPath = storedPath
        return Decision(report: report, move: (storedPath, id))
    }

    /// `Обработанные`, or `Обработанные/Школа 5` for a file of the inbox's subfolder `Школа 5`.
    private func storedFolder(_ base: String, _ file: InboxFile) -> String {
        guard let folder = file.folder else { return base }
        return ([base] + folder.split(separator: "/").map { SafeName.make(String($0)) }).joined(separator: "/")
    }

    /// A path `folder/name` claimed by no recorded file and absent on disk (`name (2)`… otherwise).
    private func freePath(in folder: String, name: String, extraSuffix: String = "",
                          tx: any RegistryRecording) throws -> String {
        let safe = SafeName.file(name)
        var n = 1
        while true {
            let candidate = folder + "/" + SafeName.numbered(safe, n)
            if try !tx.isClaimed(anyOf: [candidate]), !Files.exists(layout.path(candidate)),
               extraSuffix.isEmpty || !Files.exists(layout.path(candidate + extraSuffix)) {
                return candidate
            }
            n += 1
        }
    }

    /// Now in UTC: `2026-01-31T10:00:00Z`, or `2026-01-31 10:00` for people.
    static func timestamp(iso: Bool = false) -> String {
        var now = time(nil)
        var t = tm()
        gmtime_r(&now, &t)
        func pad(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let date = "\(t.tm_year + 1900)-\(pad(t.tm_mon + 1))-\(pad(t.tm_mday))"
        return iso ? "\(date)T\(pad(t.tm_hour)):\(pad(t.tm_min)):\(pad(t.tm_sec))Z"
                   : "\(date) \(pad(t.tm_hour)):\(pad(t.tm_min))"
    }
}
