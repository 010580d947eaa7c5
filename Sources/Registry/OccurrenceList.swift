import Model

/// How an item's deadline occurrences are kept in its registry row: `start..due` or `due`
/// windows in ISO days, joined by `;` («2023-09-01..2023-09-30;2023-12-25»), with the span
/// they cover beside them for the index.
public enum OccurrenceList {
    public static func encode(_ occurrences: [Occurrence]) -> String {
        // Built as bytes: an item due every month of a programme has dozens of windows.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(occurrences.count * 23)
        for o in occurrences {
            if !bytes.isEmpty { bytes.append(UInt8(ascii: ";")) }
            if let start = o.start {
                start.appendISO(to: &bytes)
                bytes.append(contentsOf: "..".utf8)
            }
            o.due.appendISO(to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The earliest day an occurrence starts (or falls due) and the latest due day; `nil` without occurrences.
    public static func span(_ occurrences: [Occurrence]) -> (first: Day, lastDue: Day)? {
        guard let head = occurrences.first else { return nil }
        var first = head.start ?? head.due, last = head.due
        for o in occurrences.dropFirst() {
            first = min(first, o.start ?? o.due)
            last = max(last, o.due)
        }
        return (first, last)
    }

    /// The windows of `text`; a malformed window is skipped.
    public static func decode(_ text: String) -> [Occurrence] {
        text.split(separator: ";").compactMap { window in
            let ends = window.split(separator: ".", omittingEmptySubsequences: true)
            switch ends.count {
            case 1: return Day(iso: String(ends[0])).map { Occurrence(start: nil, due: $0) }
            case 2:
                guard let start = Day(iso: String(ends[0])), let due = Day(iso: String(ends[1])) else { return nil }
                return Occurrence(start: start, due: due)
            default: return nil
            }
        }
    }
}
