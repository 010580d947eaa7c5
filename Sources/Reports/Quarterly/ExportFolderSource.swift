import Foundation
import JSON
import Model
import Organisations
import Text

/// Quarterly inputs read from a folder of `roadmap-export/1` JSON files (what `kartograf extract` prints).
///
/// Documents are grouped by their organisation (`QuarterlyGrouping`: the roster when one is given, else
/// identities learned from the names; the file name when a document names none). Files are taken in name
/// order and their arrival is not known. Protocol links are the other files of the folder whose names
/// begin with an export's name (`school1.json` → `school1.protocol.docx`).
/// Deadlines are read as the export stored them (kinds and occurrences); one stored as text only
/// counts as undated: the report stage does not parse deadlines again.
public struct ExportFolderSource: QuarterlyInputSource {
    public let directory: String
    /// Prefix put before protocol file names in links (relative to where the summary is written).
    public let linkPrefix: String
    public let roster: Roster?

    public init(directory: String, linkPrefix: String = "", roster: Roster? = nil) {
        self.directory = directory
        self.linkPrefix = linkPrefix
        self.roster = roster
    }

    public func inputs(for quarter: Quarter, organization: String?) throws -> Checked<[QuarterlyInput]> {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var findings: [Diagnostic] = []
        var filed: [FiledDocument] = []
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
            for document in export.documents where document.kind == .roadmap || document.kind == .report {
                let org = TextNormalizer.singleLine(document.organization)
                    ?? NameLexicon.shared.find(in: document.title) ?? stem
                filed.append(FiledDocument(organization: org, document: document, file: name,
                                           diagnostics: export.severityCounts, protocols: protocols))
            }
        }
        let grouped = QuarterlyGrouping.inputs(filed, quarter: quarter, roster: roster, organization: organization)
        return Checked(grouped.value, diagnostics: findings + grouped.diagnostics)
    }
}
