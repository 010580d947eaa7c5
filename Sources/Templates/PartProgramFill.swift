import JSON
import Model

extension PartProgram {
    /// The filled part; nil when it would render more than `nodeLimit` nodes (as `TemplateRenderer` counts them).
    func fill(_ data: JSONValue, nodeLimit: Int) -> [UInt8]? {
        guard rootNodes <= nodeLimit else { return nil }
        var filler = Filler(text: text, scopes: [data], produced: rootNodes, limit: nodeLimit)
        filler.out.reserveCapacity(1 << 15)
        _ = filler.run(ops)
        return filler.exceeded ? nil : filler.out
    }

    private struct Filler {
        /// The program's static text.
        let text: [UInt8]
        var scopes: [JSONValue]
        var produced: Int
        let limit: Int
        var exceeded = false
        var out: [UInt8] = []

        init(text: [UInt8], scopes: [JSONValue], produced: Int, limit: Int) {
            self.text = text
            self.scopes = scopes
            self.produced = produced
            self.limit = limit
        }

        private mutating func write(_ piece: Range<Int>) {
            out.append(contentsOf: text[piece])
        }

        /// Writes `ops`; whether any node was written.
        mutating func run(_ ops: [Op]) -> Bool {
            var wrote = false
            for op in ops {
                switch op {
                case let .text(piece):
                    write(piece)
                    wrote = true
                case let .variable(run):
                    let value = TemplateRenderer.text(TemplateRenderer.resolve(run.path, in: scopes))
                    guard !value.isEmpty else { continue }
                    write(run.prefix)
                    TemplateRenderer.appendRunContent(value, into: &out)
                    write(run.suffix)
                    wrote = true
                case let .element(start, children, end):
                    write(start)
                    if run(children) {
                        write(end)
                    } else {
                        // `<x>` becomes `<x/>`, as the writer writes an element without children.
                        out.removeLast()
                        out.append(UInt8(ascii: "/"))
                        out.append(UInt8(ascii: ">"))
                    }
                    wrote = true
                case let .section(section):
                    if run(section) { wrote = true }
                }
                if exceeded { break }
            }
            return wrote
        }

        private mutating func run(_ section: Section) -> Bool {
            var wrote = false
            for (k, context) in TemplateRenderer.contexts(of: section.plan, in: scopes).enumerated() {
                produced += section.copyNodes
                if produced > limit { exceeded = true }
                if exceeded { break }
                if let context { scopes.append(context) }
                if run(k == 0 ? section.first : section.later) { wrote = true }
                if context != nil { scopes.removeLast() }
            }
            return wrote
        }
    }
}
