/// `word/styles.xml`, as far as headings and numbering need it.
public struct StylesPart: Sendable, Hashable {
    public struct Style: Sendable, Hashable {
        public var id: String
        public var name: String?
        public var basedOn: String?
        public var outlineLevel: Int?
        public var numId: Int?
        public var numLevel: Int?
        public var isDefault = false
        public var type: String = "paragraph"
    }

    public var styles: [String: Style] = [:]
    public var defaultParagraphStyle: String?

    public init() {}

    /// Follows `basedOn` up to a few levels to find a property.
    public func resolve<T>(_ id: String?, _ property: (Style) -> T?) -> T? {
        var current = id
        var seen = 0
        while let c = current, let s = styles[c], seen < 12 {
            if let v = property(s) { return v }
            current = s.basedOn
            seen += 1
        }
        return nil
    }

    /// Heading level 1...9 of a paragraph style, from its outline level or its name.
    public func headingLevel(_ id: String?) -> Int? {
        if let lvl = resolve(id, { $0.outlineLevel }), lvl < 9 { return lvl + 1 }
        return resolve(id) { style in
            guard let name = style.name?.lowercased() else { return nil }
            for prefix in ["heading ", "заголовок "] where name.hasPrefix(prefix) {
                if let n = Int(name.dropFirst(prefix.count)), (1...9).contains(n) { return n }
            }
            return name == "title" || name == "название" || name == "заголовок" ? 1 : nil
        }
    }

    /// The style whose numbering uses this list style name (`w:numStyleLink`).
    public func numId(forStyleNamed link: String) -> Int? {
        styles[link]?.numId
    }

    /// Formatting nothing here reads: run, table, cell and row properties, conditional table
    /// formats. Most of a styles part is made of them.
    static let unreadContent: Set<WTag> = [.rPr, .tblPr, .tcPr, .trPr, .tblStylePr]

    static func parse(_ p: XMLPullParser) throws -> StylesPart {
        var part = StylesPart()
        var style: Style?
        var inPPr = false
        while try p.next() {
            if p.kind == .start, p.namespace == .w {
                switch p.tag {
                case .style:
                    style = Style(id: p.attribute("styleId") ?? "")
                    style?.type = p.attribute("type") ?? "paragraph"
                    style?.isDefault = p.attribute("default") == "1" || p.attribute("default") == "true"
                case .name: style?.name = p.attribute("val")
                case .basedOn: style?.basedOn = p.attribute("val")
                case .pPr: if style != nil { inPPr = true }
                case .outlineLvl: if inPPr { style?.outlineLevel = Int(p.attribute("val") ?? "") }
                case .numId: if inPPr { style?.numId = Int(p.attribute("val") ?? "") }
                case .ilvl: if inPPr { style?.numLevel = Int(p.attribute("val") ?? "") }
                default: break
                }
            } else if p.kind == .end, p.namespace == .w {
                switch p.tag {
                case .pPr: inPPr = false
                case .style:
                    if let s = style {
                        part.styles[s.id] = s
                        if s.isDefault && s.type == "paragraph" { part.defaultParagraphStyle = s.id }
                    }
                    style = nil
                default: break
                }
            }
        }
        return part
    }
}

/// `_rels/*.rels`: relationship id → (type, target).
public struct Relationships: Sendable, Hashable {
    public struct Relationship: Sendable, Hashable {
        public var type: String
        public var target: String
        public var isExternal: Bool
    }

    public var items: [Relationship] = []

    public init() {}

    public func first(typeSuffix: String) -> Relationship? {
        items.first { $0.type.hasSuffix(typeSuffix) && !$0.isExternal }
    }

    public func all(typeSuffix: String) -> [Relationship] {
        items.filter { $0.type.hasSuffix(typeSuffix) && !$0.isExternal }
    }

    static func parse(_ p: XMLPullParser) throws -> Relationships {
        var rels = Relationships()
        while try p.next() {
            if p.kind == .start, p.name == "Relationship" {
                rels.items.append(Relationship(type: p.anyAttribute("Type") ?? "",
                                               target: p.anyAttribute("Target") ?? "",
                                               isExternal: p.anyAttribute("TargetMode") == "External"))
            }
        }
        return rels
    }

    /// Resolves a relationship target against the folder of the part that owns it.
    public static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } }
            else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

extension CoreProperties {
    static func parse(_ p: XMLPullParser) throws -> CoreProperties {
        var props = CoreProperties()
        while try p.next() {
            guard p.kind == .start else { continue }
            switch p.name {
            case "title": props.title = try p.collectText()
            case "creator": props.creator = try p.collectText()
            case "lastModifiedBy": props.lastModifiedBy = try p.collectText()
            case "created": props.created = try p.collectText()
            case "modified": props.modified = try p.collectText()
            default: break
            }
        }
        return props
    }
}
