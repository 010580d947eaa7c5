import Foundation
import JSON
import Model

/// What a protocol knows besides the export.
public struct ProtocolContext: Sendable {
    public var fileName: String
    public var organization: String?
    /// When the check ran, `YYYY-MM-DD HH:MM` UTC.
    public var checkedAt: String
    /// Whether the file was converted from a legacy format first.
    public var converted: Bool
    /// What a methodist corrected in the file, shown as «исправлено методистом».
    public var corrections: [ProtocolCorrection] = []
    /// What the writers of one file's protocols share; a new context starts empty.
    let shared = ProtocolShared()

    public init(fileName: String, organization: String?, checkedAt: String, converted: Bool) {
        self.fileName = fileName
        self.organization = organization
        self.checkedAt = checkedAt
        self.converted = converted
    }
}

/// The protocol data of one file, built by the first writer that needs it and reused by the
/// others: the DOCX and HTML protocols show the same data, and building and freeing it cost
/// as much as writing the HTML page.
///
/// A context belongs to one file, whose protocols the pipeline renders one after another on
/// one thread; the lock only keeps a context shared some other way from racing.
final class ProtocolShared: @unchecked Sendable {
    private let lock = NSLock()
    private var data: (file: String, sha256: String, day: Day, signer: DepartmentSettings.Signer,
                       corrections: [ProtocolCorrection], json: JSONValue)?

    /// `ProtocolData.json(for: export, checkedAt: day)`, built once. The export is known by
    /// its file and content hash: comparing whole exports would cost more than building the data.
    func data(_ export: Export, _ day: Day, _ signer: DepartmentSettings.Signer,
              _ corrections: [ProtocolCorrection] = []) -> JSONValue {
        lock.lock()
        defer { lock.unlock() }
        if let data, data.day == day, data.signer == signer, data.file == export.file, data.sha256 == export.sha256,
           data.corrections == corrections {
            return data.json
        }
        let json = ProtocolData.json(for: export, checkedAt: day, signer: signer, corrections: corrections)
        data = (export.file, export.sha256, day, signer, corrections, json)
        return json
    }
}

/// Renders the check protocol of one file. The pipeline only asks for bytes and a
/// file-name suffix, so the DOCX/HTML renderer of the report stage plugs in here.
public protocol ProtocolWriter: Sendable {
    /// Appended to the output's base name: `.protocol.txt`, `.protocol.docx`…
    var fileSuffix: String { get }
    func render(_ export: Export, context: ProtocolContext) -> [UInt8]
}

/// A readable plain-text protocol (Markdown-flavoured), for programs that want one without templates.
public struct PlainTextProtocolWriter: ProtocolWriter {
    public init() {}

    public var fileSuffix: String { ".protocol.txt" }

    public func render(_ export: Export, context: ProtocolContext) -> [UInt8] {
        var lines: [String] = []
        lines.append("# Протокол проверки: «\(context.fileName)»")
        lines.append("")
        let day = ProtocolDay.of(context)
        lines.append("Проверено: \(day.russianText), \(context.checkedAt.dropFirst(11)) (UTC)")
        if let organization = context.organization { lines.append("Организация: \(organization)") }
        if context.converted { lines.append("Файл был в старом формате и преобразован в .docx перед проверкой.") }
        lines.append("")

        lines.append("## Документы в файле")
        if export.documents.isEmpty { lines.append("Документов не распознано.") }
        for (i, d) in export.documents.enumerated() {
            var line = "\(i + 1). \(d.kind.russian.capitalizedFirst)"
            if let title = d.title { line += " «\(FlowingText.join(title))»" }
            if let period = d.period { line += ", период \(period.russianText)" }
            let items = d.itemCount
            if d.kind == .roadmap || d.kind == .report { line += ", пунктов: \(items)" }
            if d.kind == .indicators { line += ", показателей: \(d.indicators.count)" }
            if d.kind == .order { line += ", пунктов приказа: \(d.points.count)" }
            lines.append(line)
        }
        lines.append("")

        let counts = export.severityCounts
        lines.append("## Замечания")
        if export.diagnostics.isEmpty {
            lines.append("Замечаний нет.")
        } else {
            lines.append("Ошибок: \(counts[.error] ?? 0), предупреждений: \(counts[.warning] ?? 0), "
                         + "замечаний: \(counts[.info] ?? 0).")
            for severity in Severity.allCases {
                let found = export.diagnostics.filter { $0.severity == severity }
                guard !found.isEmpty else { continue }
                lines.append("")
                lines.append("### \(severity.heading)")
                for d in found { lines.append("- \(d.message) [\(d.code.rawValue)]") }
            }
        }
        lines.append("")
        return Array(lines.joined(separator: "\n").utf8)
    }
}

extension Severity {
    var heading: String {
        switch self {
        case .error: return "Ошибки (документ нужно исправить)"
        case .warning: return "Предупреждения (стоит проверить)"
        case .info: return "Замечания"
        }
    }
}


extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
