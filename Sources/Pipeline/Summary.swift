import JSON
import Model

/// What became of one input file in a run.
public struct FileReport: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        /// Read and recorded; export and protocol written.
        case processed
        /// Not readable as a Word document; moved beside its reason.
        case rejected
        /// The same bytes were already known; not processed again.
        case skipped
        /// The file disappeared before it could be processed (taken by another process, or removed; no error).
        case vanished
        /// The pipeline itself failed (a file it could not write…); the file stays in the inbox.
        case failed
        /// Left in the inbox for a later run: still being written, or the run stopped before it.
        case postponed
    }

    /// The path inside the inbox (`карта.docx`, `Школа 5/карта.docx`).
    public var file: String
    public var outcome: Outcome
    public var organization: String?
    /// Paths relative to the output folder.
    public var exportPath: String?
    public var protocolPath: String?
    public var storedPath: String?
    public var reasonPath: String?
    public var reasonCode: String?
    public var reason: String?
    public var converted: Bool = false
    /// For a skipped file: the name under which its bytes first arrived.
    public var duplicateOf: String?
    public var diagnostics: [Severity: Int] = [:]

    public init(file: String, outcome: Outcome) {
        self.file = file
        self.outcome = outcome
    }

    init(postponed file: InboxFile, reason: String) {
        self.init(file: file.relative, outcome: .postponed)
        self.reason = reason
    }

    init(failed file: InboxFile, _ error: PipelineError) {
        self.init(file: file.relative, outcome: .failed)
        reason = "не обработан и оставлен во входящих: \(error.description)"
    }

    /// Whether the file is still in the inbox after the run.
    public var isLeftInInbox: Bool { outcome == .failed || outcome == .postponed }
}

/// The result of a run: every file's report and totals.
public struct RunSummary: Sendable {
    public var files: [FileReport]
    /// Files of the inbox the run did not take (lock files, temporary files…).
    public var ignored: [IgnoredFile]
    public var seconds: Double
    /// Files whose earlier, interrupted run had been recorded but not moved, finished now.
    public var resumed: Int
    /// Why the run stopped before its end (a full disk, an unusable registry), in Russian.
    public var stopReason: String?
    /// What the methodist should know of the run as a whole (a lexicon that could not be read), in Russian.
    public var notices: [String] = []

    public init(files: [FileReport] = [], ignored: [IgnoredFile] = [], seconds: Double = 0, resumed: Int = 0,
                stopReason: String? = nil) {
        self.files = files
        self.ignored = ignored
        self.seconds = seconds
        self.resumed = resumed
        self.stopReason = stopReason
    }

    public func count(_ outcome: FileReport.Outcome) -> Int { files.filter { $0.outcome == outcome }.count }
    public var converted: Int { files.filter(\.converted).count }
    public var diagnostics: [Severity: Int] {
        files.reduce(into: [:]) { acc, f in for (s, n) in f.diagnostics { acc[s, default: 0] += n } }
    }
    public var filesPerSecond: Double { seconds > 0 ? Double(files.count) / seconds : 0 }

    /// Exit status of `run` (cli.md): 0 when every file was processed, 1 when some were rejected or
    /// could not be processed, 3 when the run stopped early because it could not go on (a full
    /// disk, an unusable registry).
    public var exitCode: Int32 {
        if stopReason != nil { return 3 }
        return count(.rejected) + count(.failed) > 0 ? 1 : 0
    }

    /// Files with errors in their documents, by name, for the closing lines.
    public var filesWithErrors: [FileReport] { files.filter { ($0.diagnostics[.error] ?? 0) > 0 } }

    /// The keys before the files, in order.
    private var head: [(String, JSONValue)] {
        func num(_ n: Int) -> JSONValue { .number(Double(n)) }
        let severities = diagnostics
        var left: [JSONValue] = files.filter(\.isLeftInInbox).map { f in
            .object([("file", .string(f.file)), ("outcome", .string(f.outcome.rawValue)), ("reason", .optional(f.reason))])
        }
        left += ignored.map { .object([("file", .string($0.file)), ("outcome", .string("ignored")),
                                       ("reason", .string($0.reason))]) }
        return [
            ("format", .string("kartograf-run/1")),
            ("processed", num(count(.processed))),
            ("rejected", .array(files.filter { $0.outcome == .rejected }.map { f in
                .object([("file", .string(f.file)), ("code", .optional(f.reasonCode)),
                         ("reason", .optional(f.reason)), ("storedAs", .optional(f.storedPath))])
            })),
            ("converted", num(converted)),
            ("skipped", .array(files.filter { $0.outcome == .skipped }.map { f in
                .object([("file", .string(f.file)), ("duplicateOf", .optional(f.duplicateOf)),
                         ("storedAs", .optional(f.storedPath))])
            })),
            ("left", .array(left)),
            ("vanished", num(count(.vanished))),
            ("resumed", num(resumed)),
            ("stopped", .optional(stopReason)),
            ("notices", .array(notices.map { .string($0) })),
            ("diagnostics", .object(Severity.allCases.map { ($0.rawValue, num(severities[$0] ?? 0)) })),
            ("seconds", .number((seconds * 1000).rounded() / 1000)),
            ("filesPerSecond", .number((filesPerSecond * 10).rounded() / 10)),
        ]
    }

    /// The human summary for stderr, in Russian.
    public var text: String {
        var lines: [String] = []
        if let stopReason { lines.append(stopReason) }
        lines += notices.map { "Внимание: \($0)" }
        let d = diagnostics
        lines.append("Обработано: \(count(.processed)), отклонено: \(count(.rejected)), "
                     + "уже известны: \(count(.skipped)), преобразовано из старых форматов: \(converted).")
        if resumed > 0 { lines.append("Завершено после прерванного запуска: \(resumed).") }
        if count(.vanished) > 0 { lines.append("Исчезли из папки до обработки (или взяты другим процессом): \(count(.vanished)).") }
        lines.append("Замечания в документах: ошибок \(d[.error] ?? 0), предупреждений \(d[.warning] ?? 0), "
                     + "замечаний \(d[.info] ?? 0).")
        for f in files where f.outcome == .rejected {
            lines.append("  ✗ \(f.file): \(f.reason ?? "причина неизвестна")")
        }
        // After a stop, the files not reached all say the same: the reason is given once, above.
        let left = files.filter(\.isLeftInInbox)
        if !left.isEmpty {
            lines.append("Оставлены во входящих: \(left.count).")
            for f in left where stopReason.map({ !(f.reason ?? "").contains($0) }) ?? true {
                lines.append("  ! \(f.file): \(f.reason ?? "")")
            }
        }
        if !ignored.isEmpty {
            lines.append("Не взяты в обработку (\(ignored.count)):")
            for f in ignored { lines.append("  – \(f.file): \(f.reason)") }
        }
        if !files.isEmpty {
            lines.append(String(format: "Время: %.1f с (%.1f файл/с).", seconds, filesPerSecond))
        }
        return lines.joined(separator: "\n")
    }
}

extension FileReport {
    public var json: JSONValue {
        .object([
            ("file", .string(file)),
            ("outcome", .string(outcome.rawValue)),
            ("organization", .optional(organization)),
            ("export", .optional(exportPath)),
            ("protocol", .optional(protocolPath)),
            ("storedAs", .optional(storedPath)),
            ("reasonFile", .optional(reasonPath)),
            ("code", .optional(reasonCode)),
            ("reason", .optional(reason)),
            ("converted", .bool(converted)),
            ("duplicateOf", .optional(duplicateOf)),
            ("diagnostics", .object(Severity.allCases.map { ($0.rawValue, .number(Double(diagnostics[$0] ?? 0))) })),
        ])
    }

    /// One line for a person, as `watch` prints it.
    public var line: String {
        switch outcome {
        case .processed:
            let d = diagnostics
            return "✓ \(file) → \(exportPath ?? "") (ошибок \(d[.error] ?? 0), предупреждений \(d[.warning] ?? 0))"
        case .rejected: return "✗ \(file): \(reason ?? "")"
        case .skipped: return "= \(file): уже обработан ранее\(duplicateOf.map { " как «\($0)»" } ?? "")"
        case .vanished: return "– \(file): файл исчез до обработки или взят другим процессом"
        case .failed, .postponed: return "! \(file): \(reason ?? "")"
        }
    }
}

/// The summary's one JSON form (`kartograf run --json`), written by `JSONWriter.write` as it encodes:
/// each file's object is made when it is written, so the summary of a long batch is never held whole.
extension RunSummary: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for (name, value) in head { try c.encode(value, forKey: AnyKey(name)) }
        try c.encode(files, forKey: AnyKey("files"))
    }
}

extension FileReport: Encodable {
    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}
