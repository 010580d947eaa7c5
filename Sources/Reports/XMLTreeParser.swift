import Model
import Text
/// A strict, safe parser for the XML of template parts.
///
/// Refuses DTDs (`<!DOCTYPE`), so no external or recursive entities can exist;
/// only the five predefined entities and numeric character references are
/// decoded. Depth and size are limited.
struct XMLTreeParser {
    static let maxDepth = 400
    static let maxBytes = 64 * 1_048_576

    private let bytes: [UInt8]
    private var pos = 0

    static func parse(_ bytes: [UInt8]) throws -> XMLDocument {
        guard bytes.count <= maxBytes else { throw XMLSyntaxError(offset: 0, reason: "часть слишком велика") }
        var parser = XMLTreeParser(bytes: bytes)
        return try parser.document()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func fail(_ reason: String) -> XMLSyntaxError { XMLSyntaxError(offset: pos, reason: reason) }

    private func starts(with literal: String) -> Bool {
        var i = pos
        for b in literal.utf8 {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
        }
        return true
    }

    private mutating func skipSpace() {
        while pos < bytes.count, isSpace(bytes[pos]) { pos += 1 }
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Reads up to (not including) `terminator`, then skips it.
    private mutating func until(_ terminator: String, what: String) throws -> [UInt8] {
        let t = Array(terminator.utf8)
        let start = pos
        while pos + t.count <= bytes.count {
            if bytes[pos] == t[0], Array(bytes[pos..<pos + t.count]) == t {
                let body = Array(bytes[start..<pos])
                pos += t.count
                return body
            }
            pos += 1
        }
        pos = start
        throw fail("не закрыт \(what)")
    }

    private mutating func document() throws -> XMLDocument {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            throw fail("кодировка UTF-16 не поддерживается")
        }
        var prolog: [String] = []
        while true {
            skipSpace()
            guard pos < bytes.count else { throw fail("нет корневого элемента") }
            if starts(with: "<?") {
                let start = pos
                pos += 2
                _ = try until("?>", what: "заголовок <?…?>")
                prolog.append(String(decoding: bytes[start..<pos], as: UTF8.self))
            } else if starts(with: "<!--") {
                let start = pos
                pos += 4
                _ = try until("-->", what: "комментарий")
                prolog.append(String(decoding: bytes[start..<pos], as: UTF8.self))
            } else if starts(with: "<!") {
                throw fail("DOCTYPE и объявления сущностей не допускаются")
            } else if bytes[pos] == UInt8(ascii: "<") {
                break
            } else {
                throw fail("текст вне корневого элемента")
            }
        }
        let root = try element(depth: 0)
        // Trailing comments and whitespace are allowed, nothing else.
        while true {
            skipSpace()
            if pos >= bytes.count { break }
            if starts(with: "<!--") { pos += 4; _ = try until("-->", what: "комментарий"); continue }
            if starts(with: "<?") { pos += 2; _ = try until("?>", what: "инструкция"); continue }
            throw fail("лишнее содержимое после корневого элемента")
        }
        return XMLDocument(prolog: prolog, root: root)
    }

    private mutating func name() throws -> String {
        let start = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
                || b == UInt8(ascii: "<") { break }
            pos += 1
        }
        guard pos > start else { throw fail("ожидалось имя") }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    /// Parses an element starting at `<`.
    private mutating func element(depth: Int) throws -> XNode {
        guard depth < XMLTreeParser.maxDepth else { throw fail("слишком глубокая вложенность") }
        pos += 1
        let node = XNode(element: try name())
        // Attributes.
        while true {
            skipSpace()
            guard pos < bytes.count else { throw fail("неожиданный конец") }
            if bytes[pos] == UInt8(ascii: "/") {
                guard pos + 1 < bytes.count, bytes[pos + 1] == UInt8(ascii: ">") else { throw fail("ожидалось «/>»") }
                pos += 2
                return node
            }
            if bytes[pos] == UInt8(ascii: ">") { pos += 1; break }
            let attr = try name()
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "=") else { throw fail("ожидалось «=»") }
            pos += 1
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") || bytes[pos] == UInt8(ascii: "'")
            else { throw fail("ожидались кавычки") }
            let quote = bytes[pos]
            pos += 1
            let start = pos
            while pos < bytes.count, bytes[pos] != quote {
                if bytes[pos] == UInt8(ascii: "<") { throw fail("«<» в значении атрибута") }
                pos += 1
            }
            guard pos < bytes.count else { throw fail("не закрыто значение атрибута") }
            let value = try decode(bytes[start..<pos], at: start)
            pos += 1
            if node.attributes.contains(where: { $0.name == attr }) { throw fail("повторный атрибут \(attr)") }
            node.attributes.append((attr, value))
        }
        // Content.
        var textStart = pos
        func flushText(_ parser: inout XMLTreeParser) throws {
            if parser.pos > textStart {
                node.append(XNode(text: try parser.decode(parser.bytes[textStart..<parser.pos], at: textStart)))
            }
        }
        while pos < bytes.count {
            guard bytes[pos] == UInt8(ascii: "<") else { pos += 1; continue }
            try flushText(&self)
            if starts(with: "</") {
                pos += 2
                let closing = try name()
                guard closing == node.name else { throw fail("ожидался </\(node.name)>, а не </\(closing)>") }
                skipSpace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: ">") else { throw fail("ожидалось «>»") }
                pos += 1
                return node
            } else if starts(with: "<!--") {
                let start = pos
                pos += 4
                _ = try until("-->", what: "комментарий")
                node.append(XNode(raw: String(decoding: bytes[start..<pos], as: UTF8.self)))
            } else if starts(with: "<![CDATA[") {
                pos += 9
                let body = try until("]]>", what: "CDATA")
                node.append(XNode(text: String(decoding: body, as: UTF8.self)))
            } else if starts(with: "<!") {
                throw fail("DOCTYPE и объявления сущностей не допускаются")
            } else if starts(with: "<?") {
                let start = pos
                pos += 2
                _ = try until("?>", what: "инструкция")
                node.append(XNode(raw: String(decoding: bytes[start..<pos], as: UTF8.self)))
            } else {
                node.append(try element(depth: depth + 1))
            }
            textStart = pos
        }
        throw fail("не закрыт элемент <\(node.name)>")
    }

    /// Decodes character data: the five predefined entities and numeric references only.
    private func decode(_ slice: ArraySlice<UInt8>, at offset: Int) throws -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = slice.startIndex
        while i < slice.endIndex {
            let b = slice[i]
            guard b == UInt8(ascii: "&") else { out.append(b); i += 1; continue }
            guard let semi = slice[i...].firstIndex(of: UInt8(ascii: ";")), semi - i <= 12 else {
                throw XMLSyntaxError(offset: offset + (i - slice.startIndex), reason: "незакрытая ссылка «&»")
            }
            let entity = String(decoding: slice[(i + 1)..<semi], as: UTF8.self)
            switch entity {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                var code: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") { code = UInt32(entity.dropFirst(2), radix: 16) }
                else if entity.hasPrefix("#") { code = UInt32(entity.dropFirst(), radix: 10) }
                guard let code, let scalar = Unicode.Scalar(code), code != 0 else {
                    throw XMLSyntaxError(offset: offset + (i - slice.startIndex),
                                         reason: "неизвестная сущность «&\(entity);»")
                }
                out.append(contentsOf: Array(String(scalar).utf8))
            }
            i = semi + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Writes a tree back as XML text, straight into UTF-8 bytes.
enum XMLTreeWriter {
    static func write(_ document: XMLDocument) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        for p in document.prolog { out.append(contentsOf: p.utf8) }
        if !document.prolog.isEmpty { out.append(UInt8(ascii: "\n")) }
        write(document.root, into: &out)
        return out
    }

    static func write(_ node: XNode, into out: inout [UInt8]) {
        switch node.kind {
        case .text: Markup.escape(node.text, into: &out)
        case .raw: out.append(contentsOf: node.text.utf8)
        case .element:
            if let frozen = node.frozen { out.append(contentsOf: frozen.xml); return }
            if node.children.isEmpty {
                openTag(node.name, node.attributes, into: &out)
                out.append(UInt8(ascii: "/"))
                out.append(UInt8(ascii: ">"))
                return
            }
            start(node.name, node.attributes, into: &out)
            for c in node.children { write(c, into: &out) }
            end(node.name, into: &out)
        }
    }

    /// `<name attributes>`.
    static func start(_ name: String, _ attributes: [(name: String, value: String)], into out: inout [UInt8]) {
        openTag(name, attributes, into: &out)
        out.append(UInt8(ascii: ">"))
    }

    /// `</name>`.
    static func end(_ name: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(UInt8(ascii: "/"))
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ">"))
    }

    /// `<name attributes`, unclosed.
    private static func openTag(_ name: String, _ attributes: [(name: String, value: String)], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        for a in attributes {
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: a.name.utf8)
            out.append(UInt8(ascii: "="))
            out.append(UInt8(ascii: "\""))
            Markup.escape(a.value, into: &out, attribute: true)
            out.append(UInt8(ascii: "\""))
        }
    }
}
