import Model
import Text

/// Splits a responsibles cell into roles, people and bodies (`responsibles.md`).
public struct ResponsiblesParser: Sendable {
    /// The longest cell read, in characters: a real cell names a few dozen people at most; a
    /// longer one (a hostile or broken file) is reported as too long, not read.
    public static let defaultLimit = 4_000

    let roles: RoleLexicon
    let bodies: BodyLexicon
    let limit: Int

    public init() {
        self.init(limit: Self.defaultLimit)
    }

    init(limit: Int) {
        self.roles = .shared
        self.bodies = .shared
        self.limit = limit
    }

    /// The role, body and declension files that could not be read (not UTF-8, not JSON of the
    /// expected shape), each with a Russian message naming the file; empty when all were read.
    public static var dataFileProblems: [DataFileProblem] { DataFiles.problems() }

    /// Parses one cell; `glossary` is the document's own abbreviations.
    /// Diagnostics carry no location: the caller places them.
    public func parse(_ text: String?, glossary: Glossary = Glossary()) -> Checked<[Responsible]> {
        let written = TextNormalizer.singleLine(text)
        guard let written else { return Checked([], diagnostics: [Self.missing(nil)]) }
        let length = written.unicodeScalars.count
        if length > limit { return Checked([], diagnostics: [Self.tooLong(written, length: length, limit: limit)]) }
        let entries = EntryReader(tokenizer: Tokenizer(text ?? ""), glossary: glossary,
                                  roles: roles, bodies: bodies, roleKeys: Self.sharedRoleKeys).read()
        // R11: a cell of dashes only is empty.
        guard !entries.isEmpty else { return Checked([], diagnostics: [Self.missing(written)]) }
        let diagnostics = entries.filter { $0.kind == .unknown }.map(Self.unknown)
        return Checked(entries, diagnostics: diagnostics)
    }

    /// Role keys of expansions read with the shared lexicons (the only ones a parser uses).
    private static let sharedRoleKeys = RoleKeyMemo(capacity: 4096)

    static func missing(_ text: String?) -> Diagnostic {
        let message = text.map { "Не указаны ответственные: в ячейке только «\($0)»." } ?? "Не указаны ответственные."
        return Diagnostic(.responsibleMissing, field: .responsibles, text: text, message: message)
    }

    static func tooLong(_ text: String, length: Int, limit: Int) -> Diagnostic {
        let shown = text.count > 120 ? String(text.prefix(117)) + "…" : text
        return Diagnostic(.responsibleTooLong, field: .responsibles, text: text,
                          message: "Ячейка «Ответственные» «\(shown)» слишком длинная (\(length) знаков, разбираются не больше \(limit)): "
                              + "она не разобрана, оставьте в ней только должности и фамилии.")
    }

    static func unknown(_ entry: Responsible) -> Diagnostic {
        Diagnostic(.responsibleUnknown, field: .responsibles, text: entry.text,
                   message: "Ответственный «\(entry.text)» не распознан: это не должность, не ФИО с инициалами и не организация.")
    }
}
