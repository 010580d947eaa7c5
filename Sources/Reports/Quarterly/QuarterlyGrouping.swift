import JSON
import Model
import Text
import Organisations

/// A roadmap or report as filed, before the quarter groups it under its organisation.
public struct FiledDocument: Sendable {
    /// The organisation its file was filed under, or the one it names; `nil` when none.
    public var organization: String?
    public var document: Document
    /// When its file arrived, if known.
    public var arrived: Day?
    /// Identifies its file (diagnostics are counted once a file).
    public var file: String
    /// Diagnostics of its file by severity.
    public var diagnostics: [Severity: Int]
    /// Relative paths of its file's check protocols.
    public var protocols: [String]

    public init(organization: String?, document: Document, arrived: Day? = nil, file: String,
                diagnostics: [Severity: Int] = [:], protocols: [String] = []) {
        self.organization = organization
        self.document = document
        self.arrived = arrived
        self.file = file
        self.diagnostics = diagnostics
        self.protocols = protocols
    }
}

/// Groups filed documents into the quarter's organisations (`docs/quarter.md`).
///
/// - Who: with a roster, every document is matched to a roster line (`OrganisationIndex`); a name that
///   matches none makes an organisation «не распознана» and a diagnostic. Without one, identities are
///   learned from the names in the order the files came. A document naming nobody is named by its title
///   when that holds a name (`NameLexicon.find`), else left out with a diagnostic.
/// - Which roadmap: the last to arrive whose period meets the quarter, else the last that began before
///   the quarter ended, else the last.
/// - Which report: each report is about one quarter — the one its title names («за III квартал 2024 г.»),
///   else the one its period lies in, else by its arrival (`Quarter(reportArrivedOn:)`). The quarter's
///   report is the last to arrive about it; reports about earlier quarters are kept for done items.
/// - Every organisation of the roster is listed, those that sent nothing as «не представлен».
public enum QuarterlyGrouping {
    public static func inputs(_ documents: [FiledDocument], quarter: Quarter, roster: Roster?,
                              organization wanted: String? = nil,
                              lexicon: NameLexicon = .shared) -> Checked<[QuarterlyInput]> {
        var findings: [Diagnostic] = []
        // Names, in the order the documents came (those of unknown arrival after, in the order given).
        let documents = documents.enumerated().sorted { a, b in
            (a.element.arrived?.ordinal ?? Int.max, a.offset) < (b.element.arrived?.ordinal ?? Int.max, b.offset)
        }.map(\.element)
        var named: [(name: String, doc: FiledDocument)] = []
        for d in documents where d.document.kind == .roadmap || d.document.kind == .report {
            let stated = TextNormalizer.singleLine(d.organization) ?? TextNormalizer.singleLine(d.document.organization)
            guard let name = stated.flatMap({ $0.isEmpty ? nil : $0 }) ?? lexicon.find(in: d.document.title) else {
                findings.append(Diagnostic(.documentNotRecognized, text: d.file, message:
                    "В файле «\(d.file)» не указана организация (\(d.document.kind.russian) «\(d.document.title ?? "без названия")»): "
                    + "документ не вошёл в квартальный отчёт. Укажите организацию в заголовке документа или в списке организаций."))
                continue
            }
            named.append((name, d))
        }
        var index = OrganisationIndex(roster: roster, learning: roster == nil ? named.map(\.name) : [], lexicon: lexicon)
        var strangers = OrganisationIndex(lexicon: lexicon)
        var groups: [Int: [FiledDocument]] = [:]
        var strangerGroups: [Int: [FiledDocument]] = [:]
        for (name, doc) in named {
            switch index.resolve(name) {
            case let .known(i), let .learned(i):
                groups[i, default: []].append(doc)
            case .notInRoster:
                switch strangers.resolve(name) {
                case let .known(i), let .learned(i): strangerGroups[i, default: []].append(doc)
                case .notInRoster: break
                }
            }
        }
        var inputs: [QuarterlyInput] = []
        // `--org`: the organisation that name stands for, in whichever form it is written.
        let wantedIndex = wanted.flatMap(index.match)
        let wantedStranger = wanted.flatMap(strangers.match)
        for (i, identity) in index.identities.enumerated() where wanted == nil || i == wantedIndex {
            inputs.append(input(identity.name, shortName: identity.shortName,
                                recognition: identity.inRoster ? .roster : .learned,
                                groups[i] ?? [], quarter: quarter))
        }
        // An organisation the roster does not know is listed in the quarters its documents concern.
        for (i, identity) in strangers.identities.enumerated() where wanted == nil || i == wantedStranger {
            let docs = strangerGroups[i] ?? []
            guard docs.contains(where: { $0.document.kind == .roadmap || reportQuarter($0).map { $0 <= quarter } ?? true }) else {
                continue
            }
            let files = Set(docs.map(\.file)).sorted()
            findings.append(Diagnostic(.organisationNotInRoster, text: identity.name, message:
                "Организация «\(identity.name)» (\(files.map { "«\($0)»" }.joined(separator: ", "))) не найдена в списке "
                + "организаций: в сводке она помечена «не распознана». Добавьте это написание в список организаций "
                + "(столбец «другие написания») или исправьте название в документе."))
            inputs.append(input(identity.name, shortName: nil, recognition: .notInRoster, docs, quarter: quarter))
        }
        if let wanted, inputs.isEmpty {
            findings.append(Diagnostic(.documentNotRecognized, text: wanted, message: "Организация «\(wanted)» не найдена."))
        }
        return Checked(inputs, diagnostics: findings)
    }

    static func input(_ name: String, shortName: String?, recognition: OrganisationRecognition,
                      _ docs: [FiledDocument], quarter: Quarter) -> QuarterlyInput {
        let roadmaps = docs.filter { $0.document.kind == .roadmap }
        let roadmap = roadmaps.last { $0.document.period.map { $0.from <= quarter.end && $0.to >= quarter.start } ?? false }
            ?? roadmaps.last { $0.document.period.map { $0.from <= quarter.end } ?? false }
            ?? roadmaps.last
        var current: FiledDocument?
        var earlier: [(Quarter, Int, FiledDocument)] = []
        var unplaced: FiledDocument?
        for (order, r) in docs.enumerated() where r.document.kind == .report {
            guard let q = reportQuarter(r) else { unplaced = r; continue }
            if q == quarter { current = r } else if q < quarter { earlier.append((q, order, r)) }
        }
        // A report that says nothing of its quarter and whose arrival is unknown counts for the quarter asked.
        if current == nil, let unplaced { current = unplaced }
        earlier.sort { ($0.0, $0.1) > ($1.0, $1.1) }
        var diagnostics: [Severity: Int] = [:]
        var protocols: [String] = []
        var seen = Set<String>()
        for d in docs where !seen.contains(d.file) {
            seen.insert(d.file)
            for (s, n) in d.diagnostics { diagnostics[s, default: 0] += n }
            for p in d.protocols where !protocols.contains(p) { protocols.append(p) }
        }
        return QuarterlyInput(organization: name, shortName: shortName, recognition: recognition,
                              roadmap: roadmap?.document, report: current?.document, reportArrived: current?.arrived,
                              earlierReports: earlier.map(\.2.document), diagnostics: diagnostics, protocols: protocols)
    }

    /// The quarter a report is about: named in its title, else its period's, else by its arrival.
    static func reportQuarter(_ r: FiledDocument) -> Quarter? {
        if let q = QuarterInTitle.find(r.document.title, period: r.document.period, arrived: r.arrived) { return q }
        if let p = r.document.period {
            let q = Quarter(containing: p.from)
            if q.contains(p.to) { return q }
        }
        return r.arrived.map { Quarter(reportArrivedOn: $0) }
    }
}

/// A quarter named in a report's title: «за III квартал 2024 г.», «3 квартал», «за третий квартал 2024 года»,
/// or by its months: «за октябрь – декабрь 2024 г.» (the quarter of the last month named).
enum QuarterInTitle {
    static let months: [(String, Int)] = [
        ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("май", 5), ("мая", 5), ("мае", 5), ("июн", 6), ("июл", 7),
        ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ]

    static func find(_ title: String?, period: Period?, arrived: Day?) -> Quarter? {
        let words = ItemWords.of(title)
        var number: Int?
        if let at = words.firstIndex(where: { $0.hasPrefix("квартал") || $0 == "кв" }), at > 0 {
            let numerals: [Substring: Int] = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4]
            let before = words[at - 1]
            number = numerals[before]
            if number == nil {
                for (stem, n) in [("перв", 1), ("втор", 2), ("трет", 3), ("четв", 4)] where before.hasPrefix(stem) { number = n }
            }
        } else if let month = words.reversed().lazy.compactMap({ w in months.first { w.hasPrefix($0.0) }?.1 }).first {
            number = (month - 1) / 3 + 1
        }
        guard let number else { return nil }
        // Runs of four digits, also glued to letters («2024г»).
        var years: [Int] = []
        var run = ""
        for c in (title ?? "") + " " {
            if c.isASCII && c.isNumber { run.append(c); continue }
            if run.count == 4, let y = Int(run), (1990...2100).contains(y) { years.append(y) }
            run = ""
        }
        let year: Int
        if years.count >= 2, years[1] == years[0] + 1 {
            // An academic year «2024–2025»: its autumn quarters in the first year, the others in the second.
            year = number >= 3 ? years[0] : years[1]
        } else if let y = years.first {
            year = y
        } else if let period {
            // The quarter of that number inside the document's period.
            let candidates = [period.from.year, period.to.year].compactMap { Quarter(year: $0, number: number) }
            return candidates.first { $0.start >= period.from && $0.end <= period.to } ?? candidates.first
        } else if let arrived {
            let q = Quarter(year: arrived.year, number: number)!
            return q.start > arrived ? Quarter(year: arrived.year - 1, number: number) : q
        } else {
            return nil
        }
        return Quarter(year: year, number: number)
    }
}
