import Foundation
import JSON
import Model
import Text

/// One run of `kartograf report quarterly`: every organisation's submission, then the municipal
/// workbook, page and document, written under one folder.
public struct QuarterlyReport {
    public var quarter: Quarter
    public var today: Day
    public var selector: QuarterlySelector
    /// Fills the submission template from a submission's data; `nil`: only the data .json is written per organisation.
    public var fillSubmission: ((JSONValue) throws -> [UInt8])?
    /// Fills the summary template (`summary.docx`) from the summary's data; `nil`: no summary document.
    public var fillSummary: ((JSONValue) throws -> [UInt8])?
    /// The department's name and signers.
    public var settings: DepartmentSettings

    public init(quarter: Quarter, today: Day, selector: QuarterlySelector = QuarterlySelector(),
                fillSubmission: ((JSONValue) throws -> [UInt8])? = nil,
                fillSummary: ((JSONValue) throws -> [UInt8])? = nil, settings: DepartmentSettings = DepartmentSettings()) {
        self.quarter = quarter
        self.today = today
        self.selector = selector
        self.fillSubmission = fillSubmission
        self.fillSummary = fillSummary
        self.settings = settings
    }

    /// What a run wrote.
    public struct Outcome {
        public var submissions: [QuarterlySubmission]
        public var files: [String]
    }

    public func submissions(from inputs: [QuarterlyInput]) -> [QuarterlySubmission] {
        inputs.map { input in
            var submission = selector.submission(for: input, quarter: quarter, generatedOn: today)
            // A report-only organisation has no roadmap: its report's rows are the plan.
            submission.roadmapDate = input.roadmap?.date
            submission.roadmapPeriod = input.roadmap?.period
            return submission
        }
    }

    /// Writes `<organisation>.json` (and `.docx` when a filler is set), `summary.xlsx`, `summary.html`
    /// (and `summary.docx` when a filler is set) into `directory`, which is created. Problems with one
    /// organisation's document are diagnostics.
    public func write(_ inputs: [QuarterlyInput], to directory: String) throws -> Checked<Outcome> {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let submissions = submissions(from: inputs)
        var names = SafeFileNames()
        var entries: [MunicipalSummary.Entry] = []
        var files: [String] = []
        var findings: [Diagnostic] = []
        let writer = JSONWriter()
        for submission in submissions {
            findings += submission.notes
            let name = names.name(for: submission.organization)
            let data = data(for: submission)
            let jsonName = name + ".json"
            try write(Array(writer.string(data).utf8) + [0x0A], directory, jsonName)
            files.append(jsonName)
            var docxName: String?
            if let fill = fillSubmission {
                do {
                    try write(try fill(data), directory, name + ".docx")
                    docxName = name + ".docx"
                    files.append(name + ".docx")
                } catch {
                    findings.append(Diagnostic(.fileUnreadable, text: submission.organization,
                        message: "Квартальный отчёт организации «\(submission.organization)» не сформирован: \(error)."))
                }
            }
            entries.append(MunicipalSummary.Entry(submission: submission, submissionLink: docxName, dataLink: jsonName))
        }
        try SummaryWorkbook.make(submissions).write(to: PathText.appending(directory, "summary.xlsx"))
        files.append("summary.xlsx")
        let page = MunicipalSummary(quarter: quarter, deadline: quarter.reportingDeadline(daysAfter: selector.deadlineDaysAfter),
                                    generatedOn: today, entries: entries, workbookLink: "summary.xlsx")
        try write(Array(page.html().utf8), directory, "summary.html")
        files.append("summary.html")
        if let fill = fillSummary {
            do {
                try write(try fill(page.json(settings: settings)), directory, "summary.docx")
                files.append("summary.docx")
            } catch {
                findings.append(Diagnostic(.fileUnreadable, text: "summary.docx",
                    message: "Сводный отчёт .docx за \(quarter.russian) не сформирован: \(error)."))
            }
        }
        return Checked(Outcome(submissions: submissions, files: files), diagnostics: findings)
    }

    /// A submission's data as its document is filled from: with the department and the signature.
    public func data(for submission: QuarterlySubmission) -> JSONValue {
        submission.json.adding([
            ("department", .string(settings.department ?? "")),
            ("signature", DepartmentSettings.signature(settings.checker)),
        ])
    }

    private func write(_ bytes: [UInt8], _ directory: String, _ name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: PathText.appending(directory, name)), options: .atomic)
    }
}
