import CLibxml2
import Model
import Text

/// What libxml2's SAX2 callbacks reported and the pull side has not read yet, kept as
/// plain values: names are indices into a table interned by the address of libxml2's
/// dictionary strings (stable for the whole parse), text and attribute values are
/// ranges of one byte buffer. Holds about one input chunk's worth of events.
final class SAXEventBuffer {
    typealias Namespace = XMLPullParser.Namespace

    struct Event {
        var kind: XMLPullParser.NodeKind
        var namespace: Namespace
        var tag: WTag
        /// A start whose end came next with nothing between (`<w:p/>` or `<w:p></w:p>`).
        var isEmpty: Bool
        var depth: Int
        var name: Int
        /// Text: its bytes. Start: the bytes of its attribute values. End: empty.
        var bytes: Range<Int>
        var attributes: Range<Int>
    }

    struct Attribute {
        var name: Int
        var namespace: Namespace
        var value: Range<Int>
        /// An `xmlns` declaration: its value is the URI as written, not an attribute value.
        var declaresNamespace: Bool
    }

    private(set) var events: [Event] = []
    private(set) var attributes: [Attribute] = []
    /// Text and attribute values, end to end.
    private var bytes: [UInt8] = []
    /// Two fixed entries: no name, and the name a default namespace declaration (`xmlns="…"`) goes by.
    private(set) var names: [String] = ["", "xmlns"]
    private var tags: [WTag] = [.other, .other]
    static let noName = 0
    private static let xmlnsName = 1
    /// The first event the pull side has not taken.
    var cursor = 0
    /// The first failure met; reported once the events before it are read.
    private(set) var failure: Error?
    /// Set while parsing, so that a callback can stop the parser.
    var context: xmlParserCtxtPtr?

    let part: String
    private let maxDepth: Int
    /// Elements whose content is not reported (their start and end are, as an empty element).
    private let unreadContent: Set<WTag>
    /// Inside such an element: 1 at its own level, one more for each element open inside it.
    private var unreadDepth = 0
    /// Name, namespace and tag of each open element, so that an end needs no look-up.
    private var open: [(name: Int, namespace: Namespace, tag: WTag)] = []
    private var stopped = false
    /// Names and namespaces by the address of libxml2's interned string: the addresses are
    /// keys only, never read through (sound whatever becomes of the strings).
    private var nameIndex: [Int: Int] = [:]
    private var namespaceCache: [Int: Namespace] = [:]
    /// The name last found in each of 256 slots, by address: nearly every look-up hits here,
    /// and hashing an address for the dictionary costs more than libxml2's own work on a node.
    private var recentNames = [(address: Int, index: Int)](repeating: (0, 0), count: 256)
    /// The namespace pointer seen last and what it was: nearly every element repeats it.
    private var lastNamespace: (address: Int, value: Namespace) = (0, .none)

    init(part: String, maxDepth: Int, unreadContent: Set<WTag> = []) {
        self.part = part
        self.maxDepth = maxDepth
        self.unreadContent = unreadContent
        events.reserveCapacity(1024)
        attributes.reserveCapacity(1024)
        bytes.reserveCapacity(16 * 1024)
        open.reserveCapacity(64)
    }

    var pending: Int { events.count - cursor }

    /// Records a failure (the first one wins) and stops the parser.
    func fail(_ error: Error) {
        if failure == nil { failure = error }
        stopped = true
        if let context { xmlStopParser(context) }
    }

    /// Drops the events already taken, with their bytes and attributes, keeping the rest.
    func discardTaken() {
        guard cursor > 0 else { return }
        defer { cursor = 0 }
        if cursor == events.count {
            events.removeAll(keepingCapacity: true)
            attributes.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
            return
        }
        // Each event's bytes and attributes start where the previous event's ended.
        let byteBase = events[cursor].bytes.lowerBound
        let attributeBase = events[cursor].attributes.lowerBound
        events.removeSubrange(0..<cursor)
        bytes.removeSubrange(0..<byteBase)
        attributes.removeSubrange(0..<attributeBase)
        for i in events.indices {
            events[i].bytes = events[i].bytes.shifted(by: -byteBase)
            events[i].attributes = events[i].attributes.shifted(by: -attributeBase)
        }
        for i in attributes.indices { attributes[i].value = attributes[i].value.shifted(by: -byteBase) }
    }

    // MARK: SAX2 callbacks

    typealias XMLString = UnsafePointer<xmlChar>

    func startElement(_ localName: XMLString?, _ uri: XMLString?, namespaceCount: Int, namespaces: UnsafeMutablePointer<XMLString?>?,
                      attributeCount: Int, attributes raw: UnsafeMutablePointer<XMLString?>?) {
        guard !stopped else { return }
        if unreadDepth > 0 {
            unreadDepth += 1
            if open.count + unreadDepth > maxDepth { fail(ReadError.nestingTooDeep(part: part)) }
            return
        }
        let depth = open.count
        if depth > maxDepth { return fail(ReadError.nestingTooDeep(part: part)) }
        let namespace = self.namespace(uri)
        let name = intern(localName)
        let tag = namespace == .w ? tags[name] : .other
        open.append((name, namespace, tag))
        let byteStart = byteCount, attributeStart = attributes.count
        // Namespace declarations first, as libxml2's reader listed them: named by their prefix.
        if let namespaces {
            for i in 0..<namespaceCount {
                let prefix = namespaces[2 * i], href = namespaces[2 * i + 1]
                let start = byteCount
                if let href { appendBytes(href, count: Int(xmlStrlen(href))) }
                attributes.append(Attribute(name: prefix.map(intern) ?? SAXEventBuffer.xmlnsName, namespace: .other, value: start..<byteCount,
                                            declaresNamespace: true))
            }
        }
        // Five pointers each: local name, prefix, URI, value start, value end.
        if let raw {
            for i in 0..<attributeCount {
                let fields = raw + 5 * i
                let start = byteCount
                if let value = fields[3], let end = fields[4] { appendBytes(value, count: end - value) }
                attributes.append(Attribute(name: intern(fields[0]), namespace: self.namespace(fields[2]),
                                            value: start..<byteCount, declaresNamespace: false))
            }
        }
        events.append(Event(kind: .start, namespace: namespace, tag: tag, isEmpty: false,
                            depth: depth, name: name, bytes: byteStart..<byteCount,
                            attributes: attributeStart..<attributes.count))
        if tag != .other, unreadContent.contains(tag) { unreadDepth = 1 }
    }

    func endElement() {
        guard !stopped else { return }
        if unreadDepth > 1 { unreadDepth -= 1; return }
        unreadDepth = 0
        guard let element = open.popLast() else { return }
        // An open start not yet taken and nothing after it: this end closes it, so it was empty.
        if events.count > cursor, events[events.count - 1].kind == .start, !events[events.count - 1].isEmpty {
            events[events.count - 1].isEmpty = true
            return
        }
        events.append(Event(kind: .end, namespace: element.namespace, tag: element.tag, isEmpty: false,
                            depth: open.count, name: element.name, bytes: byteCount..<byteCount,
                            attributes: attributes.count..<attributes.count))
    }

    /// Character data, whitespace and CDATA alike: consecutive pieces make one text event,
    /// as they made one text node for the reader.
    func characters(_ text: XMLString?, count: Int) {
        guard !stopped, unreadDepth == 0, let text, count > 0 else { return }
        if events.count > cursor, events[events.count - 1].kind == .text {
            appendBytes(text, count: count)
            events[events.count - 1].bytes = events[events.count - 1].bytes.lowerBound..<byteCount
            return
        }
        let start = byteCount
        appendBytes(text, count: count)
        events.append(Event(kind: .text, namespace: .none, tag: .other, isEmpty: false, depth: open.count, name: SAXEventBuffer.noName,
                            bytes: start..<byteCount, attributes: attributes.count..<attributes.count))
    }

    // MARK: Values

    /// The text of a range of the byte buffer.
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// An attribute's value. libxml2 hands `&` over as the character reference `&#38;`
    /// (for the tree builder to resolve) when entities are not substituted; other
    /// references are already resolved.
    func value(of attribute: Attribute) -> String {
        let range = attribute.value
        let value = bytes[range]
        guard !attribute.declaresNamespace, value.contains(UInt8(ascii: "&")) else { return string(range) }
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var i = value.startIndex
        while i < value.endIndex {
            if value[i...].starts(with: SAXEventBuffer.ampersandReference) {
                out.append(UInt8(ascii: "&"))
                i += SAXEventBuffer.ampersandReference.count
            } else {
                out.append(value[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let ampersandReference = Array("&#38;".utf8)

    /// Sound: libxml2 hands over `count` valid bytes at `p` for the time of the callback.
    private func appendBytes(_ p: XMLString, count: Int) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
    }

    private var byteCount: Int { bytes.count }

    private func intern(_ p: XMLString?) -> Int {
        guard let p else { return SAXEventBuffer.noName }
        let address = Int(bitPattern: p)
        // Fibonacci hashing: the top bits of the product spread nearby addresses over the slots.
        let slot = Int(truncatingIfNeeded: (UInt(bitPattern: address) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        if recentNames[slot].address == address { return recentNames[slot].index }
        let index = nameIndex[address] ?? add(name: String(cString: p), address: address)
        recentNames[slot] = (address, index)
        return index
    }

    private func add(name: String, address: Int) -> Int {
        names.append(name)
        tags.append(WTag(name: name))
        nameIndex[address] = names.count - 1
        return names.count - 1
    }

    private func namespace(_ p: XMLString?) -> Namespace {
        guard let p else { return .none }
        let address = Int(bitPattern: p)
        if address == lastNamespace.address { return lastNamespace.value }
        let ns: Namespace
        if let cached = namespaceCache[address] {
            ns = cached
        } else {
            ns = Namespace(uri: String(cString: p))
            namespaceCache[address] = ns
        }
        lastNamespace = (address, ns)
        return ns
    }
}

extension XMLPullParser.Namespace {
    init(uri: String) {
        switch uri {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
             "http://purl.oclc.org/ooxml/wordprocessingml/main":
            self = .w
        case "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             "http://purl.oclc.org/ooxml/officeDocument/relationships":
            self = .r
        default:
            self = .other
        }
    }
}

/// The SAX2 handler: elements and character data only; a document type declaration stops the
/// parser as libxml2 reports it, before its internal subset (where entities would be declared)
/// is read, in any encoding. Everything else stays unset.
enum SAXHandler {
    static func make() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localName, _, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            withBuffer(ctx) {
                $0.startElement(localName, uri, namespaceCount: Int(namespaceCount), namespaces: namespaces,
                                attributeCount: Int(attributeCount), attributes: attributes)
            }
        }
        handler.endElementNs = { ctx, _, _, _ in withBuffer(ctx) { $0.endElement() } }
        handler.characters = { ctx, text, count in withBuffer(ctx) { $0.characters(text, count: Int(count)) } }
        handler.cdataBlock = handler.characters
        // Whitespace between elements is character data too, as the reader reported it.
        handler.ignorableWhitespace = handler.characters
        handler.internalSubset = { ctx, _, _, _ in withBuffer(ctx) { $0.fail(ReadError.doctypeForbidden(part: $0.part)) } }
        return handler
    }
}

/// Runs a callback's work on the buffer it records into: the parser context's user data,
/// kept alive by the parser for the whole parse (so no retain and release per callback).
private func withBuffer(_ ctx: UnsafeMutableRawPointer?, _ body: (SAXEventBuffer) -> Void) {
    Unmanaged<SAXEventBuffer>.fromOpaque(ctx!)._withUnsafeGuaranteedRef(body)
}

private extension Range<Int> {
    func shifted(by offset: Int) -> Range<Int> { lowerBound + offset..<upperBound + offset }
}
