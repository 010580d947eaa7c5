import Foundation
import JSON
import Model
import Registry
import Reports

/// The quarterly report's inputs from the registry `kartograf run` keeps: for every
/// organisation its current roadmap and latest report, read back from their exports.
public struct RegistryQuarterlySource: QuarterlyInputSource {
    public let output: String
    /// Prefix that makes output-relative protocol paths relative to where the summary is written.
    public let linkPrefix: String

    public init(output: String, linkPrefix: String) {
        self.output = output
        self.linkPrefix = linkPrefix
    }

    public func inputs(for quarter: Quarter, organization: String?) throws -> Checked<[QuarterlyInput]> {
        let layout = OutputLayout(root: output)
        guard FileManager.default.fileExists(atPath: layout.registry) else {
            return Checked([], diagnostics: [Diagnostic(.fileUnreadable, text: layout.registry,
                message: "В папке «\(output)» нет реестра: сначала обработайте файлы командой «kartograf run».")])
        }
        let registry = try Registry(path: layout.registry)
        var findings: [Diagnostic] = []
        var inputs: [QuarterlyInput] = []
        for status in try registry.organizations() {
            guard let org = status.organization else { continue }
            if let wanted = organization, org.lowercased() != wanted.lowercased() { continue }
            guard let summary = status.currentRoadmap, let roadmap = document(summary, findings: &findings) else { continue }
            var protocols = [summary.protocolPath].compactMap { $0 }
            var report: Document?
            if let r = try registry.latestReport(organization: org) {
                report = document(r, findings: &findings)
                if let p = r.protocolPath, !protocols.contains(p) { protocols.append(p) }
            }
            inputs.append(QuarterlyInput(organization: org, roadmap: roadmap, report: report,
                                         diagnostics: status.diagnostics,
                                         protocols: protocols.flatMap { siblings(of: $0) }.map { linkPrefix + $0 }))
        }
        return Checked(inputs, diagnostics: findings)
    }

    /// The document a registry row stands for, read from its export file.
    private func document(_ summary: DocumentSummary, findings: inout [Diagnostic]) -> Document? {
        guard let path = summary.exportPath else { return nil }
        let full = OutputLayout(root: output).path(path)
        guard let data = FileManager.default.contents(atPath: full),
              let json = try? JSONParser.parse(bytes: [UInt8](data)), let export = ExportJSON.export(json) else {
            findings.append(Diagnostic(.fileUnreadable, text: path, message: "Выгрузка «\(path)» из реестра не прочитана."))
            return nil
        }
        let candidates = export.documents.filter { $0.kind == summary.kind }
        return candidates.first { $0.title == summary.title } ?? candidates.first
    }

    /// A protocol's forms: `x.protocol.docx` and the `x.protocol.html` beside it.
    private func siblings(of path: String) -> [String] {
        guard path.hasSuffix(".docx") else { return [path] }
        let html = String(path.dropLast(5)) + ".html"
        return FileManager.default.fileExists(atPath: OutputLayout(root: output).path(html)) ? [path, html] : [path]
    }
}
