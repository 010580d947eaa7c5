/// The `roadmap-export/1` result of reading one input file.
public struct Export: Hashable, Sendable {
    public static let format = "roadmap-export/1"

    public var file: String
    public var sha256: String
    public var documents: [Document]
    public var diagnostics: [Diagnostic]

    public init(file: String, sha256: String, documents: [Document] = [], diagnostics: [Diagnostic] = []) {
        self.file = file
        self.sha256 = sha256
        self.documents = documents
        self.diagnostics = diagnostics
    }

    /// True when the file itself could not be read (a `file.*` error).
    public var isUnreadable: Bool {
        diagnostics.contains { $0.code == .fileUnreadable || $0.code == .fileUnsupportedFormat }
    }

    /// Counts of diagnostics by severity.
    public var severityCounts: [Severity: Int] {
        // Counted, not grouped: grouping copied every diagnostic into per-severity arrays for every protocol.
        var counts: [Severity: Int] = [:]
        for d in diagnostics { counts[d.severity, default: 0] += 1 }
        return counts
    }
}

extension Export: JSONEncodable {
    public func encode<Output: JSONOutput>(into out: inout Output) {
        out.object { out in
            out.field("format", Export.format)
            out.key("source")
            out.object { out in
                out.field("file", file)
                out.field("sha256", sha256)
            }
            out.field("documents", documents)
            out.field("diagnostics", diagnostics)
        }
    }
}
