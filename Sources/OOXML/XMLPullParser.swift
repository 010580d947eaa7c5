import CLibxml2
import Foundation

/// Where the XML bytes come from: a zip entry being inflated, or memory.
public protocol XMLByteSource: AnyObject {
    /// Fills `buffer`; returns 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

extension ZipEntryStream: XMLByteSource {}

/// Bytes already in memory.
public final class MemoryByteSource: XMLByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n)
        }
        offset += n
        return n
    }
}

/// Process-wide libxml2 set-up: initialised once, external entities never loaded.
enum LibXML {
    static let ready: Bool = {
        xmlInitParser()
        // Belt and braces with the parse options: any attempt to load an external
        // entity or DTD gets nothing.
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()
}

/// A streaming pull parser over libxml2's `xmlTextReader` (no DOM).
///
/// Safe by construction: a `<!DOCTYPE` anywhere in the prolog is refused before the
/// parser sees it; options are `XML_PARSE_NONET` plus error silencing, never
/// `NOENT`, `DTDLOAD` or `HUGE`; nesting depth is capped.
public final class XMLPullParser {
    public enum NodeKind: Sendable { case start, end, text, other }

    /// The namespaces the parser reports by short name.
    public enum Namespace: Sendable, Hashable {
        case w, r, other, none
    }

    private final class Feed {
        let source: XMLByteSource
        var error: Error?
        var prolog = PrologScanner()
        let part: String
        init(source: XMLByteSource, part: String) {
            self.source = source
            self.part = part
        }
    }

    private var reader: OpaquePointer?
    private let feed: Feed
    private let feedRef: Unmanaged<Feed>
    public let part: String
    private let maxDepth: Int
    private var nameCache = PointerMap<(name: String, tag: WTag)>()
    private var nsCache = PointerMap<Namespace>()
    /// The namespace pointer seen last and what it was: nearly every node repeats it.
    private var lastNamespace: (pointer: UnsafeRawPointer?, value: Namespace) = (nil, .none)

    public private(set) var kind: NodeKind = .other
    /// The local name of the current element (start or end).
    public private(set) var name: String = ""
    /// The current element's name as a `WTag` (`.other` outside WordprocessingML's known names).
    public private(set) var tag: WTag = .other
    public private(set) var namespace: Namespace = .none
    public private(set) var isEmptyElement = false
    public private(set) var depth = 0
    /// An empty element (`<w:p/>`) is reported as a start and then an end, like any other.
    private var pendingEnd = false
    /// Name, tag and namespace of each open element, so that its end is reported without
    /// asking libxml2 again (the namespace URI is interned on every such call).
    private var open: [(name: String, tag: WTag, namespace: Namespace)] = []

    public init(source: XMLByteSource, part: String, maxDepth: Int = ReadLimits.standard.maxDepth) throws {
        _ = LibXML.ready
        self.part = part
        self.maxDepth = maxDepth
        feed = Feed(source: source, part: part)
        feedRef = Unmanaged.passRetained(feed)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue)
        reader = xmlReaderForIO({ ctx, buffer, len in
            guard let ctx, let buffer, len > 0 else { return -1 }
            let feed = Unmanaged<XMLPullParser.Feed>.fromOpaque(ctx).takeUnretainedValue()
            do {
                let raw = UnsafeMutableRawBufferPointer(start: buffer, count: Int(len))
                let n = try feed.source.read(into: raw)
                if n > 0 {
                    try feed.prolog.scan(UnsafeRawBufferPointer(rebasing: raw[0..<n]), part: feed.part)
                }
                return Int32(n)
            } catch {
                feed.error = error
                return -1
            }
        }, { _ in 0 }, feedRef.toOpaque(), nil, nil, options)
        if reader == nil {
            feedRef.release()
            throw ReadError.malformedXML(part: part, detail: "не удалось начать разбор")
        }
    }

    deinit {
        if let r = reader { xmlFreeTextReader(r) }
        feedRef.release()
    }

    /// Advances to the next node; `false` at the end of the document.
    public func next() throws -> Bool {
        guard let r = reader else { return false }
        if pendingEnd {
            pendingEnd = false
            kind = .end
            isEmptyElement = false
            return true
        }
        while true {
            let status = xmlTextReaderRead(r)
            if let e = feed.error { throw e }
            if status == 0 { return false }
            if status < 0 { throw malformed() }
            let type = xmlTextReaderNodeType(r)
            switch type {
            case 1: // element
                kind = .start
                isEmptyElement = xmlTextReaderIsEmptyElement(r) == 1
                depth = Int(xmlTextReaderDepth(r))
                if depth > maxDepth { throw ReadError.nestingTooDeep(part: part) }
                readName(r)
                pendingEnd = isEmptyElement
                if !isEmptyElement { open.append((name, tag, namespace)) }
                return true
            case 15: // end element: the one opened last (libxml2 refuses mismatched tags)
                kind = .end
                isEmptyElement = false
                depth = Int(xmlTextReaderDepth(r))
                if let element = open.popLast() {
                    (name, tag, namespace) = element
                } else {
                    readName(r)
                }
                return true
            case 3, 4, 13, 14: // text, CDATA, whitespace, significant whitespace
                kind = .text
                return true
            case 10: // document type: never in WordprocessingML
                throw ReadError.doctypeForbidden(part: part)
            default:
                continue
            }
        }
    }

    private func malformed() -> Error {
        if let e = feed.error { return e }
        var detail = "ошибка разбора"
        if let err = xmlGetLastError(), let msg = err.pointee.message {
            detail = String(cString: msg).trimmingCharacters(in: .whitespacesAndNewlines)
            detail += ", строка \(err.pointee.line)"
        }
        return ReadError.malformedXML(part: part, detail: detail)
    }

    private func readName(_ r: OpaquePointer) {
        namespace = currentNamespace(r)
        if let p = xmlTextReaderConstLocalName(r) {
            let key = UnsafeRawPointer(p)
            if let cached = nameCache[key] {
                name = cached.name
                tag = cached.tag
            } else {
                let s = String(cString: p)
                let t = WTag(name: s)
                nameCache[key] = (s, t)
                name = s
                tag = t
            }
        } else {
            name = ""
            tag = .other
        }
        if namespace != .w { tag = .other }
    }

    private func currentNamespace(_ r: OpaquePointer) -> Namespace {
        guard let p = xmlTextReaderConstNamespaceUri(r) else { return .none }
        let key = UnsafeRawPointer(p)
        if key == lastNamespace.pointer { return lastNamespace.value }
        if let cached = nsCache[key] {
            lastNamespace = (key, cached)
            return cached
        }
        let uri = String(cString: p)
        let ns: Namespace
        switch uri {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
             "http://purl.oclc.org/ooxml/wordprocessingml/main":
            ns = .w
        case "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             "http://purl.oclc.org/ooxml/officeDocument/relationships":
            ns = .r
        default:
            ns = .other
        }
        nsCache[key] = ns
        return ns
    }

    /// True at the start of `w:<local>`.
    @inline(__always)
    public func isStart(_ local: String) -> Bool { kind == .start && namespace == .w && name == local }

    /// The text of the current text node.
    public var text: String {
        guard let r = reader, let p = xmlTextReaderConstValue(r) else { return "" }
        return String(cString: p)
    }

    /// The value of the current element's attribute with this local name, in the
    /// WordprocessingML or relationships namespace or none.
    public func attribute(_ local: String) -> String? {
        guard let r = reader, kind == .start, xmlTextReaderHasAttributes(r) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(r) }
        var ok = xmlTextReaderMoveToFirstAttribute(r)
        while ok == 1 {
            if let p = xmlTextReaderConstLocalName(r) {
                let key = UnsafeRawPointer(p)
                let n: String
                if let cached = nameCache[key] { n = cached.name } else {
                    n = String(cString: p)
                    nameCache[key] = (n, WTag(name: n))
                }
                if n == local, currentNamespace(r) != .other, let v = xmlTextReaderConstValue(r) {
                    return String(cString: v)
                }
            }
            ok = xmlTextReaderMoveToNextAttribute(r)
        }
        return nil
    }

    /// Any attribute with this local name, whatever its namespace (for `dc:`/`cp:` parts and rels).
    public func anyAttribute(_ local: String) -> String? {
        guard let r = reader, kind == .start, xmlTextReaderHasAttributes(r) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(r) }
        var ok = xmlTextReaderMoveToFirstAttribute(r)
        while ok == 1 {
            if let p = xmlTextReaderConstLocalName(r), String(cString: p) == local, let v = xmlTextReaderConstValue(r) {
                return String(cString: v)
            }
            ok = xmlTextReaderMoveToNextAttribute(r)
        }
        return nil
    }

    /// Skips the rest of the current element (call at its start).
    public func skipElement() throws {
        guard kind == .start else { return }
        if isEmptyElement { pendingEnd = false; return }
        let d = depth
        while try next() {
            if kind == .end && depth == d { return }
        }
    }

    /// Collects all text inside the current element (call at its start).
    public func collectText() throws -> String {
        guard kind == .start else { return "" }
        if isEmptyElement { pendingEnd = false; return "" }
        let d = depth
        var out = ""
        while try next() {
            if kind == .end && depth == d { break }
            if kind == .text { out += text }
        }
        return out
    }
}

/// Refuses a `<!DOCTYPE` in the prolog, looking at the bytes before libxml2 does.
struct PrologScanner {
    private var done = false
    private var window: [UInt8] = []
    private static let doctype = Array("<!DOCTYPE".utf8)

    mutating func scan(_ bytes: UnsafeRawBufferPointer, part: String) throws {
        guard !done else { return }
        for b in bytes {
            window.append(b)
            if window.count > PrologScanner.doctype.count { window.removeFirst() }
            if window.count >= 2, window[window.count - 2] == UInt8(ascii: "<") {
                // `<` followed by a name start: the root element; the prolog is over.
                if b.isNameStart { done = true; return }
            }
            if window.count == PrologScanner.doctype.count,
               window.elementsEqual(PrologScanner.doctype, by: { $0 & 0xDF == $1 & 0xDF }) {
                throw ReadError.doctypeForbidden(part: part)
            }
        }
    }
}

private extension UInt8 {
    var isNameStart: Bool {
        (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) || self == UInt8(ascii: "_") || self >= 0x80
    }
}
