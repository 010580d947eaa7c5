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
public struct RegistryTransaction: RegistryRecording {
    let db: Database

    // MARK: Look-ups

    /// The first arrival of these bytes, if any.
    public func firstArrival(sha256: String) throws -> KnownInput? {
        try KnownInput.fetchOne(db.cachedStatement(sql: "SELECT * FROM input WHERE sha256 = ? AND outcome != 'duplicate'"),
                                arguments: [sha256])
    }

    /// Whether any of `paths` is already the home of some recorded file.
    public func isClaimed(anyOf paths: [String]) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM claimedPath WHERE path = ?)")
        return try paths.contains { try Bool.fetchOne(statement, arguments: [$0]) ?? false }
    }

    /// Every path recorded files own that starts with `prefix` (a folder of the output, with its `/`).
    public func claimedPaths(under prefix: String) throws -> Set<String> {
        try String.fetchSet(db, sql: "SELECT path FROM claimedPath WHERE substr(path, 1, ?) = ?",
                            arguments: [prefix.unicodeScalars.count, prefix])
    }

    /// Arrivals whose input is not yet at its `storedPath`, oldest first.
    public func pendingMoves() throws -> [KnownInput] {
        try KnownInput.fetchAll(db, sql: "SELECT * FROM input WHERE moved = 0 ORDER BY id")
    }

    /// The spelling under which the registry first met this organisation, or `name` when it is new;
    /// so that every version of a school's roadmap lands in one folder and supersedes the last.
    public func canonicalOrganization(_ name: String) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT organization FROM input WHERE organizationKey = ? AND organization IS NOT NULL ORDER BY id LIMIT 1
            """), arguments: [Registry.organizationKey(name)]) ?? name
    }

    /// The content hash of every first arrival.
    public func recordedDigests() throws -> Set<String> {
        try String.fetchSet(db, sql: "SELECT sha256 FROM input WHERE outcome != 'duplicate'")
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
        var duplicateOf: Int64?
        if s.outcome == .duplicate {
            duplicateOf = try Int64.fetchOne(
                db, sql: "SELECT id FROM input WHERE sha256 = ? AND outcome != 'duplicate'", arguments: [s.sha256])
        }
        try db.cachedStatement(sql: """
            INSERT INTO input (sha256, name, size, receivedAt, modifiedAt, outcome, reasonCode, reason, converted,
                               organization, organizationKey, storedPath, exportPath, protocolPath, reasonPath,
                               moved, duplicateOf, folder, sourcePath)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
            """).execute(arguments: [
                s.sha256, s.name, s.size, s.receivedAt, s.modifiedAt, s.outcome.rawValue, s.reason?.code.rawValue,
                s.reason?.message, s.converted, s.organization, s.organization.map(Registry.organizationKey),
                s.storedPath, s.exportPath, s.protocolPath, s.reasonPath, duplicateOf, s.folder, s.sourcePath,
            ])
        let inputId = db.lastInsertedRowID

        let claim = try db.cachedStatement(sql: "INSERT OR REPLACE INTO claimedPath (path, inputId) VALUES (?, ?)")
        for path in [s.storedPath, s.exportPath, s.protocolPath, s.reasonPath].compactMap({ $0 }) {
            try claim.execute(arguments: [path, inputId])
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
        let diagnostic = try db.cachedStatement(sql: """
            INSERT INTO diagnostic (inputId, document, section, item, code, severity, field, text, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for d in diagnostics {
            try diagnostic.execute(arguments: [
                inputId, d.document, d.section, d.item, d.code.rawValue, d.severity.rawValue, d.field?.rawValue,
                d.text, d.message,
            ])
        }
    }

    func insert(_ document: Document, position: Int, organization: String?, inputId: Int64,
                        modifiedAt: Double) throws {
        try db.cachedStatement(sql: """
            INSERT INTO document (inputId, position, kind, title, organization, statedOrganization, periodFrom, periodTo,
                                  itemCount, modifiedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                inputId, position, document.kind.rawValue, document.title, organization,
                TextNormalizer.singleLine(document.organization), document.period?.from.iso, document.period?.to.iso,
                document.itemCount, modifiedAt,
            ])
        let documentId = db.lastInsertedRowID

        let insertItem = try db.cachedStatement(sql: """
            INSERT INTO item (documentId, position, sectionIndex, sectionTitle, number, activity, deadlineText,
                              deadlineKinds, responsibles, result, outcome, occurrences, firstDay, lastDue)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // Item by item from the document's sections: a long roadmap's items are not listed a second time.
        var index = 0
        for (sectionIndex, section) in document.sections.enumerated() {
            for item in section.items {
                let occurrences = item.deadline.occurrences
                let span = OccurrenceList.span(occurrences)
                try insertItem.execute(arguments: [
                    documentId, index, sectionIndex, section.title, item.number, item.activity,
                    item.deadline.text, item.deadline.kinds.map(\.rawValue).joined(separator: ","),
                    item.responsibles.map { $0.expansion ?? $0.text }.joined(separator: "; "), item.result, item.outcome,
                    OccurrenceList.encode(occurrences), span?.first.iso, span?.lastDue.iso,
                ])
                index += 1
            }
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
        let statement = try db.cachedStatement(sql: "UPDATE input SET moved = 1, sourcePath = NULL WHERE id = ?")
        for id in ids { try statement.execute(arguments: [id]) }
    }
}
