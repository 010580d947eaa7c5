import GRDB
import Model

/// The methodist's corrections in SQLite: the `correction` and `correctionOutcome` tables (`Schema`, v7),
/// and the changes a correction makes to the rows a run recorded.
extension RegistryTransaction {
    public func input(id: Int64) throws -> KnownInput? {
        try KnownInput.fetchOne(db, sql: "SELECT * FROM input WHERE id = ?", arguments: [id])
    }

    public func processedInputs() throws -> [KnownInput] {
        try KnownInput.fetchAll(db, sql: "SELECT * FROM input WHERE outcome = 'processed' ORDER BY id")
    }

    public func documents(inputId: Int64) throws -> [DocumentSummary] {
        try Row.fetchAll(db, sql: Registry.documentSelect + "WHERE d.inputId = ? ORDER BY d.position", arguments: [inputId])
            .map(DocumentSummary.init(row:))
    }

    public func corrections(organization: String?) throws -> [Correction] {
        try Row.fetchAll(db, sql: "SELECT * FROM correction WHERE organizationKey IS ? ORDER BY id",
                         arguments: [organization.map(Registry.organizationKey)]).map(Correction.init(row:))
    }

    public func corrections(inputId: Int64) throws -> [Correction] {
        try Row.fetchAll(db, sql: "SELECT * FROM correction WHERE inputId = ? ORDER BY id", arguments: [inputId])
            .map(Correction.init(row:))
    }

    public func allCorrections() throws -> [Correction] {
        try Row.fetchAll(db, sql: "SELECT * FROM correction ORDER BY id").map(Correction.init(row:))
    }

    public func correctionOutcomes(inputId: Int64) throws -> [CorrectionOutcome] {
        try Row.fetchAll(db, sql: """
            SELECT c.*, o.inputId AS outcomeInputId, o.applied, o.document AS outcomeDocument, o.item AS outcomeItem, o.reason
            FROM correctionOutcome o JOIN correction c ON c.id = o.correctionId WHERE o.inputId = ? ORDER BY c.id
            """, arguments: [inputId]).map { row in
            let applied: Bool = row["applied"]
            let state: CorrectionState = applied
                ? .applied(document: row["outcomeDocument"], item: row["outcomeItem"])
                : .notApplicable(reason: row["reason"] ?? "")
            return CorrectionOutcome(correction: Correction(row: row), inputId: row["outcomeInputId"], state: state)
        }
    }

    public func add(_ correction: Correction) throws -> Correction {
        let c = correction
        try db.execute(sql: """
            INSERT INTO correction (kind, inputId, document, organization, organizationKey, documentKind, itemNumber,
                                    itemActivity, quarter, code, subject, value, note, author, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                c.kind.rawValue, c.inputId, c.document, c.organization, c.organization.map(Registry.organizationKey),
                c.documentKind?.rawValue, c.item?.number, c.item?.activity, c.quarter, c.code, c.subject, c.value,
                c.note, c.author, c.createdAt,
            ])
        var kept = c
        kept.id = db.lastInsertedRowID
        return kept
    }

    public func record(outcomes: [CorrectionOutcome]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO correctionOutcome (correctionId, inputId, applied, document, item, reason)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        for o in outcomes {
            switch o.state {
            case let .applied(document, item):
                try statement.execute(arguments: [o.correction.id, o.inputId, true, document, item, nil])
            case let .notApplicable(reason):
                try statement.execute(arguments: [o.correction.id, o.inputId, false, nil, nil, reason])
            }
        }
    }

    public func assignOrganization(inputId: Int64, document: Int?, organization: String) throws {
        let key = Registry.organizationKey(organization)
        var earlier: [String?] = try String?.fetchAll(db, sql: "SELECT DISTINCT organization FROM document WHERE inputId = ?",
                                                      arguments: [inputId])
        if document == nil {
            let filed: String?? = try String?.fetchOne(db, sql: "SELECT organization FROM input WHERE id = ?", arguments: [inputId])
            earlier.append(filed ?? nil)
            try db.execute(sql: "UPDATE input SET organization = ?, organizationKey = ? WHERE id = ?",
                           arguments: [organization, key, inputId])
            try db.execute(sql: "UPDATE document SET organization = ? WHERE inputId = ?", arguments: [organization, inputId])
            // Corrections made on the file follow it to its organisation, so that its next version finds them.
            try db.execute(sql: "UPDATE correction SET organization = ?, organizationKey = ? WHERE inputId = ?",
                           arguments: [organization, key, inputId])
        } else {
            try db.execute(sql: "UPDATE document SET organization = ? WHERE inputId = ? AND position = ?",
                           arguments: [organization, inputId, document])
            try db.execute(sql: """
                UPDATE correction SET organization = ?, organizationKey = ? WHERE inputId = ? AND document = ?
                """, arguments: [organization, key, inputId, document])
        }
        for name in Set(earlier + [Optional(organization)]) { try resupersede(organization: name) }
    }

    /// The roadmaps of an organisation as a run leaves them: the newest current, each other superseded by it
    /// (documents of no organisation are each their own).
    private func resupersede(organization: String?) throws {
        guard let organization else {
            try db.execute(sql: "UPDATE document SET supersededBy = NULL WHERE kind = 'roadmap' AND organization IS NULL")
            return
        }
        let ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM document WHERE kind = 'roadmap' AND organization = ? ORDER BY modifiedAt DESC, id DESC
            """, arguments: [organization])
        guard let newest = ids.first else { return }
        try db.execute(sql: "UPDATE document SET supersededBy = NULL WHERE id = ?", arguments: [newest])
        for id in ids.dropFirst() {
            try db.execute(sql: "UPDATE document SET supersededBy = ? WHERE id = ?", arguments: [newest, id])
        }
    }

    public func setDocumentKind(inputId: Int64, document: Int, kind: DocumentKind) throws {
        try db.execute(sql: "UPDATE document SET kind = ? WHERE inputId = ? AND position = ?",
                       arguments: [kind.rawValue, inputId, document])
        let organization = try String?.fetchOne(db, sql: "SELECT organization FROM document WHERE inputId = ? AND position = ?",
                                                arguments: [inputId, document])
        try resupersede(organization: organization ?? nil)
    }

    public func setDeadline(inputId: Int64, document: Int, item: Int, deadline: Deadline) throws {
        let span = OccurrenceList.span(deadline.occurrences)
        try db.execute(sql: """
            UPDATE item SET deadlineText = ?, deadlineKinds = ?, occurrences = ?, firstDay = ?, lastDue = ?
            WHERE position = ? AND documentId = (SELECT id FROM document WHERE inputId = ? AND position = ?)
            """, arguments: [
                deadline.text, deadline.kinds.map(\.rawValue).joined(separator: ","),
                OccurrenceList.encode(deadline.occurrences), span?.first.iso, span?.lastDue.iso, item, inputId, document,
            ])
    }
}

extension RegistryTransaction {
    public func replaceDiagnostics(inputId: Int64, _ diagnostics: [Diagnostic]) throws {
        try db.execute(sql: "DELETE FROM diagnostic WHERE inputId = ?", arguments: [inputId])
        try insert(diagnostics, inputId: inputId)
    }

    public func replaceContent(inputId: Int64, export: Export) throws {
        guard let input = try Row.fetchOne(db, sql: "SELECT organization, modifiedAt FROM input WHERE id = ?",
                                           arguments: [inputId]) else { return }
        let organization: String? = input["organization"]
        let modifiedAt: Double = input["modifiedAt"]
        let old = try Int64.fetchAll(db, sql: "SELECT id FROM document WHERE inputId = ?", arguments: [inputId])
        let earlierOrganizations = try String?.fetchAll(db, sql: "SELECT DISTINCT organization FROM document WHERE inputId = ?",
                                                        arguments: [inputId])
        for id in old {
            try db.execute(sql: "UPDATE document SET supersededBy = NULL WHERE supersededBy = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM item WHERE documentId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
        }
        for (position, document) in export.documents.enumerated() {
            try insert(document, position: position, organization: organization, inputId: inputId, modifiedAt: modifiedAt)
        }
        try replaceDiagnostics(inputId: inputId, export.diagnostics)
        for name in Set(earlierOrganizations + [organization]) { try resupersede(organization: name) }
    }
}

extension Correction {
    init(row: Row) {
        let number: String? = row["itemNumber"]
        let activity: String? = row["itemActivity"]
        let documentKind: String? = row["documentKind"]
        self.init(id: row["id"], kind: CorrectionKind(rawValue: row["kind"]) ?? .dismissal, inputId: row["inputId"],
                  document: row["document"], organization: row["organization"],
                  documentKind: documentKind.flatMap(DocumentKind.init(rawValue:)),
                  item: number == nil && activity == nil ? nil : ItemReference(number: number, activity: activity),
                  quarter: row["quarter"], code: row["code"], subject: row["subject"], value: row["value"],
                  note: row["note"], author: row["author"], createdAt: row["createdAt"])
    }
}
