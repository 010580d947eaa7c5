import CLibxml2
import Foundation

/// Where the XML bytes come from: a zip entry being inflated, or memory.
public protocol XMLByteSource: AnyObject {
    /// Fills `buffer` from its start, up to its count; returns how many bytes, 0 at the end.
    func read(into buffer: inout [UInt8]) throws -> Int
}

extension ZipEntryStream: XMLByteSource {}

/// Bytes already in memory.
public final class MemoryByteSource: XMLByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public func read(into buffer: inout [UInt8]) throws -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        buffer.replaceSubrange(0..<n, with: bytes[offset..<offset + n])
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

/// A streaming pull parser over libxml2's SAX2 push parser (no DOM, no reader tree).
///
/// The source is read a chunk at a time and pushed to libxml2, whose callbacks record
/// compact events in a `SAXEventBuffer`; `next()` takes them one by one, so memory stays
/// bounded by the chunk. Safe by construction: a `<!DOCTYPE` stops the parser the moment
/// libxml2 meets it, before any declaration inside it is read (`SAXHandler`); options are `XML_PARSE_NONET` plus error silencing,
/// never `NOENT`, `DTDLOAD` or `HUGE`; nesting depth is capped.
public final class XMLPullParser {
    public enum NodeKind: Sendable { case start, end, text, other }

    /// The namespaces the parser reports by short name.
    public enum Namespace: Sendable, Hashable {
        case w, r, other, none
    }

    /// Bytes read and pushed at a time: small pushes keep libxml2 from shifting a long
    /// unparsed rest of its input after each one.
    private static let chunkSize = 4096
    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    private let source: XMLByteSource
    private let events: SAXEventBuffer
    private var context: xmlParserCtxtPtr?
    /// The bytes pushed to libxml2, refilled by each `feed`.
    private var chunk = [UInt8](repeating: 0, count: XMLPullParser.chunkSize)
    /// No more input: the source ended, or parsing failed.
    private var finished = false
    /// The event taken last.
    private var current: SAXEventBuffer.Event?
    /// The name of the element started or ended last.
    private var nameIndex = SAXEventBuffer.noName
    public let part: String

    public private(set) var kind: NodeKind = .other
    /// The current element's name as a `WTag` (`.other` outside WordprocessingML's known names).
    public private(set) var tag: WTag = .other
    public private(set) var namespace: Namespace = .none
    public private(set) var isEmptyElement = false
    public private(set) var depth = 0
    /// An empty element (`<w:p/>`) is reported as a start and then an end, like any other.
    private var pendingEnd = false

    /// `unreadContent`: WordprocessingML elements whose content the caller will not read; each is
    /// reported as an empty element, and what is inside it is parsed (and checked) but not recorded.
    public init(source: XMLByteSource, part: String, maxDepth: Int = ReadLimits.standard.maxDepth,
                unreadContent: Set<WTag> = []) throws {
        _ = LibXML.ready
        self.source = source
        self.part = part
        events = SAXEventBuffer(part: part, maxDepth: maxDepth, unreadContent: unreadContent)
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// The local name of the current element (start or end).
    public var name: String { events.names[nameIndex] }

    /// Advances to the next node; `false` at the end of the document.
    public func next() throws -> Bool {
        if pendingEnd {
            pendingEnd = false
            kind = .end
            isEmptyElement = false
            return true
        }
        // One event of look-ahead: whether a start is empty is known once the next event is.
        while events.pending < 2 && !finished { try feed() }
        guard events.pending > 0 else {
            if let failure = events.failure { throw failure }
            current = nil
            return false
        }
        let event = events.events[events.cursor]
        events.cursor += 1
        current = event
        kind = event.kind
        switch event.kind {
        case .start, .end:
            namespace = event.namespace
            nameIndex = event.name
            tag = event.tag
            depth = event.depth
            isEmptyElement = event.isEmpty
            pendingEnd = event.isEmpty
        default:
            isEmptyElement = false
        }
        return true
    }

    /// Reads the next chunk and pushes it to libxml2 (the end of input, when the source is done).
    private func feed() throws {
        events.discardTaken()
        var count = 0
        do {
            count = try source.read(into: &chunk)
        } catch {
            events.fail(error)
            finished = true
            return
        }
        var offset = 0
        if context == nil {
            // The first four bytes go with the context, which tells the encoding from them.
            offset = count >= 4 ? 4 : 0
            var handler = SAXHandler.make()
            context = kartograf_create_push_parser(&handler, Unmanaged.passUnretained(events).toOpaque(),
                                                   Array(chunk[0..<offset]), Int32(offset))
            guard let context else {
                finished = true
                throw ReadError.malformedXML(part: part, detail: "не удалось начать разбор")
            }
            xmlCtxtUseOptions(context, XMLPullParser.options)
            events.context = context
        }
        guard let context else { return }
        let rest = offset == 0 ? chunk : Array(chunk[offset..<count])
        let status = kartograf_parse_chunk(context, rest, Int32(count - offset), count == 0 ? 1 : 0)
        if count == 0 { finished = true }
        if events.failure == nil, status != 0 || context.pointee.wellFormed == 0 { events.fail(malformed()) }
        if events.failure != nil { finished = true }
    }

    private func malformed() -> Error {
        var detail = "ошибка разбора"
        if let err = xmlCtxtGetLastError(context), let msg = err.pointee.message {
            detail = String(cString: msg).trimmingCharacters(in: .whitespacesAndNewlines)
            detail += ", строка \(err.pointee.line)"
        }
        return ReadError.malformedXML(part: part, detail: detail)
    }

    /// True at the start of `w:<local>`.
    @inline(__always)
    public func isStart(_ local: String) -> Bool { kind == .start && namespace == .w && name == local }

    /// The text of the current text node.
    public var text: String {
        guard kind == .text, let current else { return "" }
        return events.string(current.bytes)
    }

    /// The value of the current element's attribute with this local name, in the
    /// WordprocessingML or relationships namespace or none.
    public func attribute(_ local: String) -> String? {
        guard kind == .start, let current else { return nil }
        for i in current.attributes {
            let a = events.attributes[i]
            if a.namespace != .other, events.names[a.name] == local { return events.value(of: a) }
        }
        return nil
    }

    /// Any attribute with this local name, whatever its namespace (for `dc:`/`cp:` parts and rels).
    public func anyAttribute(_ local: String) -> String? {
        guard kind == .start, let current else { return nil }
        for i in current.attributes {
            let a = events.attributes[i]
            if events.names[a.name] == local { return events.value(of: a) }
        }
        return nil
    }

    /// Skips the rest of the current element (call at its start).
    public func skipElement() throws { try forEachDescendant {} }

    /// Calls `body` at the start of every element inside the current one (call at its start);
    /// returns once the current element has ended.
    public func forEachDescendant(_ body: () throws -> Void) throws {
        guard kind == .start else { return }
        if isEmptyElement { pendingEnd = false; return }
        let d = depth
        while try next() {
            if kind == .end && depth == d { return }
            if kind == .start { try body() }
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
