import Foundation
import Model

/// The check protocol as a Word document, filled from the methodist's template
/// (`samples/templates/protocol.docx`) by the template engine.
public struct DocxProtocolWriter: ProtocolWriter {
    public let renderer: ProtocolRenderer

    public init(renderer: ProtocolRenderer) { self.renderer = renderer }

    public var fileSuffix: String { ".protocol.docx" }

    public func render(_ export: Export, context: ProtocolContext) -> [UInt8] {
        let day = ProtocolDay.of(context)
        let data = context.shared.data(export, day, renderer.signer, context.corrections)
        if let bytes = try? renderer.docx(data: data) { return bytes }
        // A template broken after the run started: the built-in one still gives a protocol.
        return (try? ProtocolRenderer(signer: renderer.signer).docx(data: data)) ?? []
    }

    /// The protocol in both forms from the built-in template: what a pipeline writes unless told otherwise.
    public static var standard: [any ProtocolWriter] {
        let docx = load(templates: nil).writer
        return [docx, HTMLProtocolWriter(renderer: docx.renderer)]
    }

    /// The renderer of the templates folder's `protocol.docx`; the built-in template when the
    /// folder has none or the methodist's copy cannot be filled (its faults come back to be shown).
    public static func load(templates: String?, signer: DepartmentSettings.Signer = DepartmentSettings.Signer())
        -> (writer: DocxProtocolWriter, faults: [String]) {
        if let renderer = try? ProtocolRenderer(templateAt: templates, signer: signer) {
            let report = renderer.check()
            if report.isClean { return (DocxProtocolWriter(renderer: renderer), []) }
            let faults = report.faults.map(\.message)
            if let builtIn = try? ProtocolRenderer(signer: signer) { return (DocxProtocolWriter(renderer: builtIn), faults) }
        }
        return (DocxProtocolWriter(renderer: (try? ProtocolRenderer(signer: signer))
            ?? ProtocolRenderer(template: [], signer: signer)), [])
    }
}

/// The same protocol as one self-contained HTML page, for reading in a browser.
public struct HTMLProtocolWriter: ProtocolWriter {
    public let renderer: ProtocolRenderer

    public init(renderer: ProtocolRenderer) { self.renderer = renderer }

    public var fileSuffix: String { ".protocol.html" }

    public func render(_ export: Export, context: ProtocolContext) -> [UInt8] {
        renderer.htmlBytes(data: context.shared.data(export, ProtocolDay.of(context), renderer.signer, context.corrections))
    }
}

enum ProtocolDay {
    /// The day of `checkedAt` (`YYYY-MM-DD HH:MM`).
    static func of(_ context: ProtocolContext) -> Day {
        Day(iso: String(context.checkedAt.prefix(10))) ?? Day(year: 2000, month: 1, day: 1)!
    }
}
