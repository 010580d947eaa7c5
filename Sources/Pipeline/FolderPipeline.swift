import Extraction
import Foundation
import JSON
import Model
import Reports
import OOXML
import Organisations
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

/// The methodist's folder: every input of the inbox becomes an export and a
/// protocol in its organisation's folder, recorded in the registry, and is then
/// moved out of the inbox.
///
/// Extraction runs in parallel on a bounded pool; what touches the output folder
/// and the registry runs one file at a time: outputs are written under temporary
/// names and renamed, the registry is updated in one transaction, and only then is
/// the input moved. A killed run leaves at worst a committed file not yet moved,
/// which the next run finishes (`resumeInterrupted`).
public final class FolderPipeline: Sendable {
    public let options: PipelineOptions
    public let layout: OutputLayout
    public let registry: Registry
    private let commitLock = NSLock()
    /// The roster's organisations, when there is one (read-only, used in parallel).
    private let rosterIndex: OrganisationIndex?
    /// Without a roster: organisations learned from the names recorded so far (loaded at the first
    /// file, then grown by each file's commit, which runs one at a time).
    private let learned = Locked<OrganisationIndex?>(nil)

    public init(options: PipelineOptions) throws {
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
        do {
            try Files.ensureFolder(layout.temp)
            TempNames.sweep(layout.temp)
        } catch {
            throw PipelineError.io("не удалось создать папку «\(options.output)»: \(error.localizedDescription)")
        }
        do {
            registry = try Registry(path: layout.registry)
        } catch {
            throw PipelineError.registry("не удалось открыть «\(layout.registry)»: \(error)")
        }
    }

    /// The input files now in the inbox.
    public func pendingInputs() -> [InboxFile] { Files.inputs(in: options.inbox) }

    // MARK: Batch

    /// Processes `files` on the worker pool. `progress(done, total)` is called after each
    /// file; `shouldStop` is asked before each new file is taken.
    public func run(files: [InboxFile], progress: (@Sendable (Int, Int) -> Void)? = nil,
                    shouldStop: @escaping @Sendable () -> Bool = { false }) -> RunSummary {
        let start = Date()
        let resumed = resumeInterrupted()
        let next = Counter()
        let reports = Locked<[FileReport]>([])
        let total = files.count
        let workers = min(options.workers, max(1, total))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // A worker that finds the serial stage busy prepares its next file instead of
            // waiting, and commits what it has ready at its next turn. Up to six files, so that a commit
            // that waits for the disk (a checkpoint's fsync, milliseconds) does not stop the other core.
            var ready: [Prepared] = []
            while true {
                let index = shouldStop() ? total : next.next() - 1
                let more = index < total
                if more { ready.append(prepare(files[index])) }
                if ready.isEmpty { break }
                if more && ready.count < 6 {
                    guard !registry.isCopyingLog, commitLock.try() else { continue }
                } else {
                    commitLock.lock()
                }
                let committed = ready.map(commit)
                commitLock.unlock()
                ready.removeAll()
                for report in committed {
                    let done = reports.withLock { list -> Int in list.append(report); return list.count }
                    progress?(done, total)
                }
            }
        }
        flushMoves()
        // In the order given (names are unique within the inbox).
        let order = Dictionary(files.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let list = reports.withLock { $0 }.sorted { (order[$0.file] ?? 0) < (order[$1.file] ?? 0) }
        return RunSummary(files: list, seconds: Date().timeIntervalSince(start), resumed: resumed)
    }

    /// Processes one file and settles the registry's journal (for `watch`, one file at a time).
    public func process(_ file: InboxFile) -> FileReport {
        let prepared = prepare(file)
        commitLock.lock()
        let report = commit(prepared)
        commitLock.unlock()
        flushMoves()
        return report
    }

    // MARK: Resuming

    /// Finishes the moves of files an interrupted run had recorded but not moved.
    @discardableResult
    public func resumeInterrupted() -> Int {
        commitLock.lock()
        defer { commitLock.unlock() }
        guard let pending = try? registry.pendingMoves() else { return 0 }
        var finished = 0
        for row in pending {
            let source = PathText.appending(options.inbox, row.name)
            let target = layout.path(row.storedPath)
            if Files.exists(source), Fingerprint.sha256(fileAt: source) == row.sha256 {
                if Files.exists(target) {
                    if !options.keepInputs { unlink(source) }
                } else {
                    try? place(source, at: target)
                }
            }
            if (try? registry.markMoved(id: row.id)) != nil { finished += 1 }
        }
        return finished
    }

    // MARK: Stage 1, in parallel: hash, look up, extract, render

    enum Prepared {
        case vanished(InboxFile)
        case known(InboxFile, sha256: String)
        case extracted(InboxFile, sha256: String, Export, converted: Bool, organization: String?,
                       exportTemp: String, protocolTemps: [String])
        case failed(InboxFile, String)
    }

    func prepare(_ file: InboxFile) -> Prepared {
        // The file is read once: hashed, then extracted from the same bytes. One too large
        // to hold (or unreadable now) is hashed as a stream and left to the extractor to explain.
        let bytes = try? DocxReader.loadFile(path: file.path, limit: options.extractor.configuration.limits.maxFileBytes)
        guard let sha = bytes.map(Fingerprint.sha256) ?? Fingerprint.sha256(fileAt: file.path) else { return .vanished(file) }
        if registry.mayKnow(sha256: sha), (try? registry.firstArrival(sha256: sha)) != nil { return .known(file, sha256: sha) }

        var export: Export
        var converted = false
        let ext = PathText.pathExtension(file.name).lowercased()
        if InboxFilter.legacyExtensions.contains(ext), let converter = options.converter,
           ZipCompleteness.state(path: file.path) == .notZip || ext == "odt" {
            let work = TempNames.next(in: layout.temp) + ".convert"
            defer { try? FileManager.default.removeItem(atPath: work) }
            if let docx = converter.convert(source: file.path, workFolder: work) {
                export = options.extractor.extract(path: docx, displayName: file.name)
                converted = true
            } else {
                export = options.extractor.extract(path: file.path, displayName: file.name)
            }
        } else if let bytes {
            export = options.extractor.extract(bytes: bytes, fileName: file.name, sha256: sha)
        } else {
            export = options.extractor.extract(path: file.path, displayName: file.name)
        }
        if converted || export.sha256.isEmpty { export.sha256 = sha }

        var organization = Self.organization(of: export, fileName: file.name)
        if let index = rosterIndex, let name = organization {
            // The first spelling the roster knows; the file's first when it knows none.
            if let known = Self.organizationCandidates(of: export, fileName: file.name).lazy.compactMap(index.match).first {
                organization = index.identities[known].name
            } else {
                organization = index.name(of: .notInRoster(name))
                export.diagnostics.append(Diagnostic(.organisationNotInRoster, field: .document, text: name, message:
                    "Организация «\(name)» не найдена в списке организаций: файл «\(file.name)» не отнесён ни к одной из них "
                    + "и в квартальной сводке будет помечен «не распознана». Проверьте название в документе или добавьте "
                    + "это написание в список организаций (столбец «другие написания»).", document: 0))
            }
        }
        let context = ProtocolContext(fileName: file.name, organization: organization,
                                      checkedAt: Self.timestamp(), converted: converted)
        // Outputs are written here, in parallel, under temporary names; the serial stage only renames them.
        do {
            var json = try JSONWriter().bytes(export)
            json.append(0x0A)
            let exportTemp = try Files.writeTemporary(json, in: layout.temp)
            let protocolTemps = export.isUnreadable ? [] : try options.protocolWriters.map {
                try Files.writeTemporary($0.render(export, context: context), in: layout.temp)
            }
            return .extracted(file, sha256: export.sha256, export, converted: converted, organization: organization,
                              exportTemp: exportTemp, protocolTemps: protocolTemps)
        } catch {
            return .failed(file, "\(error)")
        }
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
    private func filedName(_ name: String, in tx: RegistryTransaction) throws -> String {
        if rosterIndex != nil { return name }
        return try learned.withLock { index in
            if index == nil { index = OrganisationIndex(roster: nil, learning: try tx.organizationNames()) }
            let resolution = index!.resolve(name)
            return index!.name(of: resolution)
        }
    }

    // MARK: Stage 2, one file at a time: outputs, registry, move

    /// What a file's transaction decided: its report, and where its input goes once committed.
    private struct Decision {
        var report: FileReport
        var move: (storedPath: String, id: Int64)?
    }

    func commit(_ prepared: Prepared) -> FileReport {
        switch prepared {
        case let .vanished(file):
            return FileReport(file: file.name, outcome: .vanished)
        case let .known(file, sha):
            return commitKnown(file, sha256: sha)
        case let .failed(file, reason):
            var report = FileReport(file: file.name, outcome: .failed)
            report.reason = "Файл «\(file.name)» не обработан и оставлен во входящих: \(reason)"
            return report
        case let .extracted(file, sha, export, converted, organization, exportTemp, protocolTemps):
            // Outputs not renamed into place (a vanished, repeated, rejected or failed file) are removed.
            var installed = false
            defer { if !installed { for temp in [exportTemp] + protocolTemps { unlink(temp) } } }
            guard Files.exists(file.path) else { return FileReport(file: file.name, outcome: .vanished) }
            let report = decide(file, failure: "не обработан и оставлен во входящих") { tx in
                // Another worker may have committed the same bytes meanwhile.
                if let first = try tx.firstArrival(sha256: sha) { return try self.recordKnown(file, sha256: sha, first: first, in: tx) }
                if export.isUnreadable {
                    return try self.recordRejected(file, sha256: sha, export: export, converted: converted, in: tx)
                }
                return try self.recordProcessed(file, sha256: sha, export: export, converted: converted,
                                                organization: organization, exportTemp: exportTemp,
                                                protocolTemps: protocolTemps, in: tx)
            }
            installed = report.outcome == .processed
            return report
        }
    }

    /// Inputs moved whose rows still say otherwise: marked in the next file's transaction (or by
    /// `flushMoves`), so that each file costs one commit. A run killed before that leaves them to
    /// `resumeInterrupted`, which finds them already in place.
    private let movedUnmarked = Locked<[Int64]>([])

    /// Runs a file's registry work in one transaction, together with the moved marks of the
    /// files before it; then moves the input to the place recorded.
    private func decide(_ file: InboxFile, failure: String, _ body: (RegistryTransaction) throws -> Decision) -> FileReport {
        let marks = movedUnmarked.withLock { $0 }
        let decision: Decision
        do {
            decision = try registry.transaction { tx in
                try tx.markMoved(ids: marks)
                return try body(tx)
            }
        } catch {
            var report = FileReport(file: file.name, outcome: .failed)
            report.reason = "Файл «\(file.name)» \(failure): \(error)"
            return report
        }
        movedUnmarked.withLock { $0.removeFirst(marks.count) }
        guard let move = decision.move else { return decision.report }
        do {
            try place(file.path, at: layout.path(move.storedPath))
        } catch {
            var report = decision.report
            report.outcome = .failed
            report.reason = "Файл «\(file.name)» \(failure): \(error)"
            return report
        }
        movedUnmarked.withLock { $0.append(move.id) }
        return decision.report
    }

    /// Marks the inputs moved since the last transaction.
    func flushMoves() {
        commitLock.lock()
        defer { commitLock.unlock() }
        let marks = movedUnmarked.withLock { $0 }
        guard !marks.isEmpty, (try? registry.transaction { try $0.markMoved(ids: marks) }) != nil else { return }
        movedUnmarked.withLock { $0.removeFirst(marks.count) }
    }

    private func recordProcessed(_ file: InboxFile, sha256: String, export: Export, converted: Bool, organization: String?,
                                 exportTemp: String, protocolTemps: [String], in tx: RegistryTransaction) throws -> Decision {
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
        try Files.install(exportTemp, at: layout.path(exportPath))
        for (temp, path) in zip(protocolTemps, protocolPaths) { try Files.install(temp, at: layout.path(path)) }
        let protocolPath = protocolPaths.first ?? ""

        let storedPath = try freePath(in: OutputLayout.processedFolder, name: file.name, tx: tx)
        let id = try tx.record(Submission(
            sha256: sha256, name: file.name, size: file.size, receivedAt: Self.timestamp(iso: true),
            modifiedAt: file.modified, outcome: .processed, converted: converted, organization: organization,
            storedPath: storedPath, exportPath: exportPath, protocolPath: protocolPath, export: export))

        var report = FileReport(file: file.name, outcome: .processed)
        report.organization = organization
        report.exportPath = exportPath
        report.protocolPath = protocolPath
        report.storedPath = storedPath
        report.converted = converted
        report.diagnostics = export.severityCounts
        return Decision(report: report, move: (storedPath, id))
    }

    private func recordRejected(_ file: InboxFile, sha256: String, export: Export, converted: Bool,
                                in tx: RegistryTransaction) throws -> Decision {
        let reason = export.diagnostics.first { $0.code == .fileUnreadable || $0.code == .fileUnsupportedFormat }
            ?? export.diagnostics[0]
        let storedPath = try freePath(in: OutputLayout.rejectedFolder, name: file.name,
                                      extraSuffix: OutputLayout.reasonSuffix, tx: tx)
        let reasonPath = storedPath + OutputLayout.reasonSuffix
        let text = """
            Файл «\(file.name)» отклонён (\(reason.code.rawValue)).
            \(reason.message)
            Сам файл сохранён без изменений рядом: «\(PathText.lastComponent(storedPath))».

            """
        try Files.writeAtomically(Array(text.utf8), to: layout.path(reasonPath), tempFolder: layout.temp)
        let id = try tx.record(Submission(
            sha256: sha256, name: file.name, size: file.size, receivedAt: Self.timestamp(iso: true),
            modifiedAt: file.modified, outcome: .rejected, converted: converted, storedPath: storedPath,
            reasonPath: reasonPath, reason: reason, export: export))

        var report = FileReport(file: file.name, outcome: .rejected)
        report.storedPath = storedPath
        report.reasonPath = reasonPath
        report.reasonCode = reason.code.rawValue
        report.reason = reason.message
        report.converted = converted
        return Decision(report: report, move: (storedPath, id))
    }

    private func commitKnown(_ file: InboxFile, sha256: String) -> FileReport {
        guard !options.keepInputs else {
            return knownReport(file, first: try? registry.firstArrival(sha256: sha256))
        }
        return decide(file, failure: "уже обработан ранее, но его не удалось убрать из входящих") { tx in
            try self.recordKnown(file, sha256: sha256, first: tx.firstArrival(sha256: sha256), in: tx)
        }
    }

    /// Bytes the registry already has: the arrival is recorded as a repeat and the input set aside.
    private func recordKnown(_ file: InboxFile, sha256: String, first: KnownInput?,
                             in tx: RegistryTransaction) throws -> Decision {
        var report = knownReport(file, first: first)
        guard !options.keepInputs else { return Decision(report: report) }
        let storedPath = try freePath(in: OutputLayout.repeatsFolder, name: file.name, tx: tx)
        let id = try tx.record(Submission(
            sha256: sha256, name: file.name, size: file.size, receivedAt: Self.timestamp(iso: true),
            modifiedAt: file.modified, outcome: .duplicate, organization: first?.organization,
            storedPath: storedPath))
        report.storedPath = storedPath
        return Decision(report: report, move: (storedPath, id))
    }

    private func knownReport(_ file: InboxFile, first: KnownInput?) -> FileReport {
        var report = FileReport(file: file.name, outcome: .skipped)
        report.duplicateOf = first?.name
        report.organization = first?.organization
        return report
    }

    private func place(_ source: String, at target: String) throws {
        if options.keepInputs {
            try Files.ensureFolder(PathText.parent(target))
            let temp = TempNames.next(in: layout.temp)
            try FileManager.default.copyItem(atPath: source, toPath: temp)
            guard rename(temp, target) == 0 else {
                unlink(temp)
                throw PipelineError.io("не удалось скопировать «\(source)»")
            }
        } else {
            try Files.move(source, to: target, tempFolder: layout.temp)
        }
    }

    /// A path `folder/name` claimed by no recorded file and absent on disk (`name (2)`… otherwise).
    private func freePath(in folder: String, name: String, extraSuffix: String = "",
                          tx: RegistryTransaction) throws -> String {
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
