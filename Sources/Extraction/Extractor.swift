import Checks
import Deadlines
import Foundation
import Model
import OOXML
import Recognition
import Responsibles
import Text

/// Settings of one extraction.
public struct ExtractConfiguration: Sendable {
    public var limits: ReadLimits
    /// People of the organisation's roster, `Фамилия И. О.`, when one is configured.
    public var roster: [String]?
    /// A home's learned recognition words (`HomeLexicon`), read besides the bundled data.
    public var learned: HomeLexicon?

    public init(limits: ReadLimits = .standard, roster: [String]? = nil, learned: HomeLexicon? = nil) {
        self.limits = limits
        self.roster = roster
        self.learned = learned
    }
}

/// Runs stages 1–4 on one file: read, recognise, normalise, check. Never throws:
/// a file that cannot be read yields an export with its `file.*` diagnostic.
public struct Extractor: Sendable {
    public var configuration: ExtractConfiguration

    /// The document checks, in the order their findings are listed.
    public static let checks: [any DocumentCheck] = [
        TemplateUnfilledCheck(), PeriodCheck(), NoItemsCheck(), OrderDateCheck(), ItemNumberingCheck(), RequiredFieldsCheck(),
    ]

    public init(configuration: ExtractConfiguration = ExtractConfiguration()) {
        self.configuration = configuration
    }

    /// Extracts a file on disk; `displayName` is what `source.file` says (defaults to the file name).
    public func extract(path: String, displayName: String? = nil) -> Export {
        let name = displayName ?? PathText.lastComponent(path)
        let bytes: [UInt8]
        do {
            bytes = try DocxReader.loadFile(path: path, limit: configuration.limits.maxFileBytes)
        } catch {
            let e = error as? ReadError ?? .ioFailure("\(error)")
            return Export(file: name, sha256: "", diagnostics: [e.diagnostic(file: name)])
        }
        return extract(bytes: bytes, fileName: name)
    }

    /// Extracts a file held in memory. `sha256` is the bytes' digest when the caller has it already.
    public func extract(bytes: [UInt8], fileName: String, sha256: String? = nil) -> Export {
        let sha = sha256 ?? Fingerprint.sha256(bytes)
        // The tree lives only until it is recognised: a long roadmap's tree is larger than
        // everything the later stages make of it.
        var recognized: [RecognizedDocument]
        let warnings: [ReadWarning]
        do {
            var tree = try DocxReader(limits: configuration.limits).read(bytes: bytes, fileName: fileName)
            warnings = tree.warnings
            recognized = Recognizer(learned: configuration.learned).recognize(taking: &tree)
        } catch {
            let e = error as? ReadError ?? .ioFailure("\(error)")
            return Export(file: fileName, sha256: sha, diagnostics: [e.diagnostic(file: fileName)])
        }
        let result = check(&recognized, warnings: warnings)
        return Export(file: fileName, sha256: sha, documents: result.value, diagnostics: result.diagnostics)
    }

    /// Stages 2–4 on a tree already read.
    public func extract(tree: DocumentTree) -> Checked<[Document]> {
        var recognized = Recognizer(learned: configuration.learned).recognize(tree)
        return check(&recognized, warnings: tree.warnings)
    }

    /// Stages 3–4 on what recognition found; what the reader could not read comes first.
    private func check(_ recognized: inout [RecognizedDocument], warnings: [ReadWarning]) -> Checked<[Document]> {
        var diagnostics: [Diagnostic] = warnings.map { w in
            Diagnostic(.documentContentSkipped, field: .document, text: nil, message: w.message)
        }
        var normalizer = Normalizer(roster: configuration.roster)
        normalizer.prepare(&recognized)
        for i in recognized.indices {
            diagnostics += normalizer.normalize(&recognized[i], index: i)
        }
        for (i, r) in recognized.enumerated() {
            let context = CheckContext(index: i, recognized: r)
            for check in Extractor.checks { diagnostics += check.check(context) }
        }
        let known: Set<DocumentKind> = [.roadmap, .report, .order, .indicators]
        if !recognized.contains(where: { known.contains($0.document.kind) }) {
            diagnostics.append(Diagnostic(.documentNotRecognized, field: .document,
                                          message: "В файле не найдено ни дорожной карты, ни отчёта, ни приказа, ни таблицы показателей. Проверьте, тот ли файл прислан, и что мероприятия оформлены таблицей с графами «Мероприятие», «Срок», «Ответственный»."))
        }
        return Checked(recognized.map(\.document), diagnostics: Extractor.ordered(diagnostics))
    }

    /// File-level findings first, then by document, section and the order they were found.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let da = a.element.document ?? -1, db = b.element.document ?? -1
            if da != db { return da < db }
            let sa = a.element.section ?? -1, sb = b.element.section ?? -1
            if sa != sb { return sa < sb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
