import Foundation
import Hummingbird
import Model
import Pipeline
import Recognition
import Reports
import Text

/// The methodist's corrections from the file page, through the corrections library (`CorrectionDesk`):
/// each form posts to `/file/<id>/<what>` with its CSRF token, the correction is kept in the registry with
/// who (the name the methodist gave in this session) and when, and the file page comes back with what
/// happened.
extension Desk {
    func correctionRoutes(_ router: Router<DeskContext>) {
        router.post("/file/{id}/author") { [self] _, context in
            try correct(context) { name in
                guard let given = TextNormalizer.singleLine(context.form["author"] ?? ""), !given.isEmpty else {
                    throw CorrectionError.empty("кто исправляет")
                }
                sessions.update(context.session!.id) { $0.author = given }
                return "Исправления будут подписаны: «\(given)»."
            }
        }
        router.post("/file/{id}/organisation") { [self] _, context in
            try correct(context) { id in
                let author = try who(context)
                let document = context.form["document"].flatMap { Int($0) }
                let c = try corrections.assignOrganization(file: id, document: document, to: context.form["organization"] ?? "",
                                                           author: author, note: nonEmpty(context.form["note"]))
                return "Файл отнесён к организации «\(c.value)»."
            }
        }
        router.post("/file/{id}/status") { [self] _, context in
            try correct(context) { id in
                let author = try who(context)
                let (d, k) = try place(context)
                guard let quarter = Quarter(context.form["quarter"] ?? "") else { throw CorrectionError.empty("квартал") }
                guard let status = ItemStatus(rawValue: context.form["status"] ?? "") else { throw CorrectionError.empty("статус") }
                try corrections.setItemStatus(file: id, document: d, item: k, quarter: quarter, status: status,
                                              note: nonEmpty(context.form["note"]), author: author)
                return "Пункт отмечен: «\(status.russian)» за \(quarter.russian)"  // «г.» ends the sentence
            }
        }
        router.post("/file/{id}/dismiss") { [self] _, context in
            try correct(context) { id in
                let author = try who(context)
                let view = try corrections.file(id)
                guard let i = context.form["diagnostic"].flatMap({ Int($0) }), view.export.diagnostics.indices.contains(i),
                      view.export.diagnostics[i].code.rawValue == context.form["code"] else {
                    throw CorrectionError.noDiagnostic(context.form["code"] ?? "")
                }
                try corrections.dismissDiagnostic(file: id, view.export.diagnostics[i], reason: context.form["reason"] ?? "",
                                                   author: author)
                return "Замечание отклонено."
            }
        }
        router.post("/file/{id}/deadline") { [self] _, context in
            try correct(context) { id in
                let author = try who(context)
                let (d, k) = try place(context)
                let result = try corrections.correctDeadline(file: id, document: d, item: k, text: context.form["text"] ?? "",
                                                             author: author, note: nonEmpty(context.form["note"]))
                let dates = result.deadline.occurrences.prefix(6).map { o in
                    o.start.map { "с \($0.russianText) по \(o.due.russianText)" } ?? o.due.russianText
                }
                var message = "Срок исправлен: «\(result.correction.value)» — "
                    + (dates.isEmpty ? "дат не получилось" : dates.joined(separator: "; "))
                    + (result.deadline.occurrences.count > 6 ? " и ещё \(result.deadline.occurrences.count - 6)" : "")
                if !message.hasSuffix(".") { message += "." }
                for d in result.diagnostics { message += " " + d.message }
                return message
            }
        }
        router.post("/file/{id}/column") { [self] _, context in
            try correct(context) { id in
                let author = try who(context)
                let field = context.form["field"] ?? ""
                try corrections.assignColumn(file: id, document: context.form["document"].flatMap { Int($0) },
                                             header: context.form["header"] ?? "", field: field, author: author)
                return "Столбец «\(context.form["header"] ?? "")» запомнен как «\(ColumnFieldName.russian(field))»: "
                    + "следующие файлы с таким заголовком будут прочитаны без подсказки."
            }
        }
        router.post("/file/{id}/kind") { [self] _, context in
            try correct(context) { id in
                let author = try who(context)
                let (d, _) = try place(context, item: false)
                guard let kind = DocumentKind(rawValue: context.form["kind"] ?? "") else { throw CorrectionError.empty("вид документа") }
                try corrections.assignDocumentKind(file: id, document: d, kind: kind, heading: nonEmpty(context.form["heading"]),
                                                   author: author)
                return "Документ отнесён к виду «\(kind.russian)»; его заголовок запомнен."
            }
        }
    }

    /// Runs one correction and goes back to the file's page with what it did (or why it was refused).
    func correct(_ context: DeskContext, _ body: (Int64) throws -> String) throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound) }
        let message: String
        do {
            message = try body(id)
        } catch let error as CorrectionError {
            message = "Не исправлено: \(error.description)"
        }
        if let s = context.session { sessions.update(s.id) { $0.flash = message } }
        return Response.redirect(to: "/file/\(id)", type: .normal)
    }

    func who(_ context: DeskContext) throws -> String {
        if let typed = nonEmpty(context.form["author"]) {
            sessions.update(context.session!.id) { $0.author = typed }
            return typed
        }
        guard let name = context.session?.author else { throw CorrectionError.empty("кто исправляет (ваше имя вверху страницы)") }
        return name
    }

    func place(_ context: DeskContext, item: Bool = true) throws -> (Int, Int) {
        guard let d = context.form["document"].flatMap({ Int($0) }) else { throw CorrectionError.empty("документ") }
        guard item else { return (d, 0) }
        guard let k = context.form["item"].flatMap({ Int($0) }) else { throw CorrectionError.empty("пункт") }
        return (d, k)
    }

    func nonEmpty(_ s: String?) -> String? {
        guard let s = s.flatMap({ TextNormalizer.singleLine($0) }), !s.isEmpty else { return nil }
        return s
    }

    /// What the file page shows of the corrections: the forms' choices and every correction's outcome.
    func correctionData(_ view: CorrectionDesk.FileView, _ context: DeskContext) -> [String: Any] {
        let reporting = Quarter(reportArrivedOn: Self.today())
        let quarters = quarterChoices()
        let organisations = ((try? registry.organizations()) ?? []).compactMap(\.organization)
        return [
            "author": context.session?.author ?? "",
            "hasAuthor": context.session?.author != nil,
            "knownOrganisations": organisations,
            "documentChoices": view.original.documents.enumerated().map { i, d in
                ["value": i, "text": "\(i + 1): \(d.kind.russian) — \(d.title.map { String($0.prefix(60)) } ?? "без названия")"]
            },
            "quarterChoices": quarters.map { ["value": "\($0)", "text": $0.russian, "selected": $0 == reporting] },
            "statusChoices": [ItemStatus.done, .inProgress, .notDone, .noData].map { ["value": $0.rawValue, "text": $0.russian] },
            "fieldChoices": HomeLexicon.columnFields.map { ["value": $0, "text": ColumnFieldName.russian($0)] },
            "kindChoices": DocumentKind.allCases.map { ["value": $0.rawValue, "text": $0.russian] },
            "outcomes": view.outcomes.map { o -> [String: Any] in
                let c = o.correction
                var state = "применено"
                if case let .notApplicable(reason) = o.state { state = "не применимо: \(reason)" }
                var what = c.value
                if let q = c.quarter.flatMap(Quarter.init) { what += " (\(q.russian))" }
                if c.kind == .column { what = "«\(c.subject ?? "")» — \(ColumnFieldName.russian(c.value))" }
                if c.kind == .documentKind { what = DocumentKind(rawValue: c.value)?.russian ?? c.value }
                if c.kind == .dismissal { what = c.subject.map { "«\($0)»" } ?? c.code ?? "" }
                return ["kind": c.kind.russian, "what": what, "note": c.note ?? "", "byline": c.byline,
                        "state": state, "applied": o.state.isApplied, "mark": ProtocolCorrection.mark]
            },
            "hasOutcomes": !view.outcomes.isEmpty,
        ]
    }
}
