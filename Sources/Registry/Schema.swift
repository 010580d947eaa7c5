import GRDB

/// The registry's tables, built by named migrations so that an older database
/// file is brought up to date in place. Migrations are never edited once
/// shipped: a change of schema is a new migration appended here.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        // Every file that arrived in the inbox, one row per arrival.
        // `sha256` is unique among first arrivals; later arrivals of the same bytes
        // are rows with outcome `duplicate` pointing at the first one.
        // `moved` is the journal: a committed row whose input is not yet moved
        // is finished by the next run.
        migrator.registerMigration("v1: inputs") { db in
            try db.create(table: "input") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sha256", .text).notNull()
                t.column("name", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("receivedAt", .text).notNull()
                t.column("modifiedAt", .double).notNull()
                t.column("outcome", .text).notNull()
                t.column("reasonCode", .text)
                t.column("reason", .text)
                t.column("converted", .boolean).notNull().defaults(to: false)
                t.column("organization", .text)
                t.column("organizationKey", .text).indexed()
                t.column("storedPath", .text).notNull()
                t.column("exportPath", .text)
                t.column("protocolPath", .text)
                t.column("reasonPath", .text)
                t.column("moved", .boolean).notNull().defaults(to: false)
                t.column("duplicateOf", .integer).references("input")
            }
            try db.execute(sql: """
                CREATE UNIQUE INDEX input_first_arrival ON input(sha256) WHERE outcome != 'duplicate';
                CREATE INDEX input_sha256 ON input(sha256);
                CREATE INDEX input_pending ON input(moved) WHERE moved = 0;
                """)
        }

        // Logical documents of each input; for roadmaps, the organisation's current
        // version and the versions it replaced (`supersededBy`).
        migrator.registerMigration("v1: documents") { db in
            try db.create(table: "document") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("inputId", .integer).notNull().indexed().references("input", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("kind", .text).notNull()
                t.column("title", .text)
                // The input's organisation (its folder); `statedOrganization` is what this document itself says.
                t.column("organization", .text).indexed()
                t.column("statedOrganization", .text)
                t.column("periodFrom", .text)
                t.column("periodTo", .text)
                t.column("itemCount", .integer).notNull()
                t.column("modifiedAt", .double).notNull()
                t.column("supersededBy", .integer).references("document")
            }
        }

        // Items with their text fields, and one row per deadline occurrence so that
        // the quarterly report can ask which items fall due in a quarter.
        migrator.registerMigration("v1: items and occurrences") { db in
            try db.create(table: "item") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("documentId", .integer).notNull().indexed().references("document", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("sectionIndex", .integer).notNull()
                t.column("sectionTitle", .text)
                t.column("number", .text)
                t.column("activity", .text)
                t.column("deadlineText", .text)
                t.column("deadlineKinds", .text).notNull()
                t.column("responsibles", .text).notNull()
                t.column("result", .text)
                t.column("outcome", .text)
            }
            try db.create(table: "occurrence") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("itemId", .integer).notNull().indexed().references("item", onDelete: .cascade)
                t.column("start", .text)
                t.column("due", .text).notNull().indexed()
            }
        }

        migrator.registerMigration("v1: diagnostics") { db in
            try db.create(table: "diagnostic") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("inputId", .integer).notNull().indexed().references("input", onDelete: .cascade)
                t.column("document", .integer)
                t.column("section", .integer)
                t.column("item", .text)
                t.column("code", .text).notNull()
                t.column("severity", .text).notNull()
                t.column("field", .text)
                t.column("text", .text)
                t.column("message", .text).notNull()
            }
        }
        // Every path under the output folder that a recorded file owns, so that a new
        // file's names are chosen without scanning the inputs.
        migrator.registerMigration("v1: claimed paths") { db in
            try db.create(table: "claimedPath") { t in
                t.primaryKey("path", .text)
                t.column("inputId", .integer).notNull().indexed().references("input", onDelete: .cascade)
            }
            try db.execute(sql: """
                INSERT OR IGNORE INTO claimedPath (path, inputId)
                SELECT storedPath, id FROM input UNION ALL SELECT exportPath, id FROM input WHERE exportPath IS NOT NULL
                UNION ALL SELECT protocolPath, id FROM input WHERE protocolPath IS NOT NULL
                UNION ALL SELECT reasonPath, id FROM input WHERE reasonPath IS NOT NULL
                """)
        }
        // Occurrences move onto their item: a compact list plus the span it covers
        // (`firstDay` = earliest start or due, `lastDue`); the exact windows are filtered
        // when read. A row per occurrence cost a roadmap with monthly items hundreds of
        // inserts and scattered index pages per file. The span is not indexed: a quarter's
        // query scans a municipality's items (tens of thousands of rows, milliseconds),
        // while every index with random keys is paid on every file of every batch.
        // `input_sha256` repeats `input_first_arrival` for every query there is.
        migrator.registerMigration("v2: occurrences on the item") { db in
            try db.execute(sql: """
                ALTER TABLE item ADD COLUMN occurrences TEXT NOT NULL DEFAULT '';
                ALTER TABLE item ADD COLUMN firstDay TEXT;
                ALTER TABLE item ADD COLUMN lastDue TEXT;
                UPDATE item SET
                    occurrences = coalesce((SELECT group_concat(w, ';') FROM
                        (SELECT coalesce(start || '..', '') || due AS w FROM occurrence WHERE itemId = item.id ORDER BY id)), ''),
                    firstDay = (SELECT min(coalesce(start, due)) FROM occurrence WHERE itemId = item.id),
                    lastDue = (SELECT max(due) FROM occurrence WHERE itemId = item.id);
                DROP TABLE occurrence;
                DROP INDEX input_sha256;
                """)
        }
        // Indexes that only served cascading deletes, which the registry never does, cost every
        // file a B-tree insert each: documents by input, items by document, claimed paths by input.
        // Claimed paths are looked up by path alone, so their table is keyed by it (no rowid tree
        // beside the path index).
        migrator.registerMigration("v3: write-only indexes dropped") { db in
            try db.execute(sql: """
                DROP INDEX document_on_inputId;
                DROP INDEX item_on_documentId;
                CREATE TABLE claimedPath_new (
                    path TEXT PRIMARY KEY NOT NULL,
                    inputId INTEGER NOT NULL REFERENCES input(id) ON DELETE CASCADE
                ) WITHOUT ROWID;
                INSERT INTO claimedPath_new (path, inputId) SELECT path, inputId FROM claimedPath;
                DROP TABLE claimedPath;
                ALTER TABLE claimedPath_new RENAME TO claimedPath;
                """)
        }
        // Two more indexes that every file paid a page write for: arrivals not yet moved (a run's
        // start reads them by scanning the inputs, milliseconds for a municipality) and diagnostics
        // by input (`status` counts them in one grouped pass instead).
        migrator.registerMigration("v4: indexes of rare reads dropped") { db in
            try db.execute(sql: """
                DROP INDEX input_pending;
                DROP INDEX diagnostic_on_inputId;
                """)
        }
        // Plain integer keys instead of AUTOINCREMENT. AUTOINCREMENT only keeps the ids of
        // deleted rows from coming back, and the registry deletes none; but it made every insert
        // look up and rewrite the table's row in `sqlite_sequence`: a page written per file.
        // SQLite cannot alter that, so the four tables
        // are rebuilt (same columns in the same order, same indexes; foreign keys are checked
        // when the migration ends).
        migrator.registerMigration("v5: plain integer keys") { db in
            try db.execute(sql: """
                CREATE TABLE input_new (
                    id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL,
                    receivedAt TEXT NOT NULL, modifiedAt DOUBLE NOT NULL, outcome TEXT NOT NULL, reasonCode TEXT,
                    reason TEXT, converted BOOLEAN NOT NULL DEFAULT 0, organization TEXT, organizationKey TEXT,
                    storedPath TEXT NOT NULL, exportPath TEXT, protocolPath TEXT, reasonPath TEXT,
                    moved BOOLEAN NOT NULL DEFAULT 0, duplicateOf INTEGER REFERENCES input(id));
                INSERT INTO input_new SELECT * FROM input;
                DROP TABLE input;
                ALTER TABLE input_new RENAME TO input;
                CREATE INDEX input_on_organizationKey ON input(organizationKey);
                CREATE UNIQUE INDEX input_first_arrival ON input(sha256) WHERE outcome != 'duplicate';

                CREATE TABLE document_new (
                    id INTEGER PRIMARY KEY, inputId INTEGER NOT NULL REFERENCES input(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL, kind TEXT NOT NULL, title TEXT, organization TEXT,
                    statedOrganization TEXT, periodFrom TEXT, periodTo TEXT, itemCount INTEGER NOT NULL,
                    modifiedAt DOUBLE NOT NULL, supersededBy INTEGER REFERENCES document(id));
                INSERT INTO document_new SELECT * FROM document;
                DROP TABLE document;
                ALTER TABLE document_new RENAME TO document;
                CREATE INDEX document_on_organization ON document(organization);

                CREATE TABLE item_new (
                    id INTEGER PRIMARY KEY, documentId INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL, sectionIndex INTEGER NOT NULL, sectionTitle TEXT, number TEXT,
                    activity TEXT, deadlineText TEXT, deadlineKinds TEXT NOT NULL, responsibles TEXT NOT NULL,
                    result TEXT, outcome TEXT, occurrences TEXT NOT NULL DEFAULT '', firstDay TEXT, lastDue TEXT);
                INSERT INTO item_new SELECT * FROM item;
                DROP TABLE item;
                ALTER TABLE item_new RENAME TO item;

                CREATE TABLE diagnostic_new (
                    id INTEGER PRIMARY KEY, inputId INTEGER NOT NULL REFERENCES input(id) ON DELETE CASCADE,
                    document INTEGER, section INTEGER, item TEXT, code TEXT NOT NULL, severity TEXT NOT NULL,
                    field TEXT, text TEXT, message TEXT NOT NULL);
                INSERT INTO diagnostic_new SELECT * FROM diagnostic;
                DROP TABLE diagnostic;
                ALTER TABLE diagnostic_new RENAME TO diagnostic;
                """)
        }
        // Where an input came from and where it lies until moved: the inbox subfolder it was found
        // in (a hint of its organisation), and the absolute path in the recording process's own
        // folder, so that another process can finish the move of one that died.
        migrator.registerMigration("v6: inbox folders and sources") { db in
            try db.execute(sql: """
                ALTER TABLE input ADD COLUMN folder TEXT;
                ALTER TABLE input ADD COLUMN sourcePath TEXT;
                """)
        }
        // The methodist's corrections, with who and when (`Correction`): never changed or deleted by a
        // run. `correctionOutcome` says, for each file a correction was tried on (the file it was made
        // on, and every later version of that school's file), whether it applied and where. No index beside
        // the outcomes' key: a municipality keeps hundreds of corrections, read whole in milliseconds, while
        // an index would cost every corrected file's commit a page write.
        migrator.registerMigration("v7: corrections") { db in
            try db.execute(sql: """
                CREATE TABLE correction (
                    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, inputId INTEGER NOT NULL REFERENCES input(id),
                    document INTEGER, organization TEXT, organizationKey TEXT, documentKind TEXT,
                    itemNumber TEXT, itemActivity TEXT, quarter TEXT, code TEXT, subject TEXT,
                    value TEXT NOT NULL, note TEXT, author TEXT NOT NULL, createdAt TEXT NOT NULL);
                CREATE TABLE correctionOutcome (
                    correctionId INTEGER NOT NULL REFERENCES correction(id),
                    inputId INTEGER NOT NULL REFERENCES input(id),
                    applied BOOLEAN NOT NULL, document INTEGER, item INTEGER, reason TEXT,
                    PRIMARY KEY (correctionId, inputId)) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
