import Foundation
import Hummingbird
import JSON
import Model
import OOXML
import Pipeline
import Registry
import Reports
import Templates
import Text

extension Desk {
    /// The quarter's submissions as `report quarterly` computes them from the registry.
    func quarterSubmissions(_ quarter: Quarter) throws -> Checked<[QuarterlySubmission]> {
        let source = RegistryQuarterlySource(output: options.home.root, linkPrefix: "", roster: options.pipeline.roster,
                                             registry: registry)
        let inputs = try source.inputs(for: quarter, organization: nil)
        let report = quarterlyReport(quarter, fill: nil)
        return Checked(report.submissions(from: inputs.value), diagnostics: inputs.diagnostics)
    }

    func quarterlyReport(_ quarter: Quarter, fill: ((JSONValue) throws -> [UInt8])?) -> QuarterlyReport {
        QuarterlyReport(quarter: quarter, today: Self.today(),
                        selector: QuarterlySelector(statusReader: StatusReader(words: StatusWords.load().value)),
                        fillSubmission: fill,
                        settings: DepartmentSettings.load(folders: [options.home.root]).value)
    }

    /// Quarters to choose from: those the current roadmaps cover (at most 16, the latest), and the reporting one.
    func quarterChoices() -> [Quarter] {
        var quarters: Set<Quarter> = [Quarter(reportArrivedOn: Self.today())]
        for d in (try? registry.documents(kinds: [.roadmap, .report])) ?? [] {
            guard let p = d.period else { continue }
            var q = Quarter(containing: p.from)
            let last = Quarter(containing: p.to)
            var n = 0
            while q <= last && n < 40 { quarters.insert(q); q = q.next; n += 1 }
        }
        return Array(quarters.sorted().suffix(16))
    }

    func chosenQuarter(_ text: String?) -> Quarter? {
        guard let text, !text.isEmpty else { return Quarter(reportArrivedOn: Self.today()) }
        return Quarter(text)
    }

    func quarterPage(_ request: Request, _ context: DeskContext) throws -> Response {
        guard let quarter = chosenQuarter(request.uri.queryParameters["q"].map(String.init)) else {
            return Page.message(status: .badRequest, title: "Неверный квартал",
                                text: "Квартал указывается как ГГГГ-QN, например 2024-Q1.")
        }
        var data = base(context, title: "Квартал: \(quarter.russian)", tab: "quarter")
        data["quarter"] = "\(quarter)"
        data["quarterText"] = quarter.russian
        data["period"] = quarter.period.russianText
        data["deadline"] = quarter.reportingDeadline.russianText
        data["choices"] = quarterChoices().map { ["value": "\($0)", "text": $0.russian, "selected": $0 == quarter] }
        let subs = try quarterSubmissions(quarter)
        data["notes"] = subs.diagnostics.map(\.message)
        let submissions = subs.value
        data["hasSubmissions"] = !submissions.isEmpty
        var due = 0, done = 0, overdue = 0
        data["submissions"] = submissions.enumerated().map { n, s -> [String: Any] in
            let c = s.counts
            due += c.due; done += c.dueDone; overdue += c[.overdue]
            return ["organization": s.organization, "state": s.stateText, "due": c.due, "done": c.dueDone,
                    "share": c.doneShare.map { "\(Int(($0 * 100).rounded())) %" } ?? "—",
                    "notDone": c[.notDone], "inProgress": c[.inProgress], "noData": c[.noData], "overdue": c[.overdue],
                    "byEvent": c.byEvent, "undated": c.undated,
                    "report": s.reportTitle ?? "", "arrived": s.reportArrived?.russianText ?? "",
                    "link": "/quarter/\(quarter)/submission/\(n)"]
        }
        data["totals"] = ["organisations": submissions.count, "due": due, "done": done, "overdue": overdue,
                          "share": due == 0 ? "—" : "\(Int((Double(done) / Double(due) * 100).rounded())) %"]
        let summary = MunicipalSummary(quarter: quarter, generatedOn: Self.today(),
                                       entries: submissions.map { MunicipalSummary.Entry(submission: $0) })
        data["chart"] = submissions.isEmpty ? "" : summary.chart(summary.labels)
        return Page.html("quarter", data)
    }

    func quarterFromPath(_ context: DeskContext) throws -> Quarter {
        guard let text = context.parameters.get("q"), let q = Quarter(text) else { throw HTTPError(.notFound) }
        return q
    }

    /// `summary.xlsx` of `report quarterly`, made from the registry as it is now.
    func quarterWorkbook(_ context: DeskContext) throws -> Response {
        let quarter = try quarterFromPath(context)
        let submissions = try quarterSubmissions(quarter).value
        let bytes = try SummaryWorkbook.make(submissions, quarter: quarter).bytes()
        return Page.bytes(bytes, type: Page.type(ofFile: "summary.xlsx"), name: "summary-\(quarter).xlsx")
    }

    /// The quarterly template, when there is one that can be filled (as `report quarterly` finds it).
    func submissionFiller() -> ((JSONValue) throws -> [UInt8])? {
        guard let path = TemplateLocation.find("quarterly.docx", folder: options.templates, home: options.home),
              let template = try? DocxTemplate(path: path).prepare(), template.report.isClean else { return nil }
        return { try template.fill($0) }
    }

    /// One organisation's submission (by its place in the quarter's list): its .docx, or its data .json
    /// when there is no template.
    func quarterSubmission(_ context: DeskContext) throws -> Response {
        let quarter = try quarterFromPath(context)
        let submissions = try quarterSubmissions(quarter).value
        guard let n = context.parameters.get("n", as: Int.self), submissions.indices.contains(n) else { throw HTTPError(.notFound) }
        let fill = submissionFiller()
        let report = quarterlyReport(quarter, fill: fill)
        let data = report.data(for: submissions[n])
        var names = SafeFileNames()
        let name = names.name(for: submissions[n].organization) + " \(quarter)"
        if let fill {
            return Page.bytes(try fill(data), type: Page.type(ofFile: "x.docx"), name: name + ".docx")
        }
        return Page.bytes(Array((JSONWriter().string(data) + "\n").utf8), type: Page.type(ofFile: "x.json"), name: name + ".json")
    }

    /// Every organisation's submission (`quarterly.docx` filled, as `report quarterly` writes it; its data
    /// .json beside) in one .zip.
    func quarterArchive(_ context: DeskContext) throws -> Response {
        let quarter = try quarterFromPath(context)
        let fill = submissionFiller()
        let report = quarterlyReport(quarter, fill: fill)
        let submissions = try quarterSubmissions(quarter).value
        var zip = ZipWriter()
        var names = SafeFileNames()
        let writer = JSONWriter()
        for s in submissions {
            let name = names.name(for: s.organization)
            let data = report.data(for: s)
            zip.add(name + ".json", text: writer.string(data) + "\n")
            if let fill, let bytes = try? fill(data) { zip.add(name + ".docx", bytes) }
        }
        zip.add("summary.xlsx", try SummaryWorkbook.make(submissions, quarter: quarter).bytes())
        return Page.bytes(try zip.bytes(), type: "application/zip", name: "отчёты-\(quarter).zip")
    }
}
