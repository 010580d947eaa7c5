import Model
import Text

/// Splits a responsibles cell into roles, people and bodies (`responsibles.md`).
public struct ResponsiblesParser: Sendable {
    let roles: RoleLexicon
    let bodies: BodyLexicon

    public init() {
        self.roles = .shared
        self.bodies = .shared
    }

    /// Parses one cell; `glossary` is the document's own abbreviations.
    /// Diagnostics carry no location: the caller places them.
    public func parse(_ text: String?, glossary: Glossary = Glossary()) -> Checked<[Responsible]> {
        let written = TextNormalizer.singleLine(text)
        guard let written else { return Checked([], diagnostics: [Self.missing(nil)]) }
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

    static func unknown(_ entry: Responsible) -> Diagnostic {
        Diagnostic(.responsibleUnknown, field: .responsibles, text: entry.text,
                   message: "Ответственный «\(entry.text)» не распознан: это не должность, не ФИО с инициалами и не организация.")
    }
}
