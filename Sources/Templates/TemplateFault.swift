import Foundation
import JSON
import Model

/// Why a template cannot be filled. Every fault names its stable id, the tag,
/// the paragraph around it and the names that were available there.
public struct TemplateFault: Hashable, Sendable, CustomStringConvertible, Encodable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Encodable {
        case notDocx = "template.not-docx"
        case invalidXML = "template.invalid-xml"
        case malformedTag = "template.malformed-tag"
        case unclosedTag = "template.unclosed-tag"
        case unclosedSection = "template.unclosed-section"
        case unexpectedClose = "template.unexpected-close"
        case crossedSections = "template.crossed-sections"
        case sectionAcrossCells = "template.section-across-cells"
        case unknownName = "template.unknown-name"
        case outputTooLarge = "template.output-too-large"
    }

    public var kind: Kind
    /// A Russian explanation with what to do.
    public var message: String
    /// The tag as written (`{{#items}}`), empty for faults of the whole file.
    public var tag: String
    /// The text of the paragraph around the tag.
    public var context: String
    /// The package part (`word/document.xml`, `word/header1.xml`).
    public var part: String
    /// Names that could be used at that place (only when checked against data or a schema).
    public var available: [String]

    /// The JSON form names the kind by its stable id.
    enum CodingKeys: String, CodingKey { case kind = "id", message, tag, context, part, available }

    public var id: String { kind.rawValue }

    public init(_ kind: Kind, message: String, tag: String = "", context: String = "", part: String = "",
                available: [String] = []) {
        self.kind = kind
        self.message = message
        self.tag = tag
        self.context = context
        self.part = part
        self.available = available
    }

    public var description: String {
        var s = "\(id): \(message)"
        if !context.isEmpty { s += " Текст: «\(context)»." }
        if !part.isEmpty { s += " Часть: \(part)." }
        if !available.isEmpty { s += " Доступные имена: \(available.joined(separator: ", "))." }
        return s
    }
}

/// A template was rejected; `faults` holds every reason at once.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    public var template: String
    public var faults: [TemplateFault]

    public init(template: String, faults: [TemplateFault]) {
        self.template = template
        self.faults = faults
    }

    public var description: String {
        (["Шаблон «\(template)» нельзя заполнить: \(faults.count) ошиб.:"] + faults.map { "  • \($0)" })
            .joined(separator: "\n")
    }
}

/// The paragraph text around a range of Unicode scalars, shortened to a readable window.
func contextWindow(_ text: String, around range: Range<Int>, radius: Int = 40) -> String {
    let scalars = Array(text.unicodeScalars)
    let lo = max(0, range.lowerBound - radius)
    let hi = min(scalars.count, max(lo, range.upperBound + radius))
    var s = String(String.UnicodeScalarView(scalars[lo..<hi]))
    if lo > 0 { s = "…" + s }
    if hi < scalars.count { s += "…" }
    return s.replacingOccurrences(of: "\n", with: " ")
}
