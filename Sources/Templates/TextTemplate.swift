import Text
import JSON
import Model

/// A text template (an HTML page) in the tag language of the .docx templates: `{{name}}`,
/// `{{#list}} … {{/list}}`, `{{^list}} … {{/list}}`, dotted names, `{{.}}`. Values are escaped
/// for HTML. A line holding nothing but a section tag is dropped whole, so the template can
/// be laid out readably.
public struct TextTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case value(TemplateTag)
        case section(TemplateTag, [Node])
    }

    public let name: String
    let nodes: [Node]

    /// Compiles `source`; throws `TemplateError` with every fault.
    public init(_ source: String, name: String) throws {
        self.name = name
        var parser = Parser(source: Array(source.unicodeScalars), name: name)
        nodes = parser.parse()
        if !parser.faults.isEmpty { throw TemplateError(template: name, faults: parser.faults) }
    }

    /// The filled text as UTF-8, every value escaped for HTML (line breaks become `<br>`).
    public func render(_ data: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 13)
        var scopes = [data]
        TextTemplate.render(nodes, scopes: &scopes, into: &out)
        return out
    }

    private static func render(_ nodes: [Node], scopes: inout [JSONValue], into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case let .text(bytes): out.append(contentsOf: bytes)
            case let .value(tag): Markup.html(TemplateRenderer.text(TemplateRenderer.resolve(tag.path, in: scopes)), into: &out)
            case let .section(tag, body):
                for context in TemplateRenderer.contexts(of: tag, in: scopes) {
                    if let context { scopes.append(context) }
                    render(body, scopes: &scopes, into: &out)
                    if context != nil { scopes.removeLast() }
                }
            }
        }
    }

    /// Splits the source into text and tags, nests sections, and collects every fault.
    private struct Parser {
        let source: [Unicode.Scalar]
        let name: String
        var faults: [TemplateFault] = []

        private enum Piece {
            case text(Range<Int>)
            case tag(TemplateTag, Range<Int>)
        }

        mutating func parse() -> [Node] {
            let pieces = dropStandaloneLines(scan())
            var stack: [(tag: TemplateTag?, nodes: [Node])] = [(nil, [])]
            for piece in pieces {
                switch piece {
                case let .text(range):
                    let text = String(String.UnicodeScalarView(source[range]))
                    if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(Array(text.utf8))) }
                case let .tag(tag, _):
                    switch tag.kind {
                    case .variable: stack[stack.count - 1].nodes.append(.value(tag))
                    case .open, .inverted: stack.append((tag, []))
                    case .close:
                        guard stack.count > 1, let open = stack.last?.tag, open.name == tag.name else {
                            faults.append(TemplateFault(
                                .unexpectedClose,
                                message: "Метка «\(tag.source)» закрывает секцию «\(tag.name)», которая здесь не открыта.",
                                tag: tag.source, part: name))
                            continue
                        }
                        let body = stack.removeLast().nodes
                        stack[stack.count - 1].nodes.append(.section(open, body))
                    }
                }
            }
            for open in stack.dropFirst().compactMap(\.tag) {
                faults.append(TemplateFault(
                    .unclosedSection, message: "Секция «\(open.name)» открыта меткой «\(open.source)», но не закрыта.",
                    tag: open.source, part: name))
            }
            return stack[0].nodes
        }

        /// Text and tags in order.
        private mutating func scan() -> [Piece] {
            var pieces: [Piece] = []
            var textStart = 0
            var i = 0
            func isPair(_ k: Int, _ c: Unicode.Scalar) -> Bool { k + 1 < source.count && source[k] == c && source[k + 1] == c }
            while i < source.count {
                guard isPair(i, "{") else { i += 1; continue }
                var j = i + 2
                while j < source.count, !isPair(j, "}") { j += 1 }
                let shown = String(String.UnicodeScalarView(source[i..<min(j + 2, source.count, i + 40)]))
                guard j < source.count else {
                    faults.append(TemplateFault(.unclosedTag, message: "Метка «\(shown)» открыта «{{», но не закрыта «}}».",
                                                tag: shown, part: name))
                    break
                }
                let inner = String(String.UnicodeScalarView(source[(i + 2)..<j]))
                guard let tag = TemplateTag.parse(inner: inner, source: shown) else {
                    faults.append(TemplateFault(.malformedTag, message: "Метка «\(shown)» записана неверно.", tag: shown, part: name))
                    i = j + 2
                    continue
                }
                pieces.append(.text(textStart..<i))
                pieces.append(.tag(tag, i..<(j + 2)))
                i = j + 2
                textStart = i
            }
            pieces.append(.text(textStart..<source.count))
            return pieces
        }

        /// A section tag alone on its line takes the line's indentation and line break with it.
        private func dropStandaloneLines(_ pieces: [Piece]) -> [Piece] {
            var pieces = pieces
            for k in pieces.indices {
                guard case let .tag(tag, _) = pieces[k], tag.kind != .variable,
                      k > 0, k + 1 < pieces.count,
                      case let .text(before) = pieces[k - 1], case let .text(after) = pieces[k + 1] else { continue }
                let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
                // Before: from the last line break (or the start of the source) only blanks.
                var lineStart = before.upperBound
                while lineStart > before.lowerBound, blank(source[lineStart - 1]) { lineStart -= 1 }
                let startsLine = lineStart == 0 || source[lineStart - 1] == "\n"
                // After: blanks up to a line break (or the end of the source).
                var lineEnd = after.lowerBound
                while lineEnd < after.upperBound, blank(source[lineEnd]) { lineEnd += 1 }
                let endsLine = lineEnd == source.count || source[lineEnd] == "\n"
                guard startsLine, endsLine else { continue }
                pieces[k - 1] = .text(before.lowerBound..<lineStart)
                pieces[k + 1] = .text(min(lineEnd + 1, after.upperBound)..<after.upperBound)
            }
            return pieces
        }
    }
}
