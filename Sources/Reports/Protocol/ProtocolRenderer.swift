import Text
import JSON
import Foundation
import Model
import Templates

/// Renders the check protocol (протокол проверки) of a processed file: a DOCX
/// filled from the protocol template, and a self-contained HTML page with the
/// same content. Both are built from `ProtocolData.json(for:checkedAt:)`.
public struct ProtocolRenderer: Sendable {
    public static let templateFileName = "protocol.docx"

    /// The template's bytes.
    public let template: [UInt8]
    /// Where the template came from, for messages.
    public let templateName: String

    /// Who signs the protocols (the department's checker), or lines when nobody is named.
    public let signer: DepartmentSettings.Signer

    /// Compiled once, checked against every name protocol data can have.
    private let prepared: PreparedTemplate

    public init(template: [UInt8], name: String = ProtocolRenderer.templateFileName,
                signer: DepartmentSettings.Signer = DepartmentSettings.Signer()) {
        self.template = template
        templateName = name
        self.signer = signer
        prepared = DocxTemplate(bytes: template, name: name).prepare(schema: ProtocolData.schema)
    }

    /// The built-in template.
    public init(signer: DepartmentSettings.Signer = DepartmentSettings.Signer()) throws {
        self.init(template: try DefaultProtocolTemplate.bytes(), name: "встроенный шаблон протокола", signer: signer)
    }

    /// Loads the template from a file, or from `protocol.docx` in a templates folder;
    /// falls back to the built-in template when there is no such file.
    public init(templateAt path: String?, signer: DepartmentSettings.Signer = DepartmentSettings.Signer()) throws {
        var isDir: ObjCBool = false
        if let path, FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            let file = isDir.boolValue ? PathText.appending(path, ProtocolRenderer.templateFileName) : path
            if let data = FileManager.default.contents(atPath: file) {
                self.init(template: [UInt8](data), name: PathText.lastComponent(file), signer: signer)
                return
            }
        }
        try self.init(signer: signer)
    }

    /// Checks the template against every name protocol data can have.
    public func check() -> TemplateReport { prepared.report }

    /// The filled DOCX. Throws `TemplateError` (all faults) when the template is broken.
    public func docx(for export: Export, checkedAt: Day) throws -> [UInt8] {
        try docx(data: ProtocolData.json(for: export, checkedAt: checkedAt, signer: signer))
    }

    /// The filled DOCX of protocol data already built (`ProtocolData.json`).
    public func docx(data: JSONValue) throws -> [UInt8] { try prepared.fill(data) }

    /// The same protocol as one HTML page with inline CSS; all text escaped.
    public func html(for export: Export, checkedAt: Day) -> String {
        String(decoding: htmlBytes(data: ProtocolData.json(for: export, checkedAt: checkedAt, signer: signer)), as: UTF8.self)
    }

    /// The HTML page of protocol data already built (`ProtocolData.json`), as UTF-8.
    public func htmlBytes(data: JSONValue) -> [UInt8] { ProtocolHTML.render(data) }
}

/// The HTML form of the protocol: `Resources/protocol.html` filled by the template engine.
enum ProtocolHTML {
    static let template: Result<TextTemplate, Error> = Result {
        guard let url = Bundle.module.url(forResource: "protocol", withExtension: "html", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "protocol", withExtension: "html"),
              let source = try? String(contentsOf: url, encoding: .utf8) else {
            throw TemplateError(template: "protocol.html", faults: [TemplateFault(
                .notDocx, message: "Шаблон HTML-протокола (protocol.html) не найден среди ресурсов программы.")])
        }
        return try TextTemplate(source, name: "protocol.html")
    }

    static func render(_ data: JSONValue) -> [UInt8] {
        switch template {
        case let .success(page): return page.render(data)
        case let .failure(error): return Array("<!DOCTYPE html>\n<p>\(Markup.html("\(error)"))</p>\n".utf8)
        }
    }
}
