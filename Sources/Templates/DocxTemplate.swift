import Foundation
import JSON
import Model
import OOXML
import Text

/// What a template uses, and every reason it cannot be filled.
public struct TemplateReport: Sendable, Encodable {
    public struct TagUse: Sendable, Hashable, Encodable {
        /// The canonical spelling: `{{name}}`, `{{#items}}`.
        public var tag: String
        public var name: String
        public var kind: String
        public var part: String
        public var count: Int
    }

    public struct SectionUse: Sendable, Hashable, Encodable {
        public var name: String
        public var inverted: Bool
        /// «в абзаце», «абзацы», «строка таблицы», «строки таблицы».
        public var placement: String
        public var part: String
    }

    public var tags: [TagUse] = []
    public var sections: [SectionUse] = []
    public var faults: [TemplateFault] = []

    public var isClean: Bool { faults.isEmpty }

    public init(tags: [TagUse] = [], sections: [SectionUse] = [], faults: [TemplateFault] = []) {
        self.tags = tags
        self.sections = sections
        self.faults = faults
    }
}

/// A .docx template: placeholders `{{name}}`, sections `{{#items}} … {{/items}}`,
/// inverted sections `{{^items}} … {{/items}}`, in the body, tables, headers and footers.
public struct DocxTemplate: Sendable {
    /// The name used in messages (usually the file name).
    public let name: String
    public let bytes: [UInt8]
    public var limits: ReadLimits
    /// The most XML nodes a filled part may have (nested loops over long lists multiply).
    public var maxOutputNodes = 3_000_000

    public init(bytes: [UInt8], name: String = "шаблон", limits: ReadLimits = .standard) {
        self.bytes = bytes
        self.name = name
        self.limits = limits
    }

    public init(path: String, limits: ReadLimits = .standard) throws {
        let bytes = try DocxReader.loadFile(path: path, limit: limits.maxFileBytes)
        self.init(bytes: bytes, name: PathText.lastComponent(path), limits: limits)
    }

    /// Lists the tags and sections, and every fault; names are checked only when a schema is given.
    public func check(schema: TemplateSchema? = nil) -> TemplateReport {
        compile(schema: schema).report
    }

    /// Fills the template from `data`. With `checkNames`, a name the data never has is a fault.
    /// Throws `TemplateError` with every fault when the template cannot be filled.
    public func fill(_ data: JSONValue, checkNames: Bool = true) throws -> [UInt8] {
        try prepare(schema: checkNames ? TemplateSchema(sample: data) : nil).fill(data)
    }

    /// Compiles the template once to fill it many times (a protocol for every file of a run).
    public func prepare(schema: TemplateSchema? = nil) -> PreparedTemplate {
        let compiled = compile(schema: schema)
        var entries: [PreparedTemplate.Entry] = []
        if let archive = compiled.archive, compiled.report.faults.isEmpty {
            for entry in archive.entryNames {
                if let part = compiled.parts.first(where: { $0.name == entry }) {
                    entries.append(.init(name: entry, part: part.document, bytes: nil))
                } else if let content = try? archive.read(entry) {
                    entries.append(.init(name: entry, part: nil, bytes: content))
                }
            }
        }
        return PreparedTemplate(name: name, report: compiled.report, entries: entries, maxOutputNodes: maxOutputNodes)
    }

    // MARK: - Compilation

    private struct Compiled {
        var archive: ZipArchive?
        var parts: [(name: String, document: XMLDocument)] = []
        var report = TemplateReport()
    }

    private func compile(schema: TemplateSchema?) -> Compiled {
        var result = Compiled()
        let archive: ZipArchive
        let partNames: [String]
        do {
            archive = try ZipArchive(bytes: bytes, limits: limits)
            partNames = try templateParts(archive)
        } catch {
            let reason = (error as? ReadError)?.message(file: name) ?? "\(error)"
            result.report.faults.append(TemplateFault(
                .notDocx, message: "Шаблон «\(name)» не читается как документ Word (.docx): \(reason)"))
            return result
        }
        result.archive = archive
        for partName in partNames {
            guard let data = try? archive.read(partName) else {
                result.report.faults.append(TemplateFault(
                    .notDocx, message: "Часть \(partName) шаблона «\(name)» не читается.", part: partName))
                continue
            }
            let document: XMLDocument
            do {
                document = try XMLTreeParser.parse(data)
            } catch {
                result.report.faults.append(TemplateFault(
                    .invalidXML, message: "Часть \(partName) шаблона «\(name)» — неверный XML: \(error). Пересохраните шаблон в Word.",
                    part: partName))
                continue
            }
            var isolation = TagIsolation(part: partName)
            let occurrences = isolation.run(document.root)
            var planner = SectionPlanner(part: partName)
            planner.pair(occurrences)
            planner.validatePlacement()
            var faults = isolation.faults + planner.faults
            if let schema {
                let paired = Set(planner.pairs.flatMap { [ObjectIdentifier($0.open.run), ObjectIdentifier($0.close.run)] })
                faults += checkNames(occurrences, paired: paired, schema: schema, part: partName)
            }
            record(occurrences, planner: planner, part: partName, into: &result.report)
            result.report.faults += faults
            if faults.isEmpty { planner.wrap() }
            result.parts.append((partName, document))
        }
        return result
    }

    /// The main document part and its headers, footers and notes.
    private func templateParts(_ archive: ZipArchive) throws -> [String] {
        let (main, rels) = try DocxReader(limits: limits).mainPart(in: archive)
        var parts = [main]
        let kinds = ["/header", "/footer", "/footnotes", "/endnotes"]
        for r in rels.items where !r.isExternal && kinds.contains(where: { r.type.hasSuffix($0) }) {
            let path = Relationships.resolve(r.target, from: PathText.parent(main))
            if archive.contains(path), !parts.contains(path) { parts.append(path) }
        }
        return parts
    }

    /// Unknown names: each tag resolved against the scopes open where it stands.
    /// Only sections that are properly closed (`paired`) open a scope.
    private func checkNames(_ occurrences: [TagIsolation.Occurrence], paired: Set<ObjectIdentifier>, schema: TemplateSchema,
                            part: String) -> [TemplateFault] {
        var faults: [TemplateFault] = []
        var scopes = SchemaScopes(root: schema)
        var open: [String] = []
        // Scopes of sections left unclosed: a name they know is not reported again.
        var dangling: [SchemaScopes] = []
        for occ in occurrences {
            let tag = occ.tag
            func unknown() {
                if dangling.contains(where: { $0.resolve(tag) != nil }) { return }
                let available = scopes.available
                faults.append(TemplateFault(
                    .unknownName,
                    message: "Имя «\(tag.name)» в метке «\(tag.source)» не найдено в данных. Исправьте имя или добавьте его в данные"
                        + (available.isEmpty ? "." : "; здесь доступны: \(available.joined(separator: ", "))."),
                    tag: tag.source, context: occ.context, part: part, available: available))
            }
            switch tag.kind {
            case .variable:
                if scopes.resolve(tag) == nil { unknown() }
            case .open, .inverted:
                let resolved = scopes.resolve(tag)
                if resolved == nil { unknown() }
                guard paired.contains(ObjectIdentifier(occ.run)) else {
                    if let resolved, resolved != .any {
                        var scope = SchemaScopes(root: .object([], [:]))
                        scope.enter(tag, resolved: resolved)
                        if scope.stack.last != .any { dangling.append(scope) }
                    }
                    continue
                }
                scopes.enter(tag, resolved: resolved)
                open.append(tag.name)
            case .close:
                if paired.contains(ObjectIdentifier(occ.run)), open.last == tag.name {
                    open.removeLast()
                    scopes.leave()
                }
            }
        }
        return faults
    }

    private func record(_ occurrences: [TagIsolation.Occurrence], planner: SectionPlanner, part: String,
                        into report: inout TemplateReport) {
        for occ in occurrences {
            let canonical = occ.tag.canonical
            if let i = report.tags.firstIndex(where: { $0.tag == canonical && $0.part == part }) {
                report.tags[i].count += 1
            } else {
                report.tags.append(.init(tag: canonical, name: occ.tag.name, kind: occ.tag.kind.rawValue, part: part, count: 1))
            }
        }
        let sections = planner.pairs.sorted { a, b in
            (occurrences.firstIndex { $0.run === a.open.run } ?? 0) < (occurrences.firstIndex { $0.run === b.open.run } ?? 0)
        }
        for p in sections {
            let placement = SectionPlanner.commonAncestor(p.open.run, p.close.run).map { SectionPlanner.placement(lca: $0.lca) }
            report.sections.append(.init(name: p.open.tag.name, inverted: p.open.tag.kind == .inverted,
                                         placement: placement?.rawValue ?? "", part: part))
        }
    }
}
