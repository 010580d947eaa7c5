/// Finds the `{{…}}` tags of every paragraph and gives each its own run.
///
/// Word splits typed text over runs freely (spell-check marks, revisions,
/// bookmarks, language changes), so `{{name}}` may be `{{`, `na`, `me}}` in
/// three runs with a `w:proofErr` between. The tag's text is gathered into the
/// run where it starts; that run is then split so the tag stands alone in a
/// run with the first run's `w:rPr`. Everything that is not text (bookmarks,
/// proofing marks) stays where it was.
struct TagIsolation {
    /// A tag found in a part, with the paragraph around it.
    struct Occurrence {
        let tag: TemplateTag
        let run: XNode
        let context: String
    }

    let part: String
    private(set) var faults: [TemplateFault] = []
    private var contexts: [ObjectIdentifier: String] = [:]

    init(part: String) { self.part = part }

    /// Isolates every tag below `root`; returns the tags in document order.
    mutating func run(_ root: XNode) -> [Occurrence] {
        var paragraphs: [XNode] = []
        root.forEachElement { if $0.name == "w:p" { paragraphs.append($0) } }
        for p in paragraphs { isolate(in: p) }
        var found: [Occurrence] = []
        root.forEachElement { node in
            if let tag = node.tag { found.append(Occurrence(tag: tag, run: node, context: contexts[ObjectIdentifier(node)] ?? "")) }
        }
        return found
    }

    /// The `w:t` elements of a paragraph's own runs (not of paragraphs nested in text boxes).
    static func textSlots(of paragraph: XNode) -> [XNode] {
        var slots: [XNode] = []
        func visit(_ node: XNode) {
            for c in node.children where c.isElement {
                if c.name == "w:p" { continue }
                if c.name == "w:t", node.name == "w:r" { slots.append(c); continue }
                visit(c)
            }
        }
        visit(paragraph)
        return slots
    }

    static func text(of slot: XNode) -> String {
        slot.children.reduce(into: "") { if $1.kind == .text { $0 += $1.text } }
    }

    static func setText(_ text: String, of slot: XNode) {
        slot.setChildren(text.isEmpty ? [] : [XNode(text: text)])
        if text.first == " " || text.last == " " || text.contains("  ") || text.contains("\t") {
            slot.setAttribute("xml:space", "preserve")
        }
    }

    /// The paragraph's plain text (its runs' `w:t`).
    static func paragraphText(_ paragraph: XNode) -> String {
        textSlots(of: paragraph).map(text(of:)).joined()
    }

    private mutating func isolate(in paragraph: XNode) {
        let full = Array(TagIsolation.paragraphText(paragraph).unicodeScalars)
        guard full.count >= 4, String(String.UnicodeScalarView(full)).contains("{{") else { return }
        let fullText = String(String.UnicodeScalarView(full))
        var tags: [(range: Range<Int>, tag: TemplateTag)] = []
        var i = 0
        func isPair(_ k: Int, _ c: Unicode.Scalar) -> Bool { k + 1 < full.count && full[k] == c && full[k + 1] == c }
        while i < full.count {
            guard isPair(i, "{") else { i += 1; continue }
            var j = i + 2
            var nextOpen: Int?
            while j < full.count, !isPair(j, "}") {
                if nextOpen == nil, isPair(j, "{") { nextOpen = j }
                j += 1
            }
            let context = contextWindow(fullText, around: i..<min(j + 2, full.count))
            if j >= full.count || nextOpen != nil {
                let end = nextOpen ?? full.count
                let shown = String(String.UnicodeScalarView(full[i..<min(end, i + 40)]))
                faults.append(TemplateFault(
                    .unclosedTag,
                    message: "Метка «\(shown)» открыта «{{», но не закрыта «}}» в том же абзаце. Допишите «}}» или удалите лишние «{{».",
                    tag: shown, context: context, part: part))
                i = nextOpen ?? full.count
                continue
            }
            let source = String(String.UnicodeScalarView(full[i..<(j + 2)]))
            let inner = String(String.UnicodeScalarView(full[(i + 2)..<j]))
            if let tag = TemplateTag.parse(inner: inner, source: source) {
                tags.append((i..<(j + 2), tag))
            } else {
                faults.append(TemplateFault(
                    .malformedTag,
                    message: "Метка «\(source)» записана неверно. Имя — слова из букв, цифр, «_» и «-», через точку (например, {{item.deadline.text}}); секции — {{#имя}} … {{/имя}}, {{^имя}} … {{/имя}}.",
                    tag: source, context: context, part: part))
            }
            i = j + 2
        }
        // Right to left, so the offsets of earlier tags stay valid.
        for (range, tag) in tags.reversed() {
            if let run = isolate(range, in: paragraph) {
                run.tag = tag
                contexts[ObjectIdentifier(run)] = contextWindow(fullText, around: range)
            }
        }
    }

    /// Gathers the characters `range` of the paragraph into one run of their own.
    private func isolate(_ range: Range<Int>, in paragraph: XNode) -> XNode? {
        let slots = TagIsolation.textSlots(of: paragraph)
        let texts = slots.map { Array(TagIsolation.text(of: $0).unicodeScalars) }
        // Locate the first and last slot of the tag.
        var offset = 0
        var first: (slot: Int, at: Int)?
        var last: (slot: Int, at: Int)?
        for (k, t) in texts.enumerated() {
            let lo = offset, hi = offset + t.count
            if first == nil, range.lowerBound >= lo, range.lowerBound < hi { first = (k, range.lowerBound - lo) }
            if range.upperBound > lo, range.upperBound <= hi { last = (k, range.upperBound - lo); break }
            offset = hi
        }
        guard let first, let last else { return nil }
        // Gather the tag's text into the first slot.
        let head = Array(texts[first.slot][..<first.at])
        var tail: [Unicode.Scalar]
        var tagText: [Unicode.Scalar] = []
        if first.slot == last.slot {
            tagText = Array(texts[first.slot][first.at..<last.at])
            tail = Array(texts[first.slot][last.at...])
        } else {
            tagText = Array(texts[first.slot][first.at...])
            for k in (first.slot + 1)..<last.slot { tagText += texts[k] }
            tagText += texts[last.slot][..<last.at]
            tail = []
            for k in (first.slot + 1)...last.slot {
                let rest = k == last.slot ? Array(texts[k][last.at...]) : []
                TagIsolation.setText(String(String.UnicodeScalarView(rest)), of: slots[k])
                if rest.isEmpty { removeEmptySlot(slots[k]) }
            }
        }
        // Split the first slot's run into [head][tag][tail].
        let slot = slots[first.slot]
        guard let run = slot.parent, let container = run.parent, let runIndex = run.indexInParent else { return nil }
        let rPr = run.child("w:rPr")
        let contentBefore = run.children.prefix { $0 !== slot }.filter { $0 !== rPr }
        let contentAfter = Array(run.children.drop { $0 !== slot }.dropFirst())
        func newRun(_ content: [XNode]) -> XNode {
            let r = XNode(element: run.name, attributes: run.attributes)
            if let rPr { r.append(rPr.clone()) }
            for c in content { r.append(c) }
            return r
        }
        func textElement(_ scalars: [Unicode.Scalar]) -> XNode {
            let t = XNode(element: "w:t", attributes: slot.attributes)
            TagIsolation.setText(String(String.UnicodeScalarView(scalars)), of: t)
            return t
        }
        var replacement: [XNode] = []
        if !contentBefore.isEmpty || !head.isEmpty {
            replacement.append(newRun(contentBefore + (head.isEmpty ? [] : [textElement(head)])))
        }
        let tagRun = newRun([textElement(tagText)])
        replacement.append(tagRun)
        if !contentAfter.isEmpty || !tail.isEmpty {
            replacement.append(newRun((tail.isEmpty ? [] : [textElement(tail)]) + contentAfter))
        }
        container.children.remove(at: runIndex)
        for (k, r) in replacement.enumerated() { container.insert(r, at: runIndex + k) }
        run.parent = nil
        return tagRun
    }

    /// Drops a `w:t` left empty, and its run when nothing but `w:rPr` remains.
    private func removeEmptySlot(_ slot: XNode) {
        guard let run = slot.parent else { return }
        slot.detach()
        if run.children.allSatisfy({ $0.isElement && $0.name == "w:rPr" }) { run.detach() }
    }
}
