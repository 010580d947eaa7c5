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
    /// Appended to the output's base name: `.protocol.docx`, `.protocol.html`.
    var fileSuffix: String { get }
    func render(_ export: Export, context: ProtocolContext) -> [UInt8]
}
