import Model
import PostgresNIO
import Registry
import Text

/// The PostgreSQL registry inside one transaction (see `RegistryTransaction`, its SQLite twin).
///
/// Look-ups name the session's department explicitly besides the server's row-level security, so
/// that a session that security does not restrict (the database's owner) still writes as one
/// department among others.
struct PostgresTransaction: RegistryRecording {
    let session: PostgresSession

    // MARK: Look-ups

    func firstArrival(sha256: String) throws -> KnownInput? {
        try session.run("""
            SELECT \(Self.inputColumns) FROM input
            WHERE department = kartograf_department() AND sha256 = $1 AND outcome <> 'duplicate'
            """, binds(sha256)).first.map(KnownInput.init(postgres:))
    }

    func isClaimed(anyOf paths: [String]) throws -> Bool {
        guard !paths.isEmpty else { return false }
        var bindings = PostgresBindings(capacity: paths.count)
        for path in paths { bindings.append(path) }
        let list = (1...paths.count).map { "$\($0)" }.joined(separator: ",")
        return try session.run("""
            SELECT EXISTS (SELECT 1 FROM claimedPath WHERE department = kartograf_department() AND path IN (\(list)))
            """, bindings).first?.decode(Bool.self) ?? false
    }

    func claimedPaths(under prefix: String) throws -> Set<String> {
        Set(try session.run("""
            SELECT path FROM claimedPath WHERE department = kartograf_department() AND starts_with(path, $1)
            """, binds(prefix)).map { try $0.decode(String.self) })
    }

    func pendingMoves() throws -> [KnownInput] {
        try session.run("""
            SELECT \(Self.inputColumns) FROM input WHERE department = kartograf_department() AND NOT moved ORDER BY id
            """).map(KnownInput.init(postgres:))
    }

    func canonicalOrganization(_ name: String) throws -> String {
        try session.run("""
            SELECT organization FROM input
            WHERE department = kartograf_department() AND organizationKey = $1 AND organization IS NOT NULL
            ORDER BY id LIMIT 1
            """, binds(Registry.organizationKey(name))).first?.decode(String.self) ?? name
    }

    func recordedDigests() throws -> Set<String> {
        Set(try session.run("""
            SELECT sha256 FROM input WHERE department = kartograf_department() AND outcome <> 'duplicate'
            """).map { try $0.decode(String.self) })
    }

    func organizationNames() throws -> [String] {
        try session.run("""
            SELECT organization FROM input WHERE department = kartograf_department() AND organization IS NOT NULL
            GROUP BY organization ORDER BY min(id)
            """).map { try $0.decode(String.self) }
    }

    // MARK: Writing

    @discardableResult
    func record(_ s: Submission) throws -> Int64 {
        var bindings = PostgresBindings()
        bindings.append(s.sha256)
        bindings.append(s.name)
        bindings.append(s.size)
        bindings.append(s.receivedAt)
        bindings.append(s.modifiedAt)
        bindings.append(s.outcome.rawValue)
        bindings.append(s.reason?.code.rawValue)
        bindings.append(s.reason?.message)
        bindings.append(s.converted)
        bindings.append(s.organization)
        bindings.append(s.organization.map(Registry.organizationKey))
        bindings.append(s.storedPath)
        bindings.append(s.exportPath)
        bindings.append(s.protocolPath)
        bindings.append(s.reasonPath)
        bindings.append(s.folder)
        bindings.append(s.sourcePath)
        // A repeat points at the first arrival of its bytes in its department.
        let inputId = try session.run("""
            INSERT INTO input (sha256, name, size, receivedAt, modifiedAt, outcome, reasonCode, reason, converted,
                               organization, organizationKey, storedPath, exportPath, protocolPath, reasonPath,
                               moved, folder, sourcePath, duplicateOf)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, false, $16, $17,
                    CASE WHEN $6 = 'duplicate' THEN (SELECT id FROM input WHERE department = kartograf_department()
                         AND sha256 = $1 AND outcome <> 'duplicate') END)
            RETURNING id
            """, bindings).first!.decode(Int64.self)

        // The last claim of a path wins, as SQLite's INSERT OR REPLACE.
        var claims: [String] = []
        for path in [s.storedPath, s.exportPath, s.protocolPath, s.reasonPath].compactMap({ $0 })
        where !claims.contains(path) {
            claims.append(path)
        }
        try session.insertRows(into: "claimedPath (path, inputId)", rows: claims,
                       conflict: "ON CONFLICT (department, path) DO UPDATE SET inputId = excluded.inputId") { b, path in
            b.append(path)
            b.append(inputId)
        }
        guard s.outcome != .duplicate, let export = s.export else { return inputId }

        for (position, document) in export.documents.enumerated() {
            try insert(document, position: position, organization: s.organization, inputId: inputId,
                       modifiedAt: s.modifiedAt)
        }
        try insert(export.diagnostics, inputId: inputId)
        return inputId
    }

    func insert(_ diagnostics: [Diagnostic], inputId: Int64) throws {
        try session.insertRows(into: "diagnostic (inputId, document, section, item, code, severity, field, text, message)",
                       rows: diagnostics) { b, d in
            b.append(inputId)
            b.append(d.document)
            b.append(d.section)
            b.append(d.item)
            b.append(d.code.rawValue)
            b.append(d.severity.rawValue)
            b.append(d.field?.rawValue)
            b.append(d.text)
            b.append(d.message)
        }
    }

    func insert(_ document: Document, position: Int, organization: String?, inputId: Int64,
                        modifiedAt: Double) throws {
        let items = document.allItems
        var bindings = PostgresBindings()
        bindings.append(inputId)
        bindings.append(position)
        bindings.append(document.kind.rawValue)
        bindings.append(document.title)
        bindings.append(organization)
        bindings.append(TextNormalizer.singleLine(document.organization))
        bindings.append(document.period?.from.iso)
        bindings.append(document.period?.to.iso)
        bindings.append(items.count)
        bindings.append(modifiedAt)
        let documentId = try session.run("""
            INSERT INTO document (inputId, position, kind, title, organization, statedOrganization, periodFrom,
                                  periodTo, itemCount, modifiedAt)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id
            """, bindings).first!.decode(Int64.self)

        try session.insertRows(into: """
            item (documentId, position, sectionIndex, sectionTitle, number, activity, deadlineText, deadlineKinds,
                  responsibles, result, outcome, occurrences, firstDay, lastDue)
            """, rows: Array(items.enumerated())) { b, pair in
            let (index, entry) = pair
            let item = entry.item
            let occurrences = item.deadline.occurrences
            let span = OccurrenceList.span(occurrences)
            b.append(documentId)
            b.append(index)
            b.append(entry.section)
            b.append(document.sections[entry.section].title)
            b.append(item.number)
            b.append(item.activity)
            b.append(item.deadline.text)
            b.append(item.deadline.kinds.map(\.rawValue).joined(separator: ","))
            b.append(item.responsibles.map { $0.expansion ?? $0.text }.joined(separator: "; "))
            b.append(item.result)
            b.append(item.outcome)
            b.append(OccurrenceList.encode(occurrences))
            b.append(span?.first.iso)
            b.append(span?.lastDue.iso)
        }

        // A roadmap of a named organisation supersedes the one it had, unless it is older.
        guard document.kind == .roadmap, let organization else { return }
        var current = PostgresBindings()
        current.append(organization)
        current.append(documentId)
        // Locked until the commit: the exclusion constraint stands behind the department's lock.
        guard let row = try session.run("""
            SELECT id, modifiedAt FROM document
            WHERE department = kartograf_department() AND kind = 'roadmap' AND organization = $1
              AND supersededBy IS NULL AND id <> $2
            ORDER BY modifiedAt DESC, id DESC LIMIT 1 FOR UPDATE
            """, current).first else { return }
        let (currentId, currentModified) = try row.decode((Int64, Double).self)
        var supersede = PostgresBindings()
        if currentModified <= modifiedAt {
            supersede.append(documentId)
            supersede.append(currentId)
        } else {
            supersede.append(currentId)
            supersede.append(documentId)
        }
        try session.run("UPDATE document SET supersededBy = $1 WHERE id = $2", supersede)
    }

    func markMoved(ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        var bindings = PostgresBindings(capacity: ids.count)
        for id in ids { bindings.append(id) }
        let list = (1...ids.count).map { "$\($0)" }.joined(separator: ",")
        try session.run("UPDATE input SET moved = true, sourcePath = NULL WHERE id IN (\(list))", bindings)
    }

    static let inputColumns = """
        id, sha256, name, outcome, reasonCode, reason, converted, organization, storedPath, folder, sourcePath, moved,
        exportPath, protocolPath, receivedAt, modifiedAt
        """
}

extension KnownInput {
    init(postgres row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        self.init(id: try r["id"].decode(Int64.self), sha256: try r["sha256"].decode(String.self),
                  name: try r["name"].decode(String.self),
                  outcome: InputOutcome(rawValue: try r["outcome"].decode(String.self)) ?? .processed,
                  reasonCode: try r["reasoncode"].decode(String?.self), reason: try r["reason"].decode(String?.self),
                  converted: try r["converted"].decode(Bool.self),
                  organization: try r["organization"].decode(String?.self),
                  storedPath: try r["storedpath"].decode(String.self), folder: try r["folder"].decode(String?.self),
                  sourcePath: try r["sourcepath"].decode(String?.self), moved: try r["moved"].decode(Bool.self))
        exportPath = try r["exportpath"].decode(String?.self)
        protocolPath = try r["protocolpath"].decode(String?.self)
        receivedAt = try r["receivedat"].decode(String.self)
        modifiedAt = try r["modifiedat"].decode(Double.self)
    }
}

extension PostgresSession {
    /// The parameters a statement with many rows sends at most (PostgreSQL allows 65,535).
    static let parameterLimit = 30_000

    /// Inserts `rows` in as few statements as the parameter limit allows (one, for a roadmap's items).
    func insertRows<Row>(into target: String, rows: [Row], conflict: String = "",
                                 _ bind: (inout PostgresBindings, Row) -> Void) throws {
        guard !rows.isEmpty else { return }
        var probe = PostgresBindings()
        bind(&probe, rows[0])
        let width = probe.count
        let perStatement = max(1, Self.parameterLimit / width)
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + perStatement)]
            var bindings = PostgresBindings(capacity: chunk.count * width)
            var tuples: [String] = []
            tuples.reserveCapacity(chunk.count)
            for row in chunk {
                let first = bindings.count
                bind(&bindings, row)
                tuples.append("(" + (first + 1...first + width).map { "$\($0)" }.joined(separator: ",") + ")")
            }
            try run("INSERT INTO \(target) VALUES \(tuples.joined(separator: ",")) \(conflict)", bindings)
            start += chunk.count
        }
    }

}
