/// One `{{…}}` tag of a template.
struct TemplateTag: Hashable, Sendable {
    enum Kind: String, Sendable {
        /// `{{name}}`: replaced by the value.
        case variable
        /// `{{#name}}`: repeats for each element, or shows when the value is truthy.
        case open
        /// `{{^name}}`: shows when the value is empty, false or missing.
        case inverted
        /// `{{/name}}`: ends a section.
        case close
    }

    let kind: Kind
    /// The dotted path (`item.deadline.text`), or `.` for the current value.
    let name: String
    /// The tag as written in the document, braces included.
    let source: String
    /// The name's segments, split once: a fill resolves every tag for every file.
    let path: [String]

    init(kind: Kind, name: String, source: String) {
        self.kind = kind
        self.name = name
        self.source = source
        path = name == "." ? [] : name.split(separator: ".").map(String.init)
    }

    /// The canonical spelling: `{{#items}}`.
    var canonical: String {
        switch kind {
        case .variable: return "{{\(name)}}"
        case .open: return "{{#\(name)}}"
        case .inverted: return "{{^\(name)}}"
        case .close: return "{{/\(name)}}"
        }
    }

    /// Parses the text between the braces; `nil` when it is not a well-formed tag.
    static func parse(inner: String, source: String) -> TemplateTag? {
        var body = Substring(inner.trimmingCharacters(in: " \u{00A0}\t"))
        var kind = Kind.variable
        switch body.first {
        case "#": kind = .open
        case "^": kind = .inverted
        case "/": kind = .close
        default: break
        }
        if kind != .variable { body = body.dropFirst() }
        let name = String(body).trimmingCharacters(in: " \u{00A0}\t")
        guard isValidName(name), !(kind == .close && name == ".") else { return nil }
        return TemplateTag(kind: kind, name: name, source: source)
    }

    /// Names are dot-separated segments of letters (any script), digits, `_` and `-`; or `.` alone.
    static func isValidName(_ name: String) -> Bool {
        if name == "." { return true }
        let segments = name.split(separator: ".", omittingEmptySubsequences: false)
        guard !segments.isEmpty else { return false }
        return segments.allSatisfy { seg in
            !seg.isEmpty && seg.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
            }
        }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
