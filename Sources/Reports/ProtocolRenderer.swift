import Foundation
import Model

/// Renders the check protocol (протокол проверки) of a processed file: a DOCX
/// filled from the protocol template, and a self-contained HTML page with the
/// same content. Both are built from `ProtocolData.json(for:checkedAt:)`.
public struct ProtocolRenderer: Sendable {
    public static let templateFileName = "protocol.docx"

    /// The template's bytes.
    public let template: [UInt8]
    /// Where the template came from, for messages.
    public let templateName: String

    /// Compiled once, checked against every name protocol data can have.
    private let prepared: PreparedTemplate

    public init(template: [UInt8], name: String = ProtocolRenderer.templateFileName) {
        self.template = template
        templateName = name
        prepared = DocxTemplate(bytes: template, name: name).prepare(schema: ProtocolData.schema)
    }

    /// The built-in template.
    public init() throws {
        self.init(template: try DefaultProtocolTemplate.bytes(), name: "встроенный шаблон протокола")
    }

    /// Loads the template from a file, or from `protocol.docx` in a templates folder;
    /// falls back to the built-in template when there is no such file.
    public init(templateAt path: String?) throws {
        var isDir: ObjCBool = false
        if let path, FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            let file = isDir.boolValue ? PathText.appending(path, ProtocolRenderer.templateFileName) : path
            if let data = FileManager.default.contents(atPath: file) {
                self.init(template: [UInt8](data), name: PathText.lastComponent(file))
                return
            }
        }
        try self.init()
    }

    /// Checks the template against every name protocol data can have.
    public func check() -> TemplateReport { prepared.report }

    /// The filled DOCX. Throws `TemplateError` (all faults) when the template is broken.
    public func docx(for export: Export, checkedAt: Day) throws -> [UInt8] {
        try prepared.fill(ProtocolData.json(for: export, checkedAt: checkedAt))
    }

    /// The same protocol as one HTML page with inline CSS; all text escaped.
    public func html(for export: Export, checkedAt: Day) -> String {
        ProtocolHTML.render(ProtocolData.json(for: export, checkedAt: checkedAt))
    }
}

/// The HTML form of the protocol.
enum ProtocolHTML {
    static func render(_ data: JSONValue) -> String {
        func s(_ key: String, in value: JSONValue = data) -> String { escape(TemplateRenderer.text(value[key])) }
        var out = """
        <!DOCTYPE html>
        <html lang="ru">
        <head>
        <meta charset="utf-8">
        <title>Протокол проверки — \(s("file"))</title>
        <style>
        body { font-family: "Times New Roman", serif; font-size: 12pt; margin: 2em auto; max-width: 70em; color: #111; }
        h1 { font-size: 14pt; text-align: center; margin-bottom: 0; }
        .subtitle { text-align: center; margin-top: 0.3em; }
        dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
        dt { font-weight: bold; }
        dd { margin: 0; word-break: break-all; }
        .verdict { font-weight: bold; margin: 1em 0; }
        .clean { font-size: 13pt; color: #1a5e20; }
        table { border-collapse: collapse; width: 100%; font-size: 10pt; }
        th, td { border: 1px solid #444; padding: 0.3em 0.4em; vertical-align: top; text-align: left; }
        th { background: #d9e2f3; }
        .error { color: #a00000; font-weight: bold; }
        .warning { color: #8a5a00; }
        .info { color: #333; }
        .fix { font-style: italic; margin-top: 0.3em; }
        footer { font-size: 9pt; color: #555; margin-top: 2em; }
        </style>
        </head>
        <body>
        <h1>ПРОТОКОЛ ПРОВЕРКИ</h1>
        <p class="subtitle">документов программы наставничества</p>
        <dl>
        <dt>Организация</dt><dd>\(s("organization"))</dd>
        <dt>Файл</dt><dd>\(s("file"))</dd>
        <dt>Контрольная сумма SHA-256</dt><dd>\(s("sha256"))</dd>
        <dt>Дата проверки</dt><dd>\(s("checkedAt"))</dd>

        """
        for doc in data["documents"]?.arrayValue ?? [] {
            out += "<dt>Документ \(s("number", in: doc))</dt><dd>\(s("kind", in: doc)) — «\(s("title", in: doc))»</dd>\n"
        }
        out += "</dl>\n<p class=\"verdict\">Итог проверки: \(s("summary")).</p>\n"
        let groups = data["groups"]?.arrayValue ?? []
        if groups.isEmpty {
            out += "<p class=\"verdict clean\">\(escape(ProtocolData.noFindings)).</p>\n"
        } else {
            out += "<table>\n<thead><tr><th>Пункт</th><th>№</th><th>Важность</th><th>Поле</th><th>Текст в документе</th><th>Замечание и что исправить</th></tr></thead>\n<tbody>\n"
            for group in groups {
                let entries = group["diagnostics"]?.arrayValue ?? []
                for (k, d) in entries.enumerated() {
                    out += "<tr>"
                    if k == 0 { out += "<td rowspan=\"\(entries.count)\">\(s("label", in: group))</td>" }
                    let severity = escape(d["severityCode"]?.stringValue ?? "")
                    out += "<td>\(s("number", in: d))</td><td class=\"\(severity)\">\(s("severity", in: d))</td>"
                    out += "<td>\(s("field", in: d))</td><td>\(s("text", in: d))</td><td>\(s("message", in: d))"
                    if let fix = d["fix"]?.stringValue { out += "<div class=\"fix\">Что исправить: \(escape(fix))</div>" }
                    out += "</td></tr>\n"
                }
            }
            out += "</tbody>\n</table>\n"
        }
        out += "<footer>Протокол сформирован автоматически программой kartograf.</footer>\n</body>\n</html>\n"
        return out
    }

    /// Escapes text for HTML content and attributes; line breaks become `<br>`.
    static func escape(_ text: String) -> String { Markup.html(text) }
}
