import Deadlines
import Extraction
import Foundation
import JSON
import Model
import Organisations
import Recognition
import Registry
import Reports
import Text

/// The methodist's corrections as a library: each call checks what it is given, keeps the correction in
/// the registry with who and when, changes what the registry says of the file, learns what is to be
/// learned (name forms into the roster, headings and column headers into the home's lexicon) and
/// rewrites the file's protocols with the corrections marked «исправлено методистом».
///
/// Files are named by their registry id (`KnownInput.id`), documents by their place in the file, items
/// by their place among the document's items (`Document.allItems`), as the file's export lists them.
public final class CorrectionDesk: Sendable {
    /// The results folder (the home): registry, exports, protocols, roster, lexicon.
    public let output: String
    public let registry: any RegistryStore
    /// The protocol writers used to rewrite a corrected file's protocols.
    public let protocolWriters: [any ProtocolWriter]
    let layout: OutputLayout
    /// One file's outputs rewritten at a time: each rewrite reads the registry after its correction committed,
    /// so the last one to run has every correction (a web app calls the desk from several requests at once).
    private let rewriting = Locked(())

    /// Converts a stored .doc/.rtf/.odt again, to read it with learned words; `nil` without LibreOffice.
    public let converter: LegacyConverter?

    public init(output: String, registry: (any RegistryStore)? = nil,
                protocolWriters: [any ProtocolWriter] = DocxProtocolWriter.standard,
                converter: LegacyConverter? = LegacyConverter.find()) throws(CorrectionError) {
        self.output = output
        layout = OutputLayout(root: output)
        self.protocolWriters = protocolWriters
        self.converter = converter
        if let registry {
            self.registry = registry
        } else {
            guard FileManager.default.fileExists(atPath: layout.registry) else { throw .noRegistry(output) }
            do { self.registry = try Registry(path: layout.registry) } catch { throw .registry("\(error)") }
        }
    }

    /// Where learned name forms go: the roster of the results folder.
    public var rosterPath: String { PathText.appending(output, Roster.fileName) }
    /// Where learned headers and headings go.
    public var lexiconPath: String { HomeLexicon.path(in: output) }

    // MARK: Reading

    /// A file as the desk shows it: the registry's row, its documents, its export with every correction
    /// applied, what became of each correction, and the protocol's marks.
    public struct FileView: Sendable {
        public var input: KnownInput
        public var documents: [DocumentSummary]
        /// The export as read from the file (the JSON beside the protocol).
        public var original: Export
        /// The same with the corrections applied.
        public var export: Export
        public var outcomes: [CorrectionOutcome]
        public var marks: [ProtocolCorrection]
    }

    public func file(_ id: Int64) throws(CorrectionError) -> FileView {
        let (input, documents) = try guarded { (try registry.input(id: id), try registry.documents(inputId: id)) }
        guard let input, input.outcome == .processed else { throw .noFile(id) }
        let original = try export(of: input)
        let corrections = try self.corrections(for: input)
        let applied = CorrectionApplier().apply(corrections, to: original, inputId: id)
        return FileView(input: input, documents: documents, original: original, export: applied.export,
                        outcomes: applied.outcomes, marks: applied.marks)
    }

    /// The corrections that bear on a file: those made on it, and those made on earlier versions of its
    /// school's file (by its organisation), oldest first.
    func corrections(for input: KnownInput) throws(CorrectionError) -> [Correction] {
        try guarded {
            let own = try registry.corrections(inputId: input.id)
            guard let organization = input.organization else { return own }
            let school = try registry.read { try $0.corrections(organization: organization) }
                .filter { $0.inputId < input.id || $0.inputId == input.id }
            return Array(Set(own + school)).sorted { $0.id < $1.id }
        }
    }

    // MARK: Corrections

    /// Files a file (or one of its documents) under `organization`. The name the file used for itself is
    /// learned: added to the roster's forms of that organisation when the home has a roster, and kept with
    /// the correction, so that the next file written that way is filed there without help.
    @discardableResult
    public func assignOrganization(file id: Int64, document: Int? = nil, to organization: String, author: String,
                                   note: String? = nil) throws(CorrectionError) -> Correction {
        let view = try file(id)
        guard let name = TextNormalizer.singleLine(organization), !name.isEmpty else { throw .empty("организация") }
        if let document { try check(document: document, in: view) }
        let stated = document.map { view.original.documents[$0].organization }
            ?? FolderPipeline.organization(of: view.original, fileName: view.input.name)
        let form = TextNormalizer.singleLine(stated ?? nil)
        let correction = try keep(Correction(
            kind: .organization, inputId: id, document: document, organization: name,
            documentKind: document.map { view.original.documents[$0].kind }, subject: form, value: name, note: note,
            author: author, createdAt: Self.now())) { tx in
            try tx.assignOrganization(inputId: id, document: document, organization: name)
        }
        if let form, form != name { try learn(form: form, for: name) }
        try refresh(id)
        return correction
    }

    /// Sets an item's status for a quarter, with a note; the quarter's documents show it.
    @discardableResult
    public func setItemStatus(file id: Int64, document: Int, item: Int, quarter: Quarter, status: ItemStatus,
                              note: String? = nil, author: String) throws(CorrectionError) -> Correction {
        let view = try file(id)
        let found = try self.item(document: document, item: item, in: view)
        let correction = try keep(Correction(
            kind: .itemStatus, inputId: id, document: document, organization: view.input.organization,
            documentKind: view.original.documents[document].kind, item: ItemReference(found), quarter: quarter.description,
            value: status.russian, note: note, author: author, createdAt: Self.now())) { _ in }
        try refresh(id)
        return correction
    }

    /// Dismisses a finding of the file (as its export lists it) for a reason.
    @discardableResult
    public func dismissDiagnostic(file id: Int64, _ diagnostic: Diagnostic, reason: String,
                                  author: String) throws(CorrectionError) -> Correction {
        let view = try file(id)
        guard let reason = TextNormalizer.singleLine(reason), !reason.isEmpty else { throw .empty("причина") }
        guard view.export.diagnostics.contains(diagnostic) else { throw .noDiagnostic(diagnostic.message) }
        var reference: ItemReference?
        if let d = diagnostic.document, let label = diagnostic.item, view.original.documents.indices.contains(d) {
            let items = view.original.documents[d].allItems.map(\.item)
            if let k = items.indices.first(where: { CorrectionApplier.itemLabel(view.original.documents[d], $0) == label }) {
                reference = ItemReference(items[k])
            }
        }
        let correction = try keep(Correction(
            kind: .dismissal, inputId: id, document: diagnostic.document, organization: view.input.organization,
            documentKind: diagnostic.document.flatMap { view.original.documents.indices.contains($0) ? view.original.documents[$0].kind : nil },
            item: reference, code: diagnostic.code.rawValue, subject: diagnostic.text ?? "", value: "отклонено",
            note: reason, author: author, createdAt: Self.now())) { _ in }
        try refresh(id)
        return correction
    }

    /// What a corrected deadline reads as: kinds, dates and the parser's findings.
    public struct DeadlineResult: Sendable {
        public var correction: Correction
        public var deadline: Deadline
        public var diagnostics: [Diagnostic]
    }

    /// Corrects an item's deadline text; it is parsed at once within the document's period and the
    /// registry's dates of the item change with it.
    public func correctDeadline(file id: Int64, document: Int, item: Int, text: String,
                                author: String, note: String? = nil) throws(CorrectionError) -> DeadlineResult {
        let view = try file(id)
        let found = try self.item(document: document, item: item, in: view)
        guard let text = TextNormalizer.singleLine(text), !text.isEmpty else { throw .empty("срок") }
        let parsed = DeadlineParser().parse(text, period: view.original.documents[document].period)
        let correction = try keep(Correction(
            kind: .deadline, inputId: id, document: document, organization: view.input.organization,
            documentKind: view.original.documents[document].kind, item: ItemReference(found),
            subject: found.deadline.text ?? "", value: text, note: note, author: author, createdAt: Self.now())) { tx in
            try tx.setDeadline(inputId: id, document: document, item: item, deadline: parsed.value)
        }
        try refresh(id)
        return DeadlineResult(correction: correction, deadline: parsed.value, diagnostics: parsed.diagnostics)
    }

    /// Assigns a table column whose header was not recognised to its field (`HomeLexicon.columnFields`):
    /// the header is learned into the home's lexicon, so that the next file headed that way is read.
    @discardableResult
    public func assignColumn(file id: Int64, document: Int? = nil, header: String, field: String,
                             author: String) throws(CorrectionError) -> Correction {
        let view = try file(id)
        if let document { try check(document: document, in: view) }
        guard HomeLexicon.columnFields.contains(field) else { throw .unknownField(field) }
        guard let header = TextNormalizer.singleLine(header), !header.isEmpty else { throw .empty("заголовок столбца") }
        do { _ = try HomeLexicon(path: lexiconPath).learningColumn(header, field: field) } catch { throw .data(error.message) }
        let correction = try keep(Correction(
            kind: .column, inputId: id, document: document, organization: view.input.organization,
            documentKind: document.map { view.original.documents[$0].kind }, subject: header, value: field,
            author: author, createdAt: Self.now())) { _ in }
        if canReread(view.input) { _ = try reread(file: id) } else { try refresh(id) }
        return correction
    }

    /// Assigns a document whose kind was missed to its kind; its heading's first words are learned into
    /// the home's lexicon, so that the next school writing it is recognised without help.
    @discardableResult
    public func assignDocumentKind(file id: Int64, document: Int, kind: DocumentKind, heading: String? = nil,
                                   author: String) throws(CorrectionError) -> Correction {
        let view = try file(id)
        try check(document: document, in: view)
        let wording = TextNormalizer.singleLine(heading ?? view.original.documents[document].title)
        if let wording, !wording.isEmpty {
            do { _ = try HomeLexicon(path: lexiconPath).learningTitle(wording, kind: kind) } catch { throw .data(error.message) }
        }
        let correction = try keep(Correction(
            kind: .documentKind, inputId: id, document: document, organization: view.input.organization,
            documentKind: view.original.documents[document].kind, subject: wording.map(HomeLexicon.titleWords),
            value: kind.rawValue, author: author, createdAt: Self.now())) { tx in
            try tx.setDocumentKind(inputId: id, document: document, kind: kind)
        }
        if canReread(view.input) { _ = try reread(file: id) } else { try refresh(id) }
        return correction
    }

    /// Whether a file can be read again from its stored copy (one converted from .doc/.rtf/.odt only where
    /// LibreOffice is there to convert it again; else its next version is read with the learned words).
    public func canReread(_ input: KnownInput) -> Bool {
        (!input.converted || converter != nil) && FileManager.default.fileExists(atPath: layout.path(input.storedPath))
    }

    /// Reads a file again from its stored copy with the home's learned words (after a column or a document
    /// kind was taught): its export, its registry rows and its protocols are replaced, the corrections made
    /// on it and its school's earlier ones applied again. Returns the file as now read.
    @discardableResult
    public func reread(file id: Int64) throws(CorrectionError) -> FileView {
        let view = try file(id)
        guard canReread(view.input) else { throw .cannotReread(view.input.name) }
        let lexicon: HomeLexicon
        do { lexicon = try HomeLexicon(path: lexiconPath) } catch { throw .data(error.message) }
        let extractor = Extractor(configuration: ExtractConfiguration(learned: lexicon))
        var export: Export
        if view.input.converted, let converter {
            let work: WorkFolder
            do { work = try WorkFolder(in: layout.temp) } catch { throw .io(layout.temp, error.description) }
            defer { work.remove() }
            guard let docx = converter.convert(source: layout.path(view.input.storedPath),
                                               workFolder: work.temporaryPath(".convert")) else {
                throw .unreadable(view.input.storedPath, "LibreOffice не смог снова преобразовать его в .docx")
            }
            export = extractor.extract(path: docx, displayName: view.input.name)
        } else {
            export = extractor.extract(path: layout.path(view.input.storedPath), displayName: view.input.name)
        }
        export.sha256 = view.input.sha256
        guard !export.isUnreadable else { throw .unreadable(view.input.storedPath, "файл больше не читается") }
        if let exportPath = view.input.exportPath {
            var json: [UInt8]
            do { json = try JSONWriter().bytes(export) } catch { throw .io(exportPath, "\(error)") }
            json.append(0x0A)
            try write(json, to: layout.path(exportPath))
        }
        let corrections = try self.corrections(for: view.input)
        let applied = CorrectionApplier().apply(corrections, to: export, inputId: id)
        try guarded { try registry.transaction { tx in
            try tx.replaceContent(inputId: id, export: applied.export)
            // A kind the methodist set stays set where the document is still there under its heading.
            for c in corrections where c.kind == .documentKind && c.inputId == id {
                guard let d = c.document, export.documents.indices.contains(d), let kind = DocumentKind(rawValue: c.value),
                      export.documents[d].kind != kind, CorrectionApplier.isHeaded(export.documents[d], by: c.subject) else { continue }
                try tx.setDocumentKind(inputId: id, document: d, kind: kind)
            }
        } }
        try refresh(id)
        return try file(id)
    }

    /// What became of every correction tried on a file (as recorded by the run or the last correction).
    public func outcomes(file id: Int64) throws(CorrectionError) -> [CorrectionOutcome] {
        try guarded { try registry.correctionOutcomes(inputId: id) }
    }

    /// Corrections that did not apply to the latest file they were tried on: the methodist's list of what
    /// to look at again after a school sent a new version. Each with that file's outcome.
    public func notApplicable() throws(CorrectionError) -> [CorrectionOutcome] {
        var latest: [Int64: CorrectionOutcome] = [:]
        for input in try files() {
            for outcome in try outcomes(file: input.id) { latest[outcome.correction.id] = outcome }
        }
        return latest.values.filter { !$0.state.isApplied }.sorted { $0.correction.id < $1.correction.id }
    }

    /// Every processed file, oldest first.
    public func files() throws(CorrectionError) -> [KnownInput] {
        try guarded { try registry.read { try $0.processedInputs() } }
    }

    /// Every correction kept, oldest first.
    public func all() throws(CorrectionError) -> [Correction] {
        try guarded { try registry.allCorrections() }
    }

    // MARK: Steps

    /// Keeps a correction and the registry changes it makes in one transaction.
    private func keep(_ correction: Correction, _ change: @escaping (any RegistryRecording) throws -> Void)
        throws(CorrectionError) -> Correction {
        guard !correction.author.trimmingCharacters(in: .whitespaces).isEmpty else { throw .empty("кто исправил") }
        return try guarded { try registry.transaction { tx in
            try change(tx)
            return try tx.add(correction)
        } }
    }

    /// Records what became of the file's corrections now and rewrites its protocols with their marks.
    func refresh(_ id: Int64) throws(CorrectionError) {
        do {
            try rewriting.withLock { _ in try rewrite(id) }
        } catch let error as CorrectionError {
            throw error
        } catch {
            throw .registry("\(error)")
        }
    }

    private func rewrite(_ id: Int64) throws(CorrectionError) {
        let view = try file(id)
        try guarded { try registry.transaction { tx in
            try tx.record(outcomes: view.outcomes)
            try tx.replaceDiagnostics(inputId: id, view.export.diagnostics)
        } }
        guard let protocolPath = view.input.protocolPath else { return }
        let base = protocolPath.hasSuffix(".protocol.docx") ? String(protocolPath.dropLast(".protocol.docx".count))
            : PathText.parent(protocolPath) + "/" + SafeName.stem(ofFile: view.input.name)
        var context = ProtocolContext(fileName: view.input.name, organization: view.input.organization,
                                      checkedAt: FolderPipeline.timestamp(), converted: view.input.converted)
        context.corrections = view.marks
        for writer in protocolWriters {
            let path = layout.path(base + writer.fileSuffix)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            try write(writer.render(view.export, context: context), to: path)
        }
    }

    /// Writes a file under a temporary name beside it and renames it into place.
    private func write(_ bytes: [UInt8], to path: String) throws(CorrectionError) {
        let temp = path + ".tmp-\(getpid())"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temp))
            guard rename(temp, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            unlink(temp)
            throw .io(path, error.localizedDescription)
        }
    }

    /// Adds the name form to the home's roster, when it has one (without one, the correction kept in the
    /// registry is what files the next file written that way).
    private func learn(form: String, for organization: String) throws(CorrectionError) {
        guard FileManager.default.fileExists(atPath: rosterPath) else { return }
        let roster: Roster
        do { roster = try Roster.load(path: rosterPath) } catch {
            throw .data("Не удалось прочитать список организаций «\(rosterPath)»: \(error.localizedDescription).")
        }
        let learned = roster.learning(form: form, for: organization)
        guard learned != roster else { return }
        try write(Array(learned.csvText.utf8), to: rosterPath)
    }

    private func export(of input: KnownInput) throws(CorrectionError) -> Export {
        guard let path = input.exportPath else { throw .noFile(input.id) }
        let full = layout.path(path)
        guard let data = FileManager.default.contents(atPath: full),
              let json = try? JSONParser.parse(bytes: [UInt8](data)), let export = ExportJSON.export(json) else {
            throw .io(full, "выгрузка не прочитана")
        }
        return export
    }

    private func check(document: Int, in view: FileView) throws(CorrectionError) {
        guard view.original.documents.indices.contains(document) else { throw .noDocument(document, view.input.name) }
    }

    private func item(document: Int, item: Int, in view: FileView) throws(CorrectionError) -> Item {
        try check(document: document, in: view)
        let items = view.original.documents[document].allItems
        guard items.indices.contains(item) else { throw .noItem(item, view.input.name) }
        return items[item].item
    }

    private func guarded<T>(_ body: () throws -> T) throws(CorrectionError) -> T {
        do { return try body() } catch let e as CorrectionError { throw e } catch { throw .registry("\(error)") }
    }

    static func now() -> String { FolderPipeline.timestamp(iso: true) }
}

/// Why a correction was refused, in Russian.
public enum CorrectionError: Error, Sendable, Equatable, CustomStringConvertible {
    case noRegistry(String)
    case noFile(Int64)
    case noDocument(Int, String)
    case noItem(Int, String)
    case noDiagnostic(String)
    case unknownField(String)
    case cannotReread(String)
    /// A stored file that could not be read again: its path and why.
    case unreadable(String, String)
    case empty(String)
    case data(String)
    case io(String, String)
    case registry(String)

    public var description: String {
        switch self {
        case let .noRegistry(folder):
            return "В папке «\(folder)» нет реестра: сначала обработайте файлы командой «kartograf run»."
        case let .noFile(id): return "Файла № \(id) нет в реестре среди обработанных: проверьте номер («kartograf correct list»)."
        case let .noDocument(d, name): return "В файле «\(name)» нет документа № \(d + 1)."
        case let .noItem(i, name): return "В документе файла «\(name)» нет пункта с порядковым номером \(i + 1)."
        case let .noDiagnostic(message): return "Такого замечания у файла нет: «\(message)»."
        case let .unknownField(field):
            return "Поле «\(field)» неизвестно: допустимы \(HomeLexicon.columnFields.joined(separator: ", "))."
        case let .cannotReread(name):
            return "Файл «\(name)» нельзя прочитать заново (он был преобразован из старого формата, а LibreOffice не установлен, "
                + "или его копии нет в «\(OutputLayout.processedFolder)»): выученные слова применятся к следующей версии файла."
        case let .empty(what): return "Не указано: \(what)."
        case let .data(message): return message
        case let .io(path, reason): return "Не удалось записать «\(path)»: \(reason)."
        case let .unreadable(path, reason): return "Не удалось прочитать заново «\(path)»: \(reason)."
        case let .registry(message): return message
        }
    }
}
