import Foundation
import JSON
import Model
import Text

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
        try docx(data: ProtocolData.json(for: export, checkedAt: checkedAt))
    }

    /// The filled DOCX of protocol data already built (`ProtocolData.json`).
    public func docx(data: JSONValue) throws -> [UInt8] { try prepared.fill(data) }

    /// The same protocol as one HTML page with inline CSS; all text escaped.
    public func html(for export: Export, checkedAt: Day) -> String {
        String(decoding: htmlBytes(data: ProtocolData.json(for: export, checkedAt: checkedAt)), as: UTF8.self)
    }

    /// The HTML page of protocol data already built (`ProtocolData.json`), as UTF-8.
    public func htmlBytes(data: JSONValue) -> [UInt8] { ProtocolHTML.render(data) }
}

/// The HTML form of the protocol, written as UTF-8 bytes: a protocol is written for every
/// file of a run, and appending to a `String` piece by piece cost more than the escaping.
enum ProtocolHTML {
    static func render(_ data: JSONValue) -> [UInt8] {
        var page = Page()
        page.raw("""
        <!DOCTYPE html>
        <html lang="ru">
        <head>
        <meta charset="utf-8">
        <title>Протокол проверки — 
        """)
        page.text("file", in: data)
        page.raw("""
        </title>
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

        """)
        let heading: [(label: StaticString, key: String)] = [
            ("Организация", "organization"), ("Файл", "file"), ("Контрольная сумма SHA-256", "sha256"), ("Дата проверки", "checkedAt"),
        ]
        for (label, key) in heading {
            page.raw("<dt>")
            page.raw(label)
            page.raw("</dt><dd>")
            page.text(key, in: data)
            page.raw("</dd>\n")
        }
        for doc in data["documents"]?.arrayValue ?? [] {
            page.raw("<dt>Документ ")
            page.text("number", in: doc)
            page.raw("</dt><dd>")
            page.text("kind", in: doc)
            page.raw(" — «")
            page.text("title", in: doc)
            page.raw("»</dd>\n")
        }
        page.raw("</dl>\n<p class=\"verdict\">Итог проверки: ")
        page.text("summary", in: data)
        page.raw(".</p>\n")
        let groups = data["groups"]?.arrayValue ?? []
        if groups.isEmpty {
            page.raw("<p class=\"verdict clean\">")
            page.escaped(ProtocolData.noFindings)
            page.raw(".</p>\n")
        } else {
            page.raw("<table>\n<thead><tr><th>Пункт</th><th>№</th><th>Важность</th><th>Поле</th><th>Текст в документе</th><th>Замечание и что исправить</th></tr></thead>\n<tbody>\n")
            for group in groups {
                let entries = group["diagnostics"]?.arrayValue ?? []
                for (k, d) in entries.enumerated() {
                    page.raw("<tr>")
                    if k == 0 {
                        page.raw("<td rowspan=\"")
                        page.escaped(String(entries.count))
                        page.raw("\">")
                        page.text("label", in: group)
                        page.raw("</td>")
                    }
                    page.raw("<td>")
                    page.text("number", in: d)
                    page.raw("</td><td class=\"")
                    page.escaped(d["severityCode"]?.stringValue ?? "")
                    page.raw("\">")
                    page.text("severity", in: d)
                    for key in ["field", "text", "message"] {
                        page.raw("</td><td>")
                        page.text(key, in: d)
                    }
                    if let fix = d["fix"]?.stringValue {
                        page.raw("<div class=\"fix\">Что исправить: ")
                        page.escaped(fix)
                        page.raw("</div>")
                    }
                    page.raw("</td></tr>\n")
                }
            }
            page.raw("</tbody>\n</table>\n")
        }
        page.raw("<footer>Протокол сформирован автоматически программой kartograf.</footer>\n</body>\n</html>\n")
        return page.bytes
    }

    /// Escapes text for HTML content and attributes; line breaks become `<br>`.
    static func escape(_ text: String) -> String { Markup.html(text) }

    /// The page being written.
    private struct Page {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(1 << 13) }

        /// Markup, written as it is.
        mutating func raw(_ markup: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
        }

        mutating func escaped(_ text: String) { Markup.html(text, into: &bytes) }

        /// The text of `value[key]`, escaped.
        mutating func text(_ key: String, in value: JSONValue) { escaped(TemplateRenderer.text(value[key])) }
    }
}
