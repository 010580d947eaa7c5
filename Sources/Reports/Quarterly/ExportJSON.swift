import JSON
import Model

/// Reads back the parts of a `roadmap-export/1` file the quarterly report uses.
public enum ExportJSON {
    /// `nil` when `json` is not a `roadmap-export/1` object.
    public static func export(_ json: JSONValue) -> Export? {
        guard json["format"]?.stringValue == Export.format else { return nil }
        return Export(file: json["source"]?["file"]?.stringValue ?? "",
                      sha256: json["source"]?["sha256"]?.stringValue ?? "",
                      documents: (json["documents"]?.arrayValue ?? []).compactMap(document),
                      diagnostics: (json["diagnostics"]?.arrayValue ?? []).compactMap { try? $0.decode(Diagnostic.self) })
    }

    public static func document(_ json: JSONValue) -> Document? {
        guard let kind = json["kind"]?.stringValue.flatMap(DocumentKind.init(rawValue:)) else { return nil }
        return Document(kind: kind, title: json["title"]?.stringValue,
                        organization: json["organization"]?.stringValue,
                        period: json["period"].flatMap(period),
                        sections: (json["sections"]?.arrayValue ?? []).map(section),
                        date: json["date"]?.stringValue.flatMap(Day.init(iso:)),
                        number: json["number"]?.stringValue)
    }

    static func period(_ json: JSONValue) -> Period? {
        guard let from = json["from"]?.stringValue.flatMap(Day.init(iso:)),
              let to = json["to"]?.stringValue.flatMap(Day.init(iso:)) else { return nil }
        return Period(from: from, to: to)
    }

    static func section(_ json: JSONValue) -> Section {
        Section(number: json["number"]?.stringValue, title: json["title"]?.stringValue,
                items: (json["items"]?.arrayValue ?? []).map(item))
    }

    static func item(_ json: JSONValue) -> Item {
        Item(number: json["number"]?.stringValue, activity: json["activity"]?.stringValue,
             deadline: json["deadline"].flatMap { try? $0.decode(Deadline.self) } ?? Deadline(text: nil),
             responsibles: (json["responsibles"]?.arrayValue ?? []).compactMap { try? $0.decode(Responsible.self) },
             result: json["result"]?.stringValue, outcome: json["outcome"]?.stringValue)
    }
}
