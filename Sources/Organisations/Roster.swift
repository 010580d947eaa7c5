import Foundation
import JSON
import Model
import Text

/// One organisation of the municipality as the methodist lists it.
public struct RosterEntry: Hashable, Sendable {
    public var official: String
    public var short: String?
    /// Other ways schools write the name.
    public var forms: [String]

    public init(official: String, short: String? = nil, forms: [String] = []) {
        self.official = official
        self.short = short
        self.forms = forms
    }
}

/// The municipality's organisations: a CSV whose columns are official name, short name and other forms
/// (several forms in one cell apart by «|»), a header row allowed; or plain text, one official name a line.
public struct Roster: Hashable, Sendable {
    public var entries: [RosterEntry]

    public init(entries: [RosterEntry]) { self.entries = entries }

    /// The roster's usual file name in a home or output folder.
    public static let fileName = "организации.csv"

    /// Reads a roster file; an unreadable file is an error for the caller to report.
    public static func load(path: String) throws -> Roster {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: data, as: UTF8.self)
        return parse(text, csv: path.lowercased().hasSuffix(".csv"))
    }

    /// `csv` false reads lines as plain names unless they carry a `;` or a tab.
    public static func parse(_ text: String, csv: Bool = true) -> Roster {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
        let delimiter: Character? = [";", "\t", ","].first { d in
            (d != "," || csv) && lines.prefix(5).contains { $0.contains(d) }
        }
        var entries: [RosterEntry] = []
        for (index, line) in lines.enumerated() {
            var cells = delimiter.map { fields(line, delimiter: $0) } ?? [line]
            cells = cells.map { $0.trimmingCharacters(in: .whitespaces) }
            if index == 0, isHeader(cells) { continue }
            guard let official = cells.first, !official.isEmpty else { continue }
            let short = cells.count > 1 && !cells[1].isEmpty ? cells[1] : nil
            let forms = cells.dropFirst(2).flatMap { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
                .filter { !$0.isEmpty }
            entries.append(RosterEntry(official: official, short: short, forms: forms))
        }
        return Roster(entries: entries)
    }

    static func isHeader(_ cells: [String]) -> Bool {
        let first = RussianFold.fold(cells.first ?? "")
        return ["наименование", "название", "полное", "официальн", "организация", "official", "name"].contains { first.hasPrefix($0) }
            && !cells.contains { $0.contains("№") || $0.contains("«") }
    }

    /// The cells of a CSV line; quoted cells may hold the delimiter and doubled quotes.
    static func fields(_ line: String, delimiter: Character) -> [String] {
        var out: [String] = []
        var cell = ""
        var quoted = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if quoted {
                if c == "\"" {
                    let next = line.index(after: i)
                    if next < line.endIndex, line[next] == "\"" { cell.append("\""); i = next } else { quoted = false }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" && cell.trimmingCharacters(in: .whitespaces).isEmpty {
                quoted = true
                cell = ""
            } else if c == delimiter {
                out.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
            i = line.index(after: i)
        }
        out.append(cell)
        return out
    }
}

extension Roster {
    /// The roster with `form` added to the other forms of the entry `index` matches as `organization`
    /// (a new entry when none does); unchanged when the entry knows the form already.
    public func learning(form: String, for organization: String, lexicon: NameLexicon = .shared) -> Roster {
        var copy = self
        let index = OrganisationIndex(roster: self, lexicon: lexicon)
        guard let i = index.match(organization) ?? entries.firstIndex(where: { $0.official == organization }),
              i < copy.entries.count else {
            copy.entries.append(RosterEntry(official: organization, forms: form == organization ? [] : [form]))
            return copy
        }
        let entry = copy.entries[i]
        if index.match(form) != i, !entry.forms.contains(form), entry.official != form, entry.short != form {
            copy.entries[i].forms.append(form)
        }
        return copy
    }

    /// The roster as its CSV file: a header row, then official name; short name; other forms apart by «|».
    public var csvText: String {
        func cell(_ s: String) -> String {
            s.contains(";") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines = ["Наименование;Краткое наименование;Другие написания"]
        for e in entries {
            lines.append([cell(e.official), cell(e.short ?? ""), cell(e.forms.joined(separator: " | "))].joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
