import Deadlines
import Foundation
import JSON
import Model
import Text

/// Quarterly inputs read from a folder of `roadmap-export/1` JSON files (what `kartograf extract` prints).
///
/// Documents are grouped by their organisation (the file name when a document names none).
/// The current roadmap is the one whose period contains the quarter, else the last one read;
/// the latest report is the one whose period ends last. Protocol links are the other files of the
/// folder whose names begin with an export's name (`school1.json` → `school1.protocol.docx`).
/// A deadline written without its parse (text only, no kinds) is parsed here within its document's period.
public struct ExportFolderSource: QuarterlyInputSource {
    public let directory: String
    /// Prefix put before protocol file names in links (relative to where the summary is written).
    public let linkPrefix: String

    public init(directory: String, linkPrefix: String = "") {
        self.directory = directory
        self.linkPrefix = linkPrefix
    }

    private struct Gathered {
        var roadmaps: [Document] = []
        var reports: [Document] = []
        var diagnostics: [Severity: Int] = [:]
        var protocols: [String] = []
    }

    public func inputs(for quarter: Quarter, organization: String?) throws -> Checked<[QuarterlyInput]> {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var findings: [Diagnostic] = []
        var byOrg: [String: Gathered] = [:]
        var order: [String] = []
        // Other files by each prefix that ends before a dot: «a.protocol.docx» under «a» and «a.protocol».
        var byStem: [String: [String]] = [:]
        for name in names where !name.lowercased().hasSuffix(".json") {
            for dot in name.indices where name[dot] == "." { byStem[String(name[..<dot]), default: []].append(name) }
        }

        for name in names where name.lowercased().hasSuffix(".json") {
            let path = PathText.appending(directory, name)
            let export: Export
            do {
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                guard let e = ExportJSON.export(try JSONParser.parse(bytes: bytes)) else { continue }
                export = e
            } catch {
                findings.append(Diagnostic(.fileUnreadable, text: name,
                                           message: "Файл «\(name)» не прочитан как выгрузка: \(error)."))
                continue
            }
            let stem = String(name.dropLast(5))
            let protocols = (byStem[stem] ?? []).map { linkPrefix + $0 }
            var orgsOfFile: [String] = []
            for var document in export.documents where document.kind == .roadmap || document.kind == .report {
                parseBareDeadlines(&document)
                let org = TextNormalizer.singleLine(document.organization) ?? stem
                if byOrg[org] == nil { order.append(org); byOrg[org] = Gathered() }
                if document.kind == .roadmap { byOrg[org]!.roadmaps.append(document) } else { byOrg[org]!.reports.append(document) }
                if !orgsOfFile.contains(org) { orgsOfFile.append(org) }
            }
            for org in orgsOfFile {
                for (severity, count) in export.severityCounts { byOrg[org]!.diagnostics[severity, default: 0] += count }
                byOrg[org]!.protocols.append(contentsOf: protocols)
            }
        }

        var inputs: [QuarterlyInput] = []
        for org in order {
            if let wanted = organization, org.lowercased() != wanted.lowercased() { continue }
            let g = byOrg[org]!
            guard let roadmap = g.roadmaps.last(where: { $0.period.map { $0.contains(quarter.start) || $0.contains(quarter.end) } ?? false })
                ?? g.roadmaps.last else {
                findings.append(Diagnostic(.documentNotRecognized, text: org,
                                           message: "У организации «\(org)» нет дорожной карты: квартальный отчёт не составлен."))
                continue
            }
            let report = g.reports.enumerated().max { a, b in
                (a.element.period?.to.ordinal ?? Int.min, a.offset) < (b.element.period?.to.ordinal ?? Int.min, b.offset)
            }?.element
            inputs.append(QuarterlyInput(organization: org, roadmap: roadmap, report: report,
                                         diagnostics: g.diagnostics, protocols: g.protocols))
        }
        if let wanted = organization, inputs.isEmpty {
            findings.append(Diagnostic(.documentNotRecognized, text: wanted,
                                       message: "Организация «\(wanted)» не найдена среди выгрузок в «\(directory)»."))
        }
        return Checked(inputs, diagnostics: findings)
    }

    private func parseBareDeadlines(_ document: inout Document) {
        let parser = DeadlineParser()
        for s in document.sections.indices {
            for i in document.sections[s].items.indices {
                let deadline = document.sections[s].items[i].deadline
                guard deadline.kinds.isEmpty, deadline.occurrences.isEmpty, deadline.text != nil else { continue }
                document.sections[s].items[i].deadline = parser.parse(deadline.text, period: document.period).value
            }
        }
    }
}
