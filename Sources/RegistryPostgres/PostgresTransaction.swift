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
    /// The session's department (`kartograf_department()`), named in every statement as `$1`.
    let department: String

    /// Bindings that begin with the department, as `$1`.
    private func bindings(_ values: Bound...) -> PostgresBindings {
        var b = PostgresBindings(capacity: values.count + 1)
        b.append(department)
        b.append(values)
        return b
    }

    // MARK: Look-ups

    func firstArrival(sha256: String) throws -> KnownInput? {
        try session.run("""
            SELECT \(Self.inputColumns) FROM input
            WHERE department = $1 AND sha256 = $2 AND outcome <> 'duplicate'
            """, bindings(sha256)).first.map(KnownInput.init(postgres:))
    }

    func isClaimed(anyOf paths: [String]) throws -> Bool {
        guard !paths.isEmpty else { return false }
        let b = bindings(paths)
        return try session.run("""
            SELECT EXISTS (SELECT 1 FROM claimedPath WHERE department = $1 AND path = ANY($2))
            """, b).first?.decode(Bool.self) ?? false
    }

    func claimedPaths(under prefix: String) throws -> Set<String> {
        Set(try session.run("""
            SELECT path FROM claimedPath WHERE department = $1 AND starts_with(path, $2)
            """, bindings(prefix)).map { try $0.decode(String.self) })
    }

    func pendingMoves() throws -> [KnownInput] {
        try session.run("""
            SELECT \(Self.inputColumns) FROM input WHERE department = $1 AND NOT moved ORDER BY id
            """, bindings()).map(KnownInput.init(postgres:))
    }

    func canonicalOrganization(_ name: String) throws -> String {
        try session.run("""
            SELECT organization FROM input
            WHERE department = $1 AND organizationKey = $2 AND organization IS NOT NULL
            ORDER BY id LIMIT 1
            """, bindings(Registry.organizationKey(name))).first?.decode(String.self) ?? name
    }

    func recordedDigests() throws -> Set<String> {
        Set(try session.run("""
            SELECT sha256 FROM input WHERE department = $1 AND outcome <> 'duplicate'
            """, bindings()).map { try $0.decode(String.self) })
    }

    func organizationNames() throws -> [String] {
        try session.run("""
            SELECT organization FROM input WHERE department = $1 AND organization IS NOT NULL
            GROUP BY organization ORDER BY min(id)
            """, bindings()).map { try $0.decode(String.self) }
    }

    // MARK: Writing

    /// One statement waited for: the arrival, the paths it claims and its documents; their items, the
    /// file's diagnostics and the supersessions follow without waiting (`PostgresSession.send(later:)`).
    @discardableResult
    func record(_ s: Submission) throws -> Int64 {
        var b = bindings(s.sha256, s.name, s.size, s.receivedAt, s.modifiedAt, s.outcome.rawValue,
                         s.reason?.code.rawValue, s.reason?.message, s.converted, s.organization,
                         s.organization.map(Registry.organizationKey), s.storedPath, s.exportPath, s.protocolPath,
                         s.reasonPath, s.folder, s.sourcePath)
        // A repeat points at the first arrival of its bytes in its department.
        var sql = """
            WITH i AS (
                INSERT INTO input (department, sha256, name, size, receivedAt, modifiedAt, outcome, reasonCode, reason,
                                   converted, organization, organizationKey, storedPath, exportPath, protocolPath,
                                   reasonPath, moved, folder, sourcePath, duplicateOf)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, false, $17, $18,
                        CASE WHEN $7 = 'duplicate' THEN (SELECT id FROM input WHERE department = $1
                             AND sha256 = $2 AND outcome <> 'duplicate') END)
                RETURNING id)
            """

        // The last claim of a path wins, as SQLite's INSERT OR REPLACE.
        var claims: [String] = []
        for path in [s.storedPath, s.exportPath, s.protocolPath, s.reasonPath].compactMap({ $0 })
        where !claims.contains(path) {
            claims.append(path)
        }
        b.append(claims)
        sql += """
            , claimed AS (
                INSERT INTO claimedPath (department, path, inputId) SELECT $1, path, i.id FROM i, unnest($\(b.count)::text[]) path
                ON CONFLICT (department, path) DO UPDATE SET inputId = excluded.inputId)

            """
        let documents = s.outcome == .duplicate ? [] : s.export?.documents ?? []
        guard !documents.isEmpty else {
            let inputId = try session.run(sql + "SELECT id FROM i", b).first!.decode(Int64.self)
            if s.outcome != .duplicate, let export = s.export { insert(export.diagnostics, inputId: inputId) }
            return inputId
        }
        sql += ", d AS (" + Self.documentInsert(documents, organization: s.organization, modifiedAt: s.modifiedAt,
                                                inputId: "i.id", from: "i", into: &b) + ")\n"
        let rows = try session.run(sql + "SELECT i.id, d.id FROM i, d ORDER BY d.position", b)
        let inputId = try rows[0].decode((Int64, Int64).self).0
        let ids = try rows.map { try $0.decode((Int64, Int64).self).1 }
        try recordContent(documents, ids: ids, organization: s.organization, inputId: inputId, modifiedAt: s.modifiedAt)
        insert(s.export?.diagnostics ?? [], inputId: inputId)
        return inputId
    }

    /// An `INSERT … RETURNING id, position` of a file's documents, for `WITH … AS (…)`; `inputId` is
    /// an expression over `from` (a table of one row), or over no table when `from` is empty.
    static func documentInsert(_ documents: [Document], organization: String?, modifiedAt: Double, inputId: String,
                               from: String, into b: inout PostgresBindings) -> String {
        var rows: [String] = []
        for (position, document) in documents.enumerated() {
            let first = b.count
            b.append([position, document.kind.rawValue, document.title, organization,
                      TextNormalizer.singleLine(document.organization), document.period?.from.iso,
                      document.period?.to.iso, document.itemCount, modifiedAt])
            rows.append("(" + (first + 1...b.count).map { "$\($0)" }.joined(separator: ",") + ")")
        }
        // Typed here: a column whose values are all NULL would otherwise be text.
        return """
            INSERT INTO document (department, inputId, position, kind, title, organization, statedOrganization, periodFrom,
                                  periodTo, itemCount, modifiedAt)
            SELECT $1, \(inputId), v.position::integer, v.kind::text, v.title::text, v.organization::text,
                   v.statedOrganization::text, v.periodFrom::text, v.periodTo::text, v.itemCount::integer,
                   v.modifiedAt::double precision
            FROM \(from.isEmpty ? "" : from + ", ")(VALUES \(rows.joined(separator: ","))) AS v(position, kind, title,
                 organization, statedOrganization, periodFrom, periodTo, itemCount, modifiedAt)
            RETURNING id, position
            """
    }

    /// Inserts the documents of an arrival already recorded (a file read again).
    func insert(_ documents: [Document], organization: String?, inputId: Int64, modifiedAt: Double) throws {
        guard !documents.isEmpty else { return }
        var b = bindings(inputId)
        let sql = Self.documentInsert(documents, organization: organization, modifiedAt: modifiedAt, inputId: "$2::bigint",
                                      from: "", into: &b)
        let ids = try session.run("WITH d AS (\(sql)) SELECT id FROM d ORDER BY position", b)
            .map { try $0.decode(Int64.self) }
        try recordContent(documents, ids: ids, organization: organization, inputId: inputId, modifiedAt: modifiedAt)
    }

    /// The items of documents just inserted, and what their roadmaps supersede; sent without waiting.
    private func recordContent(_ documents: [Document], ids: [Int64], organization: String?, inputId: Int64,
                               modifiedAt: Double) throws {
        guard ids.count == documents.count else {
            throw RegistryError.failed(path: session.display, reason: "сервер вернул не все документы файла")
        }
        for (position, (document, documentId)) in zip(documents, ids).enumerated() {
            insertItems(of: document, documentId: documentId)
            // A roadmap of a named organisation supersedes the one it had, unless it is older.
            guard document.kind == .roadmap, let organization else { continue }
            supersede(documentId: documentId, position: position, organization: organization, inputId: inputId,
                      modifiedAt: modifiedAt)
        }
    }

    /// The organisation's current roadmap other than this one — an earlier version, or one of this file's
    /// documents before it — is superseded by it, or supersedes it when that one's file is newer. Locked
    /// until the commit: the exclusion constraint stands behind the department's lock.
    private func supersede(documentId: Int64, position: Int, organization: String, inputId: Int64, modifiedAt: Double) {
        let b = bindings(organization, inputId, position, documentId, modifiedAt)
        session.send(later: """
            WITH live AS (
                SELECT id, modifiedAt FROM document
                WHERE department = $1 AND kind = 'roadmap' AND organization = $2 AND supersededBy IS NULL
                  AND (inputId <> $3 OR position < $4)
                ORDER BY modifiedAt DESC, id DESC LIMIT 1 FOR UPDATE)
            UPDATE document SET supersededBy = CASE WHEN document.id = live.id THEN $5 ELSE live.id END
            FROM live WHERE document.id = CASE WHEN live.modifiedAt <= $6 THEN live.id ELSE $5 END
            """, b)
    }

    func insert(_ diagnostics: [Diagnostic], inputId: Int64) {
        session.insertRows(into: "diagnostic (department, inputId, document, section, item, code, severity, field, text, message)",
                           rows: diagnostics) { b, d in
            b.append([department, inputId, d.document, d.section, d.item, d.code.rawValue, d.severity.rawValue,
                      d.field?.rawValue, d.text, d.message])
        }
    }

    /// Where each item stands (section, place in it), in document order: the items themselves are not copied.
    static func itemPlaces(_ document: Document) -> [(section: Int, item: Int)] {
        document.sections.indices.flatMap { s in document.sections[s].items.indices.map { (s, $0) } }
    }

    private func insertItems(of document: Document, documentId: Int64) {
        session.insertRows(into: """
            item (department, documentId, position, sectionIndex, sectionTitle, number, activity, deadlineText,
                  deadlineKinds, responsibles, result, outcome, occurrences, firstDay, lastDue)
            """, rows: Array(Self.itemPlaces(document).enumerated())) { b, pair in
            let (index, entry) = pair
            let item = document.sections[entry.section].items[entry.item]
            let occurrences = item.deadline.occurrences
            let span = OccurrenceList.span(occurrences)
            b.append([department, documentId, index, entry.section, document.sections[entry.section].title,
                      item.number, item.activity, item.deadline.text,
                      item.deadline.kinds.map(\.rawValue).joined(separator: ","),
                      item.responsibles.map { $0.expansion ?? $0.text }.joined(separator: "; "), item.result,
                      item.outcome, OccurrenceList.encode(occurrences), span?.first.iso, span?.lastDue.iso])
        }
    }

    /// Sent without waiting: nothing in the transaction depends on it.
    func markMoved(ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        let b = PostgresBindings(ids)
        session.send(later: "UPDATE input SET moved = true, sourcePath = NULL WHERE id = ANY($1)", b)
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

    /// Inserts `rows` in as few statements as the parameter limit allows (one, for a roadmap's items),
    /// sent without waiting (`send(later:)`).
    func insertRows<Row>(into target: String, rows: [Row], conflict: String = "",
                         _ bind: (inout PostgresBindings, Row) -> Void) {
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
            send(later: "INSERT INTO \(target) VALUES \(tuples.joined(separator: ",")) \(conflict)", bindings)
            start += chunk.count
        }
    }
}
