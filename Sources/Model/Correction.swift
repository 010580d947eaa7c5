/// What a methodist put right by hand (the desk's corrections).
public enum CorrectionKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A file or one of its documents belongs to this organisation.
    case organization
    /// An item's status for a quarter («выполнено», …), with a note.
    case itemStatus = "item-status"
    /// A diagnostic is not a finding after all, for a reason.
    case dismissal
    /// An item's deadline text as it should read.
    case deadline
    /// A table column whose header was not recognised holds this field.
    case column
    /// A document whose kind was missed is of this kind.
    case documentKind = "document-kind"

    /// «организация», «статус пункта», … for messages.
    public var russian: String {
        switch self {
        case .organization: return "организация"
        case .itemStatus: return "статус пункта"
        case .dismissal: return "замечание отклонено"
        case .deadline: return "срок"
        case .column: return "столбец таблицы"
        case .documentKind: return "вид документа"
        }
    }
}

/// The item a correction is about, as the file wrote it: matched again in a later version of the
/// school's file by its number, then by the similarity of its activity (`ItemMatch`).
public struct ItemReference: Hashable, Sendable, Codable {
    public var number: String?
    public var activity: String?

    public init(number: String?, activity: String?) {
        self.number = number
        self.activity = activity
    }

    public init(_ item: Item) { self.init(number: item.number, activity: item.activity) }
}

/// One correction as the registry keeps it: who made it, when, on which file, about what, and the
/// value typed. Flat on purpose: one row of the `correction` table, in any database.
///
/// - `organization`: `value` is the organisation; `subject` the name form the file used (learned).
/// - `itemStatus`: `value` is the status word, `quarter` the quarter (`2024-Q1`), `note` the methodist's note.
/// - `dismissal`: `code` and `subject` (the diagnostic's text) say which finding, `note` the reason.
/// - `deadline`: `value` is the new deadline text, `subject` the text the file had.
/// - `column`: `subject` is the header text, `value` the field (`deadline`, `responsibles`, …).
/// - `documentKind`: `value` is the kind, `subject` the heading's wording (learned).
public struct Correction: Hashable, Sendable {
    public var id: Int64
    public var kind: CorrectionKind
    /// The file it was made on (its registry id) and, when about one document, its place in the file.
    public var inputId: Int64
    public var document: Int?
    /// The organisation the file was filed under when the correction was made: a later version of
    /// that school's file is where it is applied again.
    public var organization: String?
    /// The kind of the document it is about, to find the same document in a later version.
    public var documentKind: DocumentKind?
    public var item: ItemReference?
    public var quarter: String?
    public var code: String?
    public var subject: String?
    public var value: String
    public var note: String?
    public var author: String
    /// When it was made, `YYYY-MM-DDTHH:MM:SSZ`.
    public var createdAt: String

    public init(id: Int64 = 0, kind: CorrectionKind, inputId: Int64, document: Int? = nil, organization: String? = nil,
                documentKind: DocumentKind? = nil, item: ItemReference? = nil, quarter: String? = nil,
                code: String? = nil, subject: String? = nil, value: String, note: String? = nil,
                author: String, createdAt: String) {
        self.id = id
        self.kind = kind
        self.inputId = inputId
        self.document = document
        self.organization = organization
        self.documentKind = documentKind
        self.item = item
        self.quarter = quarter
        self.code = code
        self.subject = subject
        self.value = value
        self.note = note
        self.author = author
        self.createdAt = createdAt
    }

    /// «Иванова И. И., 05.12.2026»: who and when, for the marks in documents.
    public var byline: String {
        let day = Day(iso: String(createdAt.prefix(10)))
        return day.map { "\(author), \($0.dottedDate)" } ?? author
    }
}

/// Whether a correction holds for one version of the school's file.
public enum CorrectionState: Hashable, Sendable {
    /// Applied: to the file as a whole (`item == nil`) or to the item at this place of the document.
    case applied(document: Int?, item: Int?)
    /// Its item (or document, or finding) is not in this version: kept, listed for the methodist.
    case notApplicable(reason: String)

    public var isApplied: Bool { if case .applied = self { return true } else { return false } }
}

/// A correction and what became of it in one file.
public struct CorrectionOutcome: Hashable, Sendable {
    public var correction: Correction
    /// The file it was applied to (or found not to apply to).
    public var inputId: Int64
    public var state: CorrectionState

    public init(correction: Correction, inputId: Int64, state: CorrectionState) {
        self.correction = correction
        self.inputId = inputId
        self.state = state
    }
}
