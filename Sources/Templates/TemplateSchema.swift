import JSON
import Model

/// The names a template may use: the shape of its data, learnt from a sample
/// (the data itself, or a declared example). Arrays take the union of their
/// elements' keys, so an optional key in some elements is still known.
public indirect enum TemplateSchema: Sendable, Hashable {
    /// Anything goes (null, an empty array's elements): the shape is not known.
    case any
    case scalar
    case object([String], [String: TemplateSchema])
    case array(TemplateSchema)

    public init(sample: JSONValue) {
        switch sample {
        case .null: self = .any
        case .bool, .number, .string: self = .scalar
        case let .array(items):
            var element: TemplateSchema?
            for item in items {
                let shape = TemplateSchema(sample: item)
                element = element.map { $0.merged(shape) } ?? shape
            }
            self = .array(element ?? .any)
        case let .object(pairs):
            var keys: [String] = []
            var fields: [String: TemplateSchema] = [:]
            for (k, v) in pairs {
                let s = TemplateSchema(sample: v)
                if let old = fields[k] { fields[k] = old.merged(s) } else { keys.append(k); fields[k] = s }
            }
            self = .object(keys, fields)
        }
    }

    /// The union of two shapes; a richer shape wins over a scalar.
    public func merged(_ other: TemplateSchema) -> TemplateSchema {
        switch (self, other) {
        case (.any, let x), (let x, .any): return x
        case let (.object(k1, f1), .object(k2, f2)):
            var keys = k1
            var fields = f1
            for k in k2 {
                if let old = fields[k] { fields[k] = old.merged(f2[k]!) } else { keys.append(k); fields[k] = f2[k]! }
            }
            return .object(keys, fields)
        case let (.array(a), .array(b)): return .array(a.merged(b))
        case (.scalar, let x), (let x, .scalar): return x
        default: return .any
        }
    }

    /// The keys of an object shape, in first-seen order.
    var keys: [String] {
        if case let .object(keys, _) = self { return keys }
        return []
    }

    /// The shape one step down: a key of an object, an index of an array.
    func child(_ segment: String) -> TemplateSchema? {
        switch self {
        case .any: return .any
        case let .object(_, fields): return fields[segment]
        case let .array(element): return Int(segment) != nil ? element : nil
        case .scalar: return nil
        }
    }
}

/// Scopes of names while walking a template: the data at the root, then each open section.
struct SchemaScopes {
    private(set) var stack: [TemplateSchema]

    init(root: TemplateSchema) { stack = [root] }

    /// Resolves a dotted name: its first segment against the innermost scope that has it, then down.
    func resolve(_ tag: TemplateTag) -> TemplateSchema? {
        let path = tag.path
        guard let head = path.first else { return stack.last }
        for scope in stack.reversed() {
            guard var s = scope.child(head) else { continue }
            if case .array = scope, Int(head) == nil { continue }
            for seg in path.dropFirst() {
                guard let next = s.child(seg) else { return nil }
                s = next
            }
            return s
        }
        return nil
    }

    /// The scope a section opens: an array's element, or the value itself.
    mutating func enter(_ tag: TemplateTag, resolved: TemplateSchema?) {
        if tag.kind == .inverted { stack.append(.object([], [:])); return }
        if case let .array(element)? = resolved { stack.append(element) } else { stack.append(resolved ?? .any) }
    }

    mutating func leave() { if stack.count > 1 { stack.removeLast() } }

    /// Every name usable here, innermost first.
    var available: [String] {
        var seen = Set<String>()
        var names: [String] = []
        for scope in stack.reversed() {
            for k in scope.keys where seen.insert(k).inserted { names.append(k) }
        }
        return names
    }
}
