import GRDB
import Model
import Text

/// The registry inside one transaction: what the pipeline asks and records for one file.
///
/// `Registry.transaction` gives one for writing, so that a file's look-ups (is it known,
/// which names are free, how its organisation is spelt), its record and the journal marks
/// of inputs moved since are one commit; `Registry.read` gives one for look-ups alone.
/// `Registry.firstArrival`, `record` and `markMoved` are the one-call forms the pipeline's
/// other steps and the tests use.
public struct RegistryTransaction {
    let db: Database
    /// Told of every digest recorded (transactions for writing only).
    var digests: DigestFilter? = nil

    // MARK: Look-ups

    /// The first arrival of these bytes, if any.
    public func firstArrival(sha256: String) throws -> KnownInput? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM input WHERE sha256 = ? AND outcome != 'duplicate'"),
                         arguments: [sha256]).map(KnownInput.init(row:))
    }

    /// Whether any of `paths` is already the home of some recorded file.
    public func isClaimed(anyOf paths: [String]) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM claimedPath WHERE path = ?)")
        return try paths.contains { try Bool.fetchOne(statement, arguments: [$0]) ?? false }
    }

    /// The spelling under which the registry first met this organisation, or `name` when it is new;
    /// so that every version of a school's roadmap lands in one folder and supersedes the last.
    public func canonicalOrganization(_ name: String) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT organization FROM input WHERE organizationKey = ? AND organization IS NOT NULL ORDER BY id LIMIT 1
            """), arguments: [Registry.organizationKey(name)]) ?? name
    }

    /// Every organisation name recorded, in the order first met.
    public func organizationNames() throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT organization FROM input WHERE organization IS NOT NULL GROUP BY organization ORDER BY min(id)
            """)
    }

    // MARK: Writing

    /// Records one arrival with its documents, items and diagnostics, and lets a newer
    /// roadmap of an organisation supersede the older one. Returns the arrival's id.
    @discardableResult
    public func record(_ s: Submission) throws -> Int64 {
        digests?.insert(s.sha256)
        var duplicateOf: Int64?
        if s.outcome == .duplicate {
            duplicateOf = try Int64.fetchOne(
                db, sql: "SELECT id FROM input WHERE sha256 = ? AND outcome != 'duplicate'", arguments: [s.sha256])
        }
        var input = try RowInsert(db.cachedStatement(sql: """
            INSERT INTO input (sha256, name, size, receivedAt, modifiedAt, outcome, reasonCode, reason, converted,
                               organization, organizationKey, storedPath, exportPath, protocolPath, reasonPath,
                               moved, duplicateOf)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
            """), in: db)
        input.text(s.sha256)
        input.text(s.name)
        input.integer(s.size)
        input.text(s.receivedAt)
        input.real(s.modifiedAt)
        input.text(s.outcome.rawValue)
        input.text(s.reason?.code.rawValue)
        input.text(s.reason?.message)
        input.integer(s.converted ? 1 : 0)
        input.text(s.organization)
        input.text(s.organization.map(Registry.organizationKey))
        input.text(s.storedPath)
        input.text(s.exportPath)
        input.text(s.protocolPath)
        input.text(s.reasonPath)
        input.integer(duplicateOf)
        try input.run()
        let inputId = db.lastInsertedRowID

        let claim = try db.cachedStatement(sql: "INSERT OR REPLACE INTO claimedPath (path, inputId) VALUES (?, ?)")
        for path in [s.storedPath, s.exportPath, s.protocolPath, s.reasonPath].compactMap({ $0 }) {
            var row = RowInsert(claim, in: db)
            row.text(path)
            row.integer(inputId)
            try row.run()
        }
        guard s.outcome != .duplicate, let export = s.export else { return inputId }

        for (position, document) in export.documents.enumerated() {
            try insert(document, position: position, organization: s.organization, inputId: inputId,
                       modifiedAt: s.modifiedAt)
        }
        let diagnostic = try db.cachedStatement(sql: """
            INSERT INTO diagnostic (inputId, document, section, item, code, severity, field, text, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for d in export.diagnostics {
            var row = RowInsert(diagnostic, in: db)
            row.integer(inputId)
            row.integer(d.document)
            row.integer(d.section)
            row.text(d.item)
            row.text(d.code.rawValue)
            row.text(d.severity.rawValue)
            row.text(d.field?.rawValue)
            row.text(d.text)
            row.text(d.message)
            try row.run()
        }
        return inputId
    }

    private func insert(_ document: Document, position: Int, organization: String?, inputId: Int64,
                        modifiedAt: Double) throws {
        let items = document.allItems
        var row = try RowInsert(db.cachedStatement(sql: """
            INSERT INTO document (inputId, position, kind, title, organization, statedOrganization, periodFrom, periodTo,
                                  itemCount, modifiedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """), in: db)
        row.integer(inputId)
        row.integer(position)
        row.text(document.kind.rawValue)
        row.text(document.title)
        row.text(organization)
        row.text(TextNormalizer.singleLine(document.organization))
        row.text(document.period?.from.iso)
        row.text(document.period?.to.iso)
        row.integer(items.count)
        row.real(modifiedAt)
        try row.run()
        let documentId = db.lastInsertedRowID

        let insertItem = try db.cachedStatement(sql: """
            INSERT INTO item (documentId, position, sectionIndex, sectionTitle, number, activity, deadlineText,
                              deadlineKinds, responsibles, result, outcome, occurrences, firstDay, lastDue)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, entry) in items.enumerated() {
            let item = entry.item
            let occurrences = item.deadline.occurrences
            let span = OccurrenceList.span(occurrences)
            var row = RowInsert(insertItem, in: db)
            row.integer(documentId)
            row.integer(index)
            row.integer(entry.section)
            row.text(document.sections[entry.section].title)
            row.text(item.number)
            row.text(item.activity)
            row.text(item.deadline.text)
            row.text(item.deadline.kinds.map(\.rawValue).joined(separator: ","))
            row.text(item.responsibles.map { $0.expansion ?? $0.text }.joined(separator: "; "))
            row.text(item.result)
            row.text(item.outcome)
            row.text(OccurrenceList.encode(occurrences))
            row.text(span?.first.iso)
            row.text(span?.lastDue.iso)
            try row.run()
        }

        // A roadmap of a named organisation supersedes the one it had, unless it is older.
        guard document.kind == .roadmap, let organization else { return }
        let current = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, modifiedAt FROM document
            WHERE kind = 'roadmap' AND organization = ? AND supersededBy IS NULL AND id != ?
            ORDER BY modifiedAt DESC, id DESC LIMIT 1
            """), arguments: [organization, documentId])
        guard let current else { return }
        let currentId: Int64 = current["id"]
        let currentModified: Double = current["modifiedAt"]
        let supersede = try db.cachedStatement(sql: "UPDATE document SET supersededBy = ? WHERE id = ?")
        if currentModified <= modifiedAt {
            try supersede.execute(arguments: [documentId, currentId])
        } else {
            try supersede.execute(arguments: [currentId, documentId])
        }
    }

    /// Notes that the inputs of these recorded arrivals now lie at their `storedPath`.
    public func markMoved(ids: [Int64]) throws {
        let statement = try db.cachedStatement(sql: "UPDATE input SET moved = 1 WHERE id = ?")
        for id in ids { try statement.execute(arguments: [id]) }
    }
}
