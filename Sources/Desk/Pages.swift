import Foundation
import Hummingbird
import JSON
import Model
import Pipeline
import Registry
import Reports
import Text

extension Desk {
    // MARK: Входящие

    func inboxPage(_ context: DeskContext) throws -> Response {
        var data = base(context, title: "Входящие", tab: "inbox")
        data["maxMB"] = options.limits.maxFileBytes / (1024 * 1024)
        data["inbox"] = options.home.inbox
        let recent = try registry.inputListings(limit: 100).map(inputRow)
        data["recent"] = recent
        data["hasRecent"] = !recent.isEmpty
        return Page.html("inbox", data)
    }

    func inputRow(_ i: InputListing) -> [String: Any] {
        let outcome: String
        var message: String
        switch i.outcome {
        case .processed:
            outcome = "обработан"
            message = Page.countsText(i.diagnostics)
        case .rejected:
            outcome = "отклонён"
            message = i.reason ?? "файл не читается"
        case .duplicate:
            outcome = "повтор"
            message = "эти же байты уже получены" + (i.duplicateOf.map { " (файл №\($0))" } ?? "")
        }
        return [
            "id": i.id, "name": i.name, "received": Self.receivedText(i.receivedAt), "outcome": outcome,
            "state": i.outcome.rawValue, "message": message, "organization": i.organization ?? "",
            "hasOrganization": i.organization != nil, "errors": i.diagnostics[.error] ?? 0,
            "link": "/file/\(i.duplicateOf ?? i.id)",
        ]
    }

    /// `2026-12-05T19:40:02Z` → `5 декабря 2026 г., 19:40`.
    static func receivedText(_ iso: String) -> String {
        guard let day = Day(iso: String(iso.prefix(10))) else { return iso }
        let time = iso.count >= 16 ? ", " + String(iso.dropFirst(11).prefix(5)) : ""
        return day.russianText + time
    }

    // MARK: Организации

    func organisationsPage(_ context: DeskContext) throws -> Response {
        var data = base(context, title: "Организации", tab: "organisations")
        let quarter = Quarter(reportArrivedOn: Self.today())
        data["quarter"] = quarter.russian
        data["author"] = context.session?.author ?? ""
        let states = Dictionary((try? quarterSubmissions(quarter))?.value.map {
            (Registry.organizationKey($0.organization), $0.stateText)
        } ?? [], uniquingKeysWith: { a, _ in a })
        let inputs = try registry.inputListings()
        let unrecognised = inputs.filter { $0.outcome == .processed && $0.organization == nil }.map(inputRow)
        data["unrecognised"] = unrecognised
        data["hasUnrecognised"] = !unrecognised.isEmpty
        let organisations = try registry.organizations().compactMap { status -> [String: Any]? in
            guard let name = status.organization else { return nil }
            var row: [String: Any] = [
                "name": name,
                "errors": status.diagnostics[.error] ?? 0, "warnings": status.diagnostics[.warning] ?? 0,
                "notes": status.diagnostics[.info] ?? 0, "inputs": status.inputs,
                "state": states[Registry.organizationKey(name)] ?? "нет дорожной карты в квартале",
            ]
            if let r = status.currentRoadmap {
                row["roadmap"] = ["title": r.title ?? r.inputName, "link": "/file/\(r.inputId)",
                                  "period": r.period?.russianText ?? "", "earlier": status.earlierRoadmaps]
            }
            if let r = try registry.latestReport(organization: name) {
                row["report"] = ["title": r.title ?? r.inputName, "link": "/file/\(r.inputId)",
                                 "received": Self.receivedText(r.receivedAt)]
            }
            return row
        }
        data["organisations"] = organisations
        data["hasOrganisations"] = !organisations.isEmpty
        return Page.html("organisations", data)
    }

    // MARK: A file

    func filePage(_ id: Int64, _ context: DeskContext) throws -> Response {
        guard let input = try registry.inputListing(id: id) else {
            return Page.message(status: .notFound, title: "Файл не найден", text: "В реестре нет файла №\(id).")
        }
        var data = base(context, title: input.name, tab: "organisations")
        data["file"] = inputRow(input)
        data["converted"] = input.converted
        var downloads: [[String: String]] = []
        func offer(_ relative: String?, _ label: String) {
            guard let relative, files.resolve(relative: relative) != nil else { return }
            downloads.append(["label": label, "link": HomeFiles.link(relative)])
        }
        offer(input.storedPath, "Исходный файл")
        offer(input.exportPath, "Выгрузка JSON")
        offer(input.protocolPath, "Протокол проверки .docx")
        if let p = input.protocolPath, p.hasSuffix(".docx") { offer(String(p.dropLast(5)) + ".html", "Протокол проверки .html") }
        offer(input.reasonPath, "Причина отклонения")
        data["downloads"] = downloads
        data["isRejected"] = input.outcome == .rejected
        // A processed file is shown with the methodist's corrections applied, and its correction forms.
        var export: Export?
        var marks: [ProtocolCorrection] = []
        if input.outcome == .processed, let view = try? corrections.file(id) {
            export = view.export
            marks = view.marks
            data["corrections"] = correctionData(view, context)
        } else if let exportPath = input.exportPath, let path = files.resolve(relative: exportPath),
                  let bytes = FileManager.default.contents(atPath: path),
                  let json = try? JSONParser.parse(bytes: [UInt8](bytes)) {
            export = ExportJSON.export(json)
        }
        if let export {
            let protocolData = ProtocolData.json(for: export, checkedAt: Self.today(), corrections: marks)
            data["summary"] = protocolData["summary"]?.stringValue ?? ""
            // The findings, then the protocol's «исправлено методистом» lines; only findings can be dismissed.
            let listed = (Self.plain(protocolData["diagnostics"] ?? .array([])) as? [[String: Any]] ?? [])
                .enumerated().map { i, d in
                    var d = d
                    if export.diagnostics.indices.contains(i) {
                        d["index"] = i
                        d["code"] = export.diagnostics[i].code.rawValue
                        d["canDismiss"] = true
                    }
                    return d
                }
            data["diagnostics"] = listed
            data["hasDiagnostics"] = !listed.isEmpty
            data["noFindings"] = export.diagnostics.isEmpty
            data["documents"] = export.documents.enumerated().map { Self.documentData($1, number: $0 + 1) }
        }
        return Page.html("file", data)
    }

    static func documentData(_ d: Document, number: Int) -> [String: Any] {
        var items: [[String: Any]] = []
        var index = 0
        for section in d.sections {
            if section.title != nil || section.number != nil {
                items.append(["isSection": true, "title": [section.number, section.title].compactMap { $0 }.joined(separator: " ")])
            }
            for item in section.items {
                let dates = item.deadline.occurrences.map { o in
                    o.start.map { "с \($0.russianText) по \(o.due.russianText)" } ?? o.due.russianText
                }
                defer { index += 1 }
                items.append([
                    "isSection": false, "index": index, "document": number - 1, "number": item.number ?? "", "activity": item.activity ?? "",
                    "deadline": item.deadline.text ?? "", "dates": dates.prefix(12).map { $0 },
                    "moreDates": dates.count > 12 ? "и ещё \(dates.count - 12)" : "",
                    "kinds": item.deadline.kinds.map(Self.kindText).joined(separator: ", "),
                    "responsibles": item.responsibles.map { r in
                        ["text": r.expansion ?? r.text, "kind": Self.responsibleKindText(r.kind)]
                    },
                    "result": item.result ?? "", "outcome": item.outcome ?? "",
                ])
            }
        }
        return [
            "number": number, "index": number - 1, "kind": d.kind.russian, "title": d.title ?? "без названия",
            "organization": d.organization ?? "не указана", "period": d.period?.russianText ?? "",
            "date": d.date?.russianText ?? "", "items": items, "hasItems": !items.isEmpty,
        ]
    }

    static func kindText(_ k: DeadlineKind) -> String {
        switch k {
        case .continuous: return "постоянно"
        case .date: return "дата"
        case .event: return "по событию"
        case .recurring: return "повторяется"
        }
    }

    static func responsibleKindText(_ k: ResponsibleKind?) -> String {
        switch k {
        case .role?: return "должность"
        case .person?: return "человек"
        case .body?: return "орган"
        default: return "не распознано"
        }
    }

    /// A JSON value as Mustache reads it: dictionaries, arrays, strings, numbers, booleans.
    static func plain(_ v: JSONValue) -> Any {
        switch v {
        case let .object(pairs): return Dictionary(pairs.map { ($0.0, plain($0.1)) }, uniquingKeysWith: { a, _ in a })
        case let .array(list): return list.map(plain)
        case let .string(s): return s
        case let .number(n): return n == n.rounded() && abs(n) < 1e15 ? Int(n) as Any : n as Any
        case let .bool(b): return b
        default: return ""
        }
    }

    static func today() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
