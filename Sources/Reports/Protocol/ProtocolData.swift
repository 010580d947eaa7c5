import JSON
import Model
import Templates
import Text

/// The data of a check protocol (протокол проверки), as JSON for templates and HTML.
///
/// ```
/// organization, file, sha256, checkedAt ("22 ноября 2026 г."), checkedAtISO,
/// documents: [{number, kind, title}],
/// counts: {total, errors, warnings, info}, summary ("1 ошибка, 2 предупреждения, 0 замечаний"),
/// hasDiagnostics, verdict ("Замечаний нет" or the summary),
/// groups: [{label, diagnostics: [{number, severity, severityCode, code, field, text, message, fix}]}],
/// diagnostics: the same entries in one list, each with its label,
/// signature: {post, name, date} of who checked (lines to write on when the settings name nobody)
/// ```
public enum ProtocolData {
    public static let noOrganization = "не указана"
    public static let noFindings = "Замечаний нет"

    public static func json(for export: Export, checkedAt: Day,
                            signer: DepartmentSettings.Signer = DepartmentSettings.Signer(),
                            corrections: [ProtocolCorrection] = []) -> JSONValue {
        let counts = export.severityCounts
        let errors = counts[.error] ?? 0, warnings = counts[.warning] ?? 0, info = counts[.info] ?? 0
        let summary = [plural(errors, "ошибка", "ошибки", "ошибок"),
                       plural(warnings, "предупреждение", "предупреждения", "предупреждений"),
                       plural(info, "замечание", "замечания", "замечаний")].joined(separator: ", ")

        // Diagnostics grouped by the item they are about, in order of first mention.
        var groups: [(key: String, label: String, entries: [JSONValue])] = []
        var flat: [JSONValue] = []
        for (i, d) in export.diagnostics.enumerated() {
            let label = self.label(for: d, in: export)
            let key = "\(d.document.map(String.init) ?? "-")|\(d.item ?? "-")"
            let pairs: [(String, JSONValue)] = [
                ("number", .number(Double(i + 1))),
                ("severity", .string(d.severity.russian)),
                ("severityCode", .string(d.severity.rawValue)),
                ("code", .string(d.code.rawValue)),
                ("field", .string(fieldName(d))),
                ("text", .optional(d.text.map(FlowingText.join))),
                ("message", .string(d.message.isEmpty ? ProtocolHints.description(of: d.code) : d.message)),
                ("fix", .optional(ProtocolHints.fix(for: d.code))),
            ]
            let entry = JSONValue.object(pairs)
            // The flat list's entry: the same with its label second, built at its final size.
            var labelled: [(String, JSONValue)] = []
            labelled.reserveCapacity(pairs.count + 1)
            labelled.append(pairs[0])
            labelled.append(("label", .string(label)))
            labelled += pairs.dropFirst()
            flat.append(.object(labelled))
            if let g = groups.firstIndex(where: { $0.key == key }) {
                groups[g].entries.append(entry)
            } else {
                groups.append((key, label, [entry]))
            }
        }
        // What the methodist corrected: listed with the findings (so every template shows it) as «исправлено методистом».
        for (i, c) in corrections.enumerated() {
            let pairs: [(String, JSONValue)] = [
                ("number", .number(Double(export.diagnostics.count + i + 1))),
                ("severity", .string(ProtocolCorrection.mark)),
                ("severityCode", .string("corrected")),
                ("code", .string("correction")),
                ("field", .string("исправление")),
                ("text", .null),
                ("message", .string(c.message)),
                ("fix", .null),
            ]
            flat.append(.object([pairs[0], ("label", .string(c.label))] + pairs.dropFirst()))
            if let g = groups.firstIndex(where: { $0.label == c.label }) {
                groups[g].entries.append(.object(pairs))
            } else {
                groups.append(("correction|\(c.label)", c.label, [.object(pairs)]))
            }
        }
        let organization = export.documents.first?.organization.flatMap { TextNormalizer.normalize(FlowingText.join($0)) }
            ?? noOrganization
        return .object([
            ("organization", .string(organization)),
            ("file", .string(export.file)),
            ("sha256", .string(export.sha256)),
            ("checkedAt", .string(checkedAt.russianText)),
            ("checkedAtISO", .string(checkedAt.iso)),
            ("documents", .array(export.documents.enumerated().map { i, doc in
                .object([("number", .number(Double(i + 1))), ("kind", .string(doc.kind.russian)),
                         ("title", .string(doc.title.map(FlowingText.join) ?? "без названия"))])
            })),
            ("counts", .object([("total", .number(Double(export.diagnostics.count))), ("errors", .number(Double(errors))),
                                ("warnings", .number(Double(warnings))), ("info", .number(Double(info)))])),
            ("summary", .string(summary)),
            ("hasDiagnostics", .bool(!export.diagnostics.isEmpty || !corrections.isEmpty)),
            ("hasCorrections", .bool(!corrections.isEmpty)),
            ("corrections", .array(corrections.map { c in
                .object([("label", .string(c.label)), ("message", .string(c.message)), ("byline", .string(c.byline)),
                         ("note", .optional(c.note))])
            })),
            ("verdict", .string(export.diagnostics.isEmpty ? noFindings : summary)),
            ("groups", .array(groups.map { group in
                // The first entry carries how many rows the group's label spans (an HTML `rowspan`).
                var entries = group.entries
                if case var .object(first)? = entries.first {
                    first.append(("labelRows", .number(Double(entries.count))))
                    entries[0] = .object(first)
                }
                return .object([("label", .string(group.label)), ("diagnostics", .array(entries))])
            })),
            ("diagnostics", .array(flat)),
            ("signature", DepartmentSettings.signature(signer)),
        ])
    }

    /// Every name the protocol data can have, for checking edited templates.
    public static var schema: TemplateSchema {
        let sample = Export(
            file: "пример.docx", sha256: String(repeating: "0", count: 64),
            documents: [Document(kind: .roadmap, title: "Дорожная карта", organization: "Школа")],
            diagnostics: [Diagnostic(.deadlineMissing, field: .deadline, text: "текст", message: "сообщение",
                                     document: 0, section: 0, item: "1")])
        return TemplateSchema(sample: json(for: sample, checkedAt: Day(year: 2024, month: 1, day: 1)!))
    }

    /// «Пункт 5», «Строка 7», «Документ», «Документ 2, пункт 5», «Файл».
    /// The place is written with its word as the label needs it (capitalised when it starts the
    /// label): uppercasing Cyrillic at run time cost more than the rest of a diagnostic's data.
    static func label(for d: Diagnostic, in export: Export) -> String {
        func place(row: String, point: String) -> String? {
            guard let item = d.item else { return nil }
            return item.hasPrefix("#") ? row + item.dropFirst() : point + item
        }
        if let doc = d.document, export.documents.count > 1 {
            return "Документ \(doc + 1)" + (place(row: ", строка ", point: ", пункт ") ?? "")
        }
        return place(row: "Строка ", point: "Пункт ") ?? (d.document == nil ? "Файл" : "Документ")
    }

    /// The field in Russian; when the diagnostic names none, the one its code is about.
    static func fieldName(_ d: Diagnostic) -> String {
        let field = d.field ?? {
            switch d.code.rawValue.split(separator: ".").first {
            case "deadline": return .deadline
            case "responsible": return .responsibles
            case "activity": return .activity
            case "result": return .result
            case "item": return .number
            default: return .document
            }
        }()
        switch field {
        case .deadline: return "срок"
        case .responsibles: return "ответственные"
        case .activity: return "мероприятие"
        case .result: return "результат"
        case .number: return "номер"
        case .document: return "документ"
        }
    }

    /// «1 ошибка», «3 ошибки», «11 ошибок».
    public static func plural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let mod100 = n % 100, mod10 = n % 10
        let word = (11...14).contains(mod100) ? many : mod10 == 1 ? one : (2...4).contains(mod10) ? few : many
        return "\(n) \(word)"
    }
}
