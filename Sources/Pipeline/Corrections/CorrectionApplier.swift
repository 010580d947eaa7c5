import Deadlines
import Model
import Reports
import Text

/// Applies a methodist's corrections to one file's export: the same function for the file they were made
/// on and for every later version of that school's file. Pure: the export in, the corrected export, what
/// became of each correction and the marks for the protocol out.
///
/// - A dismissed finding leaves the list (its mark stays in the protocol), where the same finding (code and
///   text, at the same item) is still there.
/// - A deadline is set where its item still matches (`ItemMatch`) and still reads as the school wrote it
///   when corrected (or already as corrected); it is parsed again at once within the document's period.
/// - A status is not applied to the export: the quarter reads it (`QuarterlyInput.statusCorrections`);
///   here it is only placed, so that a status whose item is gone is listed.
/// - Organisations, columns and document kinds are made on their file and learned for the next ones;
///   on a later version they are not tried.
/// - A later file without a document of the corrected document's kind is no version of it: not tried.
public struct CorrectionApplier: Sendable {
    public init() {}

    /// What applying gave.
    public struct Result: Sendable {
        public var export: Export
        public var outcomes: [CorrectionOutcome]
        /// The «исправлено методистом» lines of the protocol.
        public var marks: [ProtocolCorrection]
    }

    /// `corrections` are the school's, oldest first; `inputId` the file `export` is (0 before it is recorded:
    /// the outcomes take the id when they are).
    public func apply(_ corrections: [Correction], to export: Export, inputId: Int64) -> Result {
        var result = Result(export: export, outcomes: [], marks: [])
        for c in corrections {
            let later = c.inputId != inputId
            // A later file of the school is a new version of a corrected document only when it holds a document of
            // that kind (its quarterly report is no new version of its roadmap); a finding about the file as a whole
            // is looked for only where it is made again.
            if later, let kind = c.documentKind, !export.documents.contains(where: { $0.kind == kind }) { continue }
            if later, c.kind == .dismissal, c.documentKind == nil,
               !export.diagnostics.contains(where: { $0.code.rawValue == c.code && ($0.text ?? "") == (c.subject ?? "") }) {
                continue
            }
            let state: CorrectionState
            switch c.kind {
            case .organization:
                guard !later else { continue }
                state = .applied(document: c.document, item: nil)
                for d in result.export.documents.indices where c.document == nil || c.document == d {
                    result.export.documents[d].organization = c.value
                }
                result.marks.append(ProtocolCorrection(
                    label: c.document.map { "Документ \($0 + 1)" } ?? "Файл",
                    text: "Организация: «\(c.value)»" + (c.subject.map { " (в файле: «\($0)»)" } ?? ""),
                    byline: c.byline, note: c.note))
            case .column, .documentKind:
                guard !later else { continue }
                state = .applied(document: c.document, item: nil)
                if c.kind == .documentKind, let d = c.document, result.export.documents.indices.contains(d),
                   let kind = DocumentKind(rawValue: c.value), Self.isHeaded(result.export.documents[d], by: c.subject) {
                    result.export.documents[d].kind = kind
                }
                let what = c.kind == .column
                    ? "Столбец «\(c.subject ?? "")» — \(ColumnFieldName.russian(c.value))"
                    : "Вид документа: \(DocumentKind(rawValue: c.value)?.russian ?? c.value)"
                        + (c.subject.map { " (заголовок «\($0)»)" } ?? "")
                result.marks.append(ProtocolCorrection(label: c.document.map { "Документ \($0 + 1)" } ?? "Файл",
                                                       text: what, byline: c.byline, note: c.note))
            case .itemStatus:
                state = place(c, in: result.export).state
                if case let .applied(document, item?) = state, let document {
                    result.marks.append(ProtocolCorrection(
                        label: label(result.export, document, item),
                        text: "Статус за \(c.quarter.flatMap { Quarter($0) }?.russian ?? c.quarter ?? "квартал"): «\(c.value)»",
                        byline: c.byline, note: c.note))
                }
            case .dismissal:
                state = dismiss(c, in: &result)
            case .deadline:
                state = setDeadline(c, in: &result, original: export)
            }
            result.outcomes.append(CorrectionOutcome(correction: c, inputId: inputId, state: state))
        }
        return result
    }

    /// The document of a correction in this export: the one at its place when of the same kind, else the
    /// first of its kind.
    static func document(for c: Correction, in export: Export) -> Int? {
        if let d = c.document, export.documents.indices.contains(d),
           c.documentKind == nil || export.documents[d].kind == c.documentKind {
            return d
        }
        guard let kind = c.documentKind else { return nil }
        return export.documents.firstIndex { $0.kind == kind }
    }

    /// Where a correction's item is in this export, or why it is not.
    func place(_ c: Correction, in export: Export) -> (state: CorrectionState, document: Int?, item: Int?) {
        guard let d = Self.document(for: c, in: export) else {
            return (.notApplicable(reason: "в новой версии файла нет документа «\(c.documentKind?.russian ?? "")»"), nil, nil)
        }
        guard let reference = c.item else { return (.applied(document: d, item: nil), d, nil) }
        let items = export.documents[d].allItems.map(\.item)
        guard let k = ItemMatch.find(reference, in: items) else {
            return (.notApplicable(reason: "пункта \(reference.number.map { "№ \($0) " } ?? "")«\(Self.short(reference.activity))» "
                                   + "в новой версии нет"), d, nil)
        }
        return (.applied(document: d, item: k), d, k)
    }

    private func dismiss(_ c: Correction, in result: inout Result) -> CorrectionState {
        var label: String?
        if c.item != nil {
            let placed = place(c, in: result.export)
            guard let d = placed.document, let k = placed.item else { return placed.state }
            label = Self.itemLabel(result.export.documents[d], k)
        }
        guard let index = result.export.diagnostics.firstIndex(where: { d in
            d.code.rawValue == c.code && (d.text ?? "") == (c.subject ?? "") && (label == nil || d.item == label)
        }) else {
            return .notApplicable(reason: "замечания «\(c.code ?? "")»\(c.subject.map { " («\($0)»)" } ?? "") в этой версии файла нет")
        }
        let d = result.export.diagnostics.remove(at: index)
        result.marks.append(ProtocolCorrection(
            label: ProtocolCorrection.label(of: d, in: result.export),
            text: "Замечание отклонено: \(d.message.isEmpty ? d.code.rawValue : d.message)",
            byline: c.byline, note: c.note))
        return .applied(document: d.document, item: nil)
    }

    private func setDeadline(_ c: Correction, in result: inout Result, original: Export) -> CorrectionState {
        let placed = place(c, in: result.export)
        guard let d = placed.document, let k = placed.item else { return placed.state }
        var document = result.export.documents[d]
        let (s, i) = Self.position(document, k)
        // As the school wrote it (an earlier correction of the same item may have set it already).
        let current = original.documents[d].sections[s].items[i].deadline.text
        let folded = { (t: String?) in TextNormalizer.singleLine(t) ?? "" }
        guard folded(current) == folded(c.subject) || folded(current) == folded(c.value) else {
            return .notApplicable(reason: "школа изменила срок пункта: теперь «\(current ?? "")»")
        }
        let label = Self.itemLabel(document, k)
        let parsed = DeadlineParser().parse(c.value, period: document.period)
        document.sections[s].items[i].deadline = parsed.value
        result.export.documents[d] = document
        // The old text's findings give way to the new one's.
        result.export.diagnostics.removeAll { $0.document == d && $0.item == label && $0.code.rawValue.hasPrefix("deadline.") }
        result.export.diagnostics += parsed.diagnostics.map { $0.located(document: d, section: s, item: label) }
        result.marks.append(ProtocolCorrection(
            label: ProtocolCorrection.label(document: d, item: label, in: result.export),
            text: "Срок: «\(c.value)» вместо «\(c.subject ?? "")»", byline: c.byline, note: c.note))
        return .applied(document: d, item: k)
    }

    /// Whether a document's title starts with the heading words a kind correction learned (any document when
    /// it learned none): after the file is read again, the document at the corrected place must still be it.
    static func isHeaded(_ document: Document, by words: String?) -> Bool {
        guard let words, !words.isEmpty else { return true }
        let title = TextNormalizer.singleLine(document.title) ?? ""
        return title.lowercased().hasPrefix(words.lowercased())
    }

    /// Section and place within it of the `k`-th item of a document.
    static func position(_ document: Document, _ k: Int) -> (section: Int, item: Int) {
        var rest = k
        for (s, section) in document.sections.enumerated() {
            if rest < section.items.count { return (s, rest) }
            rest -= section.items.count
        }
        return (0, 0)
    }

    /// The item's label as diagnostics carry it: its number, else «#N», its row among the document's items.
    static func itemLabel(_ document: Document, _ k: Int) -> String {
        let (s, i) = position(document, k)
        return document.sections[s].items[i].number ?? "#\(k + 1)"
    }

    private func label(_ export: Export, _ d: Int, _ k: Int) -> String {
        ProtocolCorrection.label(document: d, item: Self.itemLabel(export.documents[d], k), in: export)
    }

    static func short(_ text: String?) -> String {
        let t = TextNormalizer.singleLine(text) ?? ""
        return t.count > 60 ? String(t.prefix(57)) + "…" : t
    }
}

/// Column fields as the methodist reads them.
public enum ColumnFieldName {
    public static let fields = ["number", "activity", "deadline", "responsibles", "result", "outcome", "indicator"]

    public static func russian(_ field: String) -> String {
        switch field {
        case "number": return "номер"
        case "activity": return "мероприятие"
        case "deadline": return "срок"
        case "responsibles": return "ответственные"
        case "result": return "результат"
        case "outcome": return "отметка о выполнении"
        case "indicator": return "показатель"
        default: return field
        }
    }
}
