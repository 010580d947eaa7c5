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

extension Export: Encodable {
    private enum CodingKeys: String, CodingKey { case format, source, documents, diagnostics }

    /// Where the export came from: `{"file": …, "sha256": …}`.
    private struct Source: Encodable {
        let file: String
        let sha256: String
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Export.format, forKey: .format)
        try c.encode(Source(file: file, sha256: sha256), forKey: .source)
        try c.encode(documents, forKey: .documents)
        try c.encode(diagnostics, forKey: .diagnostics)
    }
}
