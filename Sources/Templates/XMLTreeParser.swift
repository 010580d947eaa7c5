import Foundation
import CLibxml2
import Model

/// Reads the XML of a template part into an `XNode` tree with libxml2.
///
/// Safe as the document reader is: a `<!DOCTYPE` stops the parser as libxml2 reports it, before
/// its internal subset is read, so no entity can be declared; no network, no DTD loading,
/// libxml2's own nesting limit; parts above `maxBytes` are refused.
enum XMLTreeParser {
    static let maxBytes = 64 * 1_048_576

    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    private static let ready: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    static func parse(_ bytes: [UInt8]) throws -> XMLDocument {
        guard bytes.count <= maxBytes else { throw XMLSyntaxError(line: 0, reason: "часть слишком велика") }
        _ = ready
        guard let context = xmlNewParserCtxt() else { throw XMLSyntaxError(line: 0, reason: "не удалось начать разбор") }
        defer { xmlFreeParserCtxt(context) }
        context.pointee.sax.pointee.internalSubset = { ctx, _, _, _ in
            xmlStopParser(ctx?.assumingMemoryBound(to: xmlParserCtxt.self))
        }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(buffer.count), "part.xml", nil, options)
                }
            } ?? nil
        }
        guard context.pointee.errNo != Int32(XML_ERR_USER_STOP.rawValue) else {
            xmlFreeDoc(parsed)
            throw XMLSyntaxError(line: 0, reason: "DOCTYPE и объявления сущностей не допускаются")
        }
        guard let doc = parsed else { throw failure(context) }
        defer { xmlFreeDoc(doc) }
        var prolog: [String] = []
        if doc.pointee.standalone != -1 { prolog.append(declaration(doc)) }
        var root: XNode?
        var node = doc.pointee.children
        while let n = node {
            if n.pointee.type == XML_ELEMENT_NODE {
                root = element(n)
            } else if root == nil, let raw = rawNode(n) {
                prolog.append(raw)
            }
            node = n.pointee.next
        }
        guard let root else { throw XMLSyntaxError(line: 0, reason: "нет корневого элемента") }
        return XMLDocument(prolog: prolog, root: root)
    }

    /// The XML declaration as Word writes it.
    private static func declaration(_ doc: xmlDocPtr) -> String {
        var text = "<?xml version=\"\(string(doc.pointee.version) ?? "1.0")\""
        if let encoding = string(doc.pointee.encoding) { text += " encoding=\"\(encoding)\"" }
        switch doc.pointee.standalone {
        case 1: text += " standalone=\"yes\""
        case 0: text += " standalone=\"no\""
        default: break
        }
        return text + "?>"
    }

    private static func element(_ node: xmlNodePtr) -> XNode {
        let result = XNode(element: qualified(node.pointee.ns, node.pointee.name))
        var ns = node.pointee.nsDef
        while let n = ns {
            let prefix = string(n.pointee.prefix)
            result.attributes.append((prefix.map { "xmlns:" + $0 } ?? "xmlns", string(n.pointee.href) ?? ""))
            ns = n.pointee.next
        }
        var attribute = node.pointee.properties
        while let a = attribute {
            var value = ""
            var child = a.pointee.children
            while let c = child {
                value += string(c.pointee.content) ?? ""
                child = c.pointee.next
            }
            result.attributes.append((qualified(a.pointee.ns, a.pointee.name), value))
            attribute = a.pointee.next
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE: result.append(element(c))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: result.append(XNode(text: string(c.pointee.content) ?? ""))
            default: if let raw = rawNode(c) { result.append(XNode(raw: raw)) }
            }
            child = c.pointee.next
        }
        return result
    }

    /// A comment or a processing directive (`<?…?>`) as written.
    private static func rawNode(_ node: xmlNodePtr) -> String? {
        switch node.pointee.type {
        case XML_COMMENT_NODE: return "<!--" + (string(node.pointee.content) ?? "") + "-->"
        case XML_PI_NODE:
            let content = string(node.pointee.content).map { " " + $0 } ?? ""
            return "<?" + (string(node.pointee.name) ?? "") + content + "?>"
        default: return nil
        }
    }

    private static func qualified(_ ns: xmlNsPtr?, _ name: UnsafePointer<xmlChar>?) -> String {
        let local = string(name) ?? ""
        guard let prefix = string(ns?.pointee.prefix) else { return local }
        return prefix + ":" + local
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func failure(_ context: xmlParserCtxtPtr) -> XMLSyntaxError {
        guard let error = xmlCtxtGetLastError(context) else { return XMLSyntaxError(line: 0, reason: "ошибка разбора") }
        let message = error.pointee.message.map { String(cString: $0) } ?? "ошибка разбора"
        return XMLSyntaxError(line: Int(error.pointee.line), reason: message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
