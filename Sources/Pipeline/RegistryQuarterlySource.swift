import Foundation
import JSON
import Model
import Text
import Organisations
import Registry
import Reports

/// The quarterly report's inputs from the registry `kartograf run` keeps: every roadmap and report
/// recorded, read back from their exports and grouped by organisation (`QuarterlyGrouping`: the roster
/// when one is given, else identities learned from the names in the order the files came).
/// A report arrived on the earlier of the day it was received and its file's modification day.
public struct RegistryQuarterlySource: QuarterlyInputSource {
    public let output: String
    /// Prefix that makes output-relative protocol paths relative to where the summary is written.
    public let linkPrefix: String
    public let roster: Roster?
    /// The registry to read; `nil` opens the SQLite one in `output`.
    public let registry: (any RegistryStore)?

    public init(output: String, linkPrefix: String, roster: Roster? = nil, registry: (any RegistryStore)? = nil) {
        self.registry = registry
        self.output = output
        self.linkPrefix = linkPrefix
        self.roster = roster
    }

    public func inputs(for quarter: Quarter, organization: String?) throws -> Checked<[QuarterlyInput]> {
        let layout = OutputLayout(root: output)
        guard registry != nil || FileManager.default.fileExists(atPath: layout.registry) else {
            return Checked([], diagnostics: [Diagnostic(.fileUnreadable, text: layout.registry,
                message: "В папке «\(output)» нет реестра: сначала обработайте файлы командой «kartograf run».")])
        }
        let registry = try self.registry ?? Registry(path: layout.registry)
        var findings: [Diagnostic] = []
        let counts = try registry.diagnosticCounts()
        let corrections = try registry.allCorrections()
        var exports: [String: Export] = [:]
        var filed: [FiledDocument] = []
        // In the order the files were written (as one run over a folder takes them, and as the registry
        // decides which roadmap is current), whichever process recorded them first.
        let summaries = try registry.documents(kinds: [.roadmap, .report]).sorted {
            ($0.modifiedAt, $0.inputId, $0.position) < ($1.modifiedAt, $1.inputId, $1.position)
        }
        for summary in summaries {
            guard var document = document(summary, exports: &exports, findings: &findings) else { continue }
            // The corrections bearing on its file (its own, and its school's made on earlier versions).
            let bearing = corrections.filter { c in
                c.inputId == summary.inputId
                    || (c.inputId < summary.inputId && summary.organization != nil
                        && c.organization.map(Registry.organizationKey) == summary.organization.map(Registry.organizationKey))
            }
            if !bearing.isEmpty {
                let export = Export(file: summary.inputName, sha256: "", documents: [document])
                // Within a one-document export: the file's own corrections of this document at its place,
                // those of earlier versions found by their document's kind.
                var moved = bearing.filter { $0.inputId != summary.inputId || $0.document == summary.position }
                for i in moved.indices where moved[i].inputId == summary.inputId {
                    moved[i].document = 0
                    moved[i].documentKind = nil
                }
                for i in moved.indices where moved[i].inputId != summary.inputId { moved[i].document = nil }
                document = CorrectionApplier().apply(moved, to: export, inputId: summary.inputId).export.documents[0]
            }
            let protocols = [summary.protocolPath].compactMap { $0 }.flatMap { siblings(of: $0) }.map { linkPrefix + $0 }
            filed.append(FiledDocument(organization: summary.organization ?? summary.statedOrganization,
                                       document: document, arrived: Self.arrival(summary),
                                       file: summary.inputName, diagnostics: counts[summary.inputId] ?? [:],
                                       protocols: protocols))
        }
        var grouped = QuarterlyGrouping.inputs(filed, quarter: quarter, roster: roster, organization: organization)
        let inputNames = Dictionary(try registry.documents(kinds: [.roadmap, .report]).map { ($0.inputId, $0.inputName) },
                                    uniquingKeysWith: { a, _ in a })
        for i in grouped.value.indices {
            let key = Registry.organizationKey(grouped.value[i].organization)
            for c in corrections where c.organization.map(Registry.organizationKey) == key {
                switch c.kind {
                case .itemStatus:
                    guard let item = c.item, let q = c.quarter.flatMap({ Quarter($0) }),
                          let status = ItemStatus(rawValue: c.value) else { continue }
                    grouped.value[i].statusCorrections.append(StatusCorrection(item: item, quarter: q, status: status,
                                                                               note: c.note, byline: c.byline))
                case .organization:
                    let file = inputNames[c.inputId].map { "«\($0)»" } ?? "№ \(c.inputId)"
                    grouped.value[i].correctionNotes.append(
                        "Файл \(file) отнесён к организации «\(c.value)» — исправлено методистом (\(c.byline))"
                        + (c.note.map { ": \($0)" } ?? "") + ".")
                case .documentKind:
                    let file = inputNames[c.inputId].map { "«\($0)»" } ?? "№ \(c.inputId)"
                    grouped.value[i].correctionNotes.append(
                        "Документ файла \(file) прочитан как «\(DocumentKind(rawValue: c.value)?.russian ?? c.value)» — "
                        + "исправлено методистом (\(c.byline)).")
                case .dismissal, .deadline, .column:
                    continue
                }
            }
        }
        return Checked(grouped.value, diagnostics: findings + grouped.diagnostics)
    }

    /// The earlier of the day the file was received and the day it was last modified.
    static func arrival(_ s: DocumentSummary) -> Day? {
        let received = Day(iso: String(s.receivedAt.prefix(10)))
        var modified: Day?
        if s.modifiedAt > 0 {
            var t = time_t(s.modifiedAt)
            var parts = tm()
            gmtime_r(&t, &parts)
            modified = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        }
        switch (received, modified) {
        case let (r?, m?): return min(r, m)
        default: return received ?? modified
        }
    }

    /// The document a registry row stands for, read from its export file (each export read once).
    private func document(_ summary: DocumentSummary, exports: inout [String: Export],
                          findings: inout [Diagnostic]) -> Document? {
        guard let path = summary.exportPath else { return nil }
        if exports[path] == nil {
            let full = OutputLayout(root: output).path(path)
            guard let data = FileManager.default.contents(atPath: full),
                  let json = try? JSONParser.parse(bytes: [UInt8](data)), let export = ExportJSON.export(json) else {
                findings.append(Diagnostic(.fileUnreadable, text: path, message: "Выгрузка «\(path)» из реестра не прочитана."))
                return nil
            }
            exports[path] = export
        }
        let documents = exports[path]!.documents
        // By its place in the file; its kind is the registry's (a methodist may have corrected it).
        if documents.indices.contains(summary.position), documents[summary.position].title == summary.title {
            var document = documents[summary.position]
            document.kind = summary.kind
            return document
        }
        let candidates = documents.filter { $0.kind == summary.kind }
        return candidates.first { $0.title == summary.title } ?? candidates.first
    }

    /// A protocol's forms: `x.protocol.docx` and the `x.protocol.html` beside it.
    private func siblings(of path: String) -> [String] {
        guard path.hasSuffix(".docx") else { return [path] }
        let html = String(path.dropLast(5)) + ".html"
        return FileManager.default.fileExists(atPath: OutputLayout(root: output).path(html)) ? [path, html] : [path]
    }
}
