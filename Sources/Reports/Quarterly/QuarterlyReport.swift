import Foundation
import JSON
import Model
import Text

/// One run of `kartograf report quarterly`: every organisation's submission, then the municipal
/// workbook and page, written under one folder.
public struct QuarterlyReport {
    public var quarter: Quarter
    public var today: Day
    public var selector: QuarterlySelector
    /// Fills the submission template from a submission's data; `nil` until the template engine is wired in,
    /// then only the data .json is written per organisation.
    public var fillSubmission: ((JSONValue) throws -> [UInt8])?

    public init(quarter: Quarter, today: Day, selector: QuarterlySelector = QuarterlySelector(),
                fillSubmission: ((JSONValue) throws -> [UInt8])? = nil) {
        self.quarter = quarter
        self.today = today
        self.selector = selector
        self.fillSubmission = fillSubmission
    }

    /// What a run wrote.
    public struct Outcome {
        public var submissions: [QuarterlySubmission]
        public var files: [String]
    }

    public func submissions(from inputs: [QuarterlyInput]) -> [QuarterlySubmission] {
        inputs.map { selector.submission(for: $0, quarter: quarter, generatedOn: today) }
    }

    /// Writes `<organisation>.json` (and `.docx` when a filler is set), `summary.xlsx` and `summary.html`
    /// into `directory`, which is created. Problems with one organisation's document are diagnostics.
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
            let data = submission.json
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
        let page = MunicipalSummary(quarter: quarter, generatedOn: today, entries: entries, workbookLink: "summary.xlsx")
        try write(Array(page.html().utf8), directory, "summary.html")
        files.append("summary.html")
        return Checked(Outcome(submissions: submissions, files: files), diagnostics: findings)
    }

    private func write(_ bytes: [UInt8], _ directory: String, _ name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: PathText.appending(directory, name)), options: .atomic)
    }
}
