import Model
import PostgresNIO
import Registry

/// The methodist's corrections on PostgreSQL (`Registry/Corrections.swift`, its SQLite twin): the same
/// statements within the session's department.
extension PostgresTransaction {
    func input(id: Int64) throws -> KnownInput? {
        let b = PostgresBindings(id)
        return try session.run("SELECT \(Self.inputColumns) FROM input WHERE id = $1", b).first.map(KnownInput.init(postgres:))
    }

    func processedInputs() throws -> [KnownInput] {
        try session.run("""
            SELECT \(Self.inputColumns) FROM input
            WHERE department = kartograf_department() AND outcome = 'processed' ORDER BY id
            """).map(KnownInput.init(postgres:))
    }

    func documents(inputId: Int64) throws -> [DocumentSummary] {
        let b = PostgresBindings(inputId)
        return try session.run(PostgresRegistry.documentSelect + "WHERE d.inputId = $1 ORDER BY d.position", b)
            .map(DocumentSummary.init(postgres:))
    }

    func corrections(organization: String?) throws -> [Correction] {
        try session.run("""
            SELECT * FROM correction WHERE department = kartograf_department()
            AND organizationKey IS NOT DISTINCT FROM $1 ORDER BY id
            """, PostgresBindings(organization.map(Registry.organizationKey))).map(Correction.init(postgres:))
    }

    func corrections(inputId: Int64) throws -> [Correction] {
        let b = PostgresBindings(inputId)
        return try session.run("SELECT * FROM correction WHERE inputId = $1 ORDER BY id", b).map(Correction.init(postgres:))
    }

    func allCorrections() throws -> [Correction] {
        try session.run("SELECT * FROM correction ORDER BY id").map(Correction.init(postgres:))
    }

    func correctionOutcomes(inputId: Int64) throws -> [CorrectionOutcome] {
        let b = PostgresBindings(inputId)
        return try session.run("""
            SELECT c.*, o.inputId AS outcomeInputId, o.applied, o.document AS outcomeDocument, o.item AS outcomeItem,
                   o.reason
            FROM correctionOutcome o JOIN correction c ON c.id = o.correctionId WHERE o.inputId = $1 ORDER BY c.id
            """, b).map { row in
            let r = row.makeRandomAccess()
            let state: CorrectionState = try r["applied"].decode(Bool.self)
                ? .applied(document: try r["outcomedocument"].decode(Int?.self), item: try r["outcomeitem"].decode(Int?.self))
                : .notApplicable(reason: try r["reason"].decode(String?.self) ?? "")
            return CorrectionOutcome(correction: try Correction(postgres: row),
                                     inputId: try r["outcomeinputid"].decode(Int64.self), state: state)
        }
    }

    func add(_ correction: Correction) throws -> Correction {
        let c = correction
        let b = PostgresBindings(c.kind.rawValue, c.inputId, c.document, c.organization,
                                 c.organization.map(Registry.organizationKey), c.documentKind?.rawValue,
                                 c.item?.number, c.item?.activity, c.quarter, c.code, c.subject, c.value, c.note,
                                 c.author, c.createdAt)
        var kept = c
        kept.id = try session.run("""
            INSERT INTO correction (kind, inputId, document, organization, organizationKey, documentKind, itemNumber,
                                    itemActivity, quarter, code, subject, value, note, author, createdAt)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id
            """, b).first!.decode(Int64.self)
        return kept
    }

    func record(outcomes: [CorrectionOutcome]) throws {
        for o in outcomes {
            let b: PostgresBindings
            switch o.state {
            case let .applied(document, item):
                b = PostgresBindings(o.correction.id, o.inputId, true, document, item, nil)
            case let .notApplicable(reason):
                b = PostgresBindings(o.correction.id, o.inputId, false, nil, nil, reason)
            }
            try session.run("""
                INSERT INTO correctionOutcome (correctionId, inputId, applied, document, item, reason)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (correctionId, inputId) DO UPDATE SET applied = excluded.applied,
                    document = excluded.document, item = excluded.item, reason = excluded.reason
                """, b)
        }
    }

    func assignOrganization(inputId: Int64, document: Int?, organization: String) throws {
        let key = Registry.organizationKey(organization)
        let id = PostgresBindings(inputId)
        var earlier = try session.run("SELECT DISTINCT organization FROM document WHERE inputId = $1", id)
            .map { try $0.decode(String?.self) }
        if let document {
            let b = PostgresBindings(organization, key, inputId, document)
            try session.run("UPDATE document SET organization = $1 WHERE inputId = $3 AND position = $4", b)
            try session.run("""
                UPDATE correction SET organization = $1, organizationKey = $2 WHERE inputId = $3 AND document = $4
                """, b)
        } else {
            if let filed = try session.run("SELECT organization FROM input WHERE id = $1", id).first {
                earlier.append(try filed.decode(String?.self))
            }
            let b = PostgresBindings(organization, key, inputId)
            try session.run("UPDATE input SET organization = $1, organizationKey = $2 WHERE id = $3", b)
            try session.run("UPDATE document SET organization = $1 WHERE inputId = $3", b)
            // Corrections made on the file follow it to its organisation, so that its next version finds them.
            try session.run("UPDATE correction SET organization = $1, organizationKey = $2 WHERE inputId = $3", b)
        }
        for name in Set(earlier + [Optional(organization)]) { try resupersede(organization: name) }
    }

    /// Lets the newest roadmap of an organisation be its current one and the others superseded by it.
    private func resupersede(organization: String?) throws {
        guard let organization else {
            try session.run("""
                UPDATE document SET supersededBy = NULL
                WHERE department = kartograf_department() AND kind = 'roadmap' AND organization IS NULL
                """)
            return
        }
        let ids = try session.run("""
            SELECT id FROM document WHERE department = kartograf_department() AND kind = 'roadmap' AND organization = $1
            ORDER BY modifiedAt DESC, id DESC
            """, PostgresBindings(organization)).map { try $0.decode(Int64.self) }
        guard let newest = ids.first else { return }
        let b = PostgresBindings(newest)
        try session.run("UPDATE document SET supersededBy = NULL WHERE id = $1", b)
        for id in ids.dropFirst() {
            let s = PostgresBindings(newest, id)
            try session.run("UPDATE document SET supersededBy = $1 WHERE id = $2", s)
        }
    }

    func setDocumentKind(inputId: Int64, document: Int, kind: DocumentKind) throws {
        let b = PostgresBindings(kind.rawValue, inputId, document)
        try session.run("UPDATE document SET kind = $1 WHERE inputId = $2 AND position = $3", b)
        let w = PostgresBindings(inputId, document)
        let organization = try session.run("SELECT organization FROM document WHERE inputId = $1 AND position = $2", w)
            .first?.decode(String?.self)
        try resupersede(organization: organization ?? nil)
    }

    func setDeadline(inputId: Int64, document: Int, item: Int, deadline: Deadline) throws {
        let span = OccurrenceList.span(deadline.occurrences)
        let b = PostgresBindings(deadline.text, deadline.kinds.map(\.rawValue).joined(separator: ","),
                                 OccurrenceList.encode(deadline.occurrences), span?.first.iso, span?.lastDue.iso,
                                 item, inputId, document)
        try session.run("""
            UPDATE item SET deadlineText = $1, deadlineKinds = $2, occurrences = $3, firstDay = $4, lastDue = $5
            WHERE position = $6 AND documentId = (SELECT id FROM document WHERE inputId = $7 AND position = $8)
            """, b)
    }

    func replaceDiagnostics(inputId: Int64, _ diagnostics: [Diagnostic]) throws {
        let b = PostgresBindings(inputId)
        try session.run("DELETE FROM diagnostic WHERE inputId = $1", b)
        insert(diagnostics, inputId: inputId)
    }

    func replaceContent(inputId: Int64, export: Export) throws {
        let id = PostgresBindings(inputId)
        guard let input = try session.run("SELECT organization, modifiedAt FROM input WHERE id = $1", id).first else { return }
        let (organization, modifiedAt) = try input.decode((String?, Double).self)
        let old = try session.run("SELECT id, organization FROM document WHERE inputId = $1", id)
            .map { try $0.decode((Int64, String?).self) }
        for (document, _) in old {
            let b = PostgresBindings(document)
            try session.run("UPDATE document SET supersededBy = NULL WHERE supersededBy = $1", b)
            try session.run("DELETE FROM item WHERE documentId = $1", b)
            try session.run("DELETE FROM document WHERE id = $1", b)
        }
        try insert(export.documents, organization: organization, inputId: inputId, modifiedAt: modifiedAt)
        try replaceDiagnostics(inputId: inputId, export.diagnostics)
        for name in Set(old.map(\.1) + [organization]) { try resupersede(organization: name) }
    }
}

extension Correction {
    init(postgres row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        let number = try r["itemnumber"].decode(String?.self)
        let activity = try r["itemactivity"].decode(String?.self)
        self.init(id: try r["id"].decode(Int64.self),
                  kind: CorrectionKind(rawValue: try r["kind"].decode(String.self)) ?? .dismissal,
                  inputId: try r["inputid"].decode(Int64.self), document: try r["document"].decode(Int?.self),
                  organization: try r["organization"].decode(String?.self),
                  documentKind: try r["documentkind"].decode(String?.self).flatMap(DocumentKind.init(rawValue:)),
                  item: number == nil && activity == nil ? nil : ItemReference(number: number, activity: activity),
                  quarter: try r["quarter"].decode(String?.self), code: try r["code"].decode(String?.self),
                  subject: try r["subject"].decode(String?.self), value: try r["value"].decode(String.self),
                  note: try r["note"].decode(String?.self), author: try r["author"].decode(String.self),
                  createdAt: try r["createdat"].decode(String.self))
    }
}
