import Model
import OOXML

/// A template compiled once (parts parsed, tags isolated, sections planned, every other
/// entry read) and then filled any number of times, from any thread.
///
/// `@unchecked Sendable`: everything here is set in `init` and only read afterwards.
/// Filling renders new trees from the compiled ones (`TemplateRenderer` copies every node
/// it emits and repairs only its copy; a frozen subtree is one new node sharing the
/// compiled XML text), so concurrent fills never write shared state.
public final class PreparedTemplate: @unchecked Sendable {
    struct Entry {
        let name: String
        let part: XMLDocument?
        let bytes: [UInt8]?
    }

    public let name: String
    /// Tags, sections and faults found while compiling.
    public let report: TemplateReport
    private let entries: [Entry]
    private let maxOutputNodes: Int
    /// The entries copied unchanged (styles, settings, images…), deflated once for every fill.
    private let unchanged: ZipWriter.Deflated?

    /// The deflate level of filled parts. A protocol part is a few dozen kilobytes: the
    /// fastest level costs a fraction of the default's time for a slightly larger file.
    static let deflateLevel = 1
    /// Filled parts smaller than this (a header, a footer) are stored: setting up a deflate
    /// stream costs more than the few hundred bytes it would save.
    static let storedBelow = 1024

    init(name: String, report: TemplateReport, entries: [Entry], maxOutputNodes: Int) {
        self.name = name
        self.report = report
        self.entries = entries
        self.maxOutputNodes = maxOutputNodes
        // What no fill changes is written to XML text once, here.
        for entry in entries { if let part = entry.part { FrozenSubtrees.freeze(part.root) } }
        unchanged = try? ZipWriter.Deflated(entries.compactMap { entry in entry.bytes.map { (entry.name, $0) } })
    }

    /// The filled package. Throws `TemplateError` with every fault when the template cannot be filled.
    public func fill(_ data: JSONValue) throws -> [UInt8] {
        guard report.faults.isEmpty else { throw TemplateError(template: name, faults: report.faults) }
        var writer = ZipWriter(level: PreparedTemplate.deflateLevel)
        for entry in entries {
            guard let part = entry.part else {
                if let unchanged, unchanged.contains(entry.name) {
                    writer.add(entry.name, from: unchanged)
                } else if let bytes = entry.bytes {
                    writer.add(entry.name, bytes)
                }
                continue
            }
            var renderer = TemplateRenderer(data: data, nodeLimit: maxOutputNodes)
            let rendered = renderer.render(part.root).first
            if renderer.exceeded {
                throw TemplateError(template: name, faults: [TemplateFault(
                    .outputTooLarge,
                    message: "Заполненный документ получается слишком большим (более \\(maxOutputNodes) элементов в части \\(entry.name)): вложенные секции повторяются слишком много раз. Проверьте вложенность секций и размер списков в данных.",
                    part: entry.name)])
            }
            guard let root = rendered else { continue }
            TableRepair.repair(root)
            let xml = XMLTreeWriter.write(XMLDocument(prolog: part.prolog, root: root))
            writer.add(entry.name, xml, store: xml.count < PreparedTemplate.storedBelow)
        }
        return try writer.bytes()
    }
}
