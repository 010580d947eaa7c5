import JSON
import Model
import OOXML

/// A template compiled once (parts parsed, tags isolated, sections planned, every other
/// entry read) and then filled any number of times, from any thread.
///
/// `@unchecked Sendable`: everything here is set in `init` and only read afterwards.
/// Filling writes new bytes from the compiled parts' programs, or renders new trees from
/// the compiled ones (`TemplateRenderer` copies every node it emits and repairs only its
/// copy; a frozen subtree is one new node sharing the compiled XML text), so concurrent
/// fills never write shared state.
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
    /// The programs of the parts that can be filled without a tree, by entry index.
    private let programs: [Int: PartProgram]
    private let maxOutputNodes: Int
    /// The entries copied unchanged (styles, settings, images…), deflated once for every fill.
    private let unchanged: ZipWriter.Deflated?

    /// The deflate level of filled parts. A protocol part is a few dozen kilobytes: the
    /// fastest level costs a fraction of the default's time for a slightly larger file.
    static let deflateLevel = 1
    /// Filled parts smaller than this are stored. Deflating a check protocol's document
    /// (about 10 KiB, to 1.6) cost more than all the rest of filling it, and protocols are
    /// written for every file; a stored protocol stays smaller than the file's JSON export.
    static let storedBelow = 64 * 1024

    init(name: String, report: TemplateReport, entries: [Entry], maxOutputNodes: Int) {
        self.name = name
        self.report = report
        self.entries = entries
        self.maxOutputNodes = maxOutputNodes
        // What no fill changes is written to XML text once, here.
        for entry in entries { if let part = entry.part { FrozenSubtrees.freeze(part.root) } }
        var programs: [Int: PartProgram] = [:]
        for (i, entry) in entries.enumerated() { programs[i] = entry.part.flatMap(PartProgram.init) }
        self.programs = programs
        unchanged = try? ZipWriter.Deflated(entries.compactMap { entry in entry.bytes.map { (entry.name, $0) } })
    }

    /// The filled package. Throws `TemplateError` with every fault when the template cannot be filled.
    public func fill(_ data: JSONValue) throws -> [UInt8] { try fill(data, usingPrograms: true) }

    /// The parts filled by their programs rather than as trees.
    var programParts: [String] { programs.keys.sorted().map { entries[$0].name } }

    /// `usingPrograms: false` fills every part as a tree (tests compare the two ways).
    func fill(_ data: JSONValue, usingPrograms: Bool) throws -> [UInt8] {
        guard report.faults.isEmpty else { throw TemplateError(template: name, faults: report.faults) }
        var writer = ZipWriter(level: PreparedTemplate.deflateLevel)
        for (i, entry) in entries.enumerated() {
            guard let part = entry.part else {
                if let unchanged, unchanged.contains(entry.name) {
                    writer.add(entry.name, from: unchanged)
                } else if let bytes = entry.bytes {
                    writer.add(entry.name, bytes)
                }
                continue
            }
            let filled: [UInt8]?
            if usingPrograms, let program = programs[i] {
                guard let xml = program.fill(data, nodeLimit: maxOutputNodes) else { throw tooLarge(entry.name) }
                filled = xml
            } else {
                filled = try renderTree(part, data, entry: entry.name)
            }
            guard let xml = filled else { continue }
            writer.add(entry.name, xml, store: xml.count < PreparedTemplate.storedBelow)
        }
        return try writer.bytes()
    }

    /// The part rendered as a tree, repaired and written; nil when nothing renders.
    private func renderTree(_ part: XMLDocument, _ data: JSONValue, entry: String) throws -> [UInt8]? {
        var renderer = TemplateRenderer(data: data, nodeLimit: maxOutputNodes)
        let rendered = renderer.render(part.root).first
        if renderer.exceeded { throw tooLarge(entry) }
        guard let root = rendered else { return nil }
        TableRepair.repair(root)
        return XMLTreeWriter.write(XMLDocument(prolog: part.prolog, root: root))
    }

    private func tooLarge(_ entry: String) -> TemplateError {
        TemplateError(template: name, faults: [TemplateFault(
            .outputTooLarge,
            message: "Заполненный документ получается слишком большим (более \(maxOutputNodes) элементов в части \(entry)): вложенные секции повторяются слишком много раз. Проверьте вложенность секций и размер списков в данных.",
            part: entry)])
    }
}
