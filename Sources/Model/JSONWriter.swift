/// Writes `JSONValue` as UTF-8 JSON: non-ASCII kept as is, keys in their given order.
public struct JSONWriter: Sendable {
    public var indent: Int

    /// `indent` 0 writes everything on one line.
    public init(indent: Int = 2) { self.indent = indent }

    public func string(_ value: JSONValue) -> String {
        var out = ""
        out.reserveCapacity(4096)
        write(value, into: &out, level: 0)
        return out
    }

    private func newline(_ out: inout String, _ level: Int) {
        guard indent > 0 else { return }
        out.append("\n")
        out.append(String(repeating: " ", count: indent * level))
    }

    private func write(_ value: JSONValue, into out: inout String, level: Int) {
        switch value {
        case .null: out.append("null")
        case let .bool(b): out.append(b ? "true" : "false")
        case let .number(n):
            if n.isFinite, n == n.rounded(), abs(n) < 1e15 { out.append(String(Int64(n))) }
            else if n.isFinite { out.append(String(n)) }
            else { out.append("null") }
        case let .string(s): JSONWriter.escape(s, into: &out)
        case let .array(items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                newline(&out, level + 1)
                write(item, into: &out, level: level + 1)
            }
            newline(&out, level)
            out.append("]")
        case let .object(pairs):
            if pairs.isEmpty { out.append("{}"); return }
            out.append("{")
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out.append(",") }
                newline(&out, level + 1)
                JSONWriter.escape(k, into: &out)
                out.append(indent > 0 ? ": " : ":")
                write(v, into: &out, level: level + 1)
            }
            newline(&out, level)
            out.append("}")
        }
    }

    public static func escape(_ s: String, into out: inout String) {
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }
}
