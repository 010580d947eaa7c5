import Extraction
import Foundation
import GRDB
import Model
import XCTest

/// What must hold of an output folder after any sequence of runs, however they ended.
struct Invariants {
    let h: Harness

    /// Files under the output that are the registry's own (the database, its log, its lock).
    static func isRegistryFile(_ path: String) -> Bool { path.hasPrefix("kartograf.sqlite") }

    /// The inputs stored under the output (processed, rejected, repeats), as content hashes.
    func storedInputs() -> [String] {
        ["Обработанные", "Отклонённые", "Повторы"].flatMap { folder in
            h.files(under: folder).filter { !$0.hasSuffix(".причина.txt") }.map { Harness.sha(h.out + "/" + folder + "/" + $0) }
        }.sorted()
    }

    /// Checks: every input exactly once (by content) among the stored ones; every registry row's
    /// files exist and every output file is the registry's; the database is intact; no temporary files.
    func check(inputs: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(storedInputs(), inputs.sorted(), "every input exactly once, byte-identical", file: file, line: line)
        let queue = try DatabaseQueue(path: h.out + "/kartograf.sqlite")
        try queue.read { db in
            XCTAssertEqual(try String.fetchAll(db, sql: "PRAGMA integrity_check"), ["ok"], file: file, line: line)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM input"), inputs.count,
                           "one row per arrival", file: file, line: line)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM input WHERE moved = 0"), 0,
                           "every input in place", file: file, line: line)
            let owned = Set(try String.fetchAll(db, sql: """
                SELECT storedPath FROM input UNION ALL SELECT exportPath FROM input WHERE exportPath IS NOT NULL
                UNION ALL SELECT protocolPath FROM input WHERE protocolPath IS NOT NULL
                UNION ALL SELECT reasonPath FROM input WHERE reasonPath IS NOT NULL
                """))
            var outputs = Set(h.files(under: h.out).filter { !Self.isRegistryFile($0) && !$0.hasPrefix("quarterly/") })
            // The HTML protocol lies beside the DOCX one the row names.
            for path in outputs where path.hasSuffix(".protocol.html") {
                if owned.contains(String(path.dropLast(5)) + ".docx") { outputs.remove(path) }
            }
            XCTAssertEqual(outputs.subtracting(owned).sorted(), [], "output files the registry does not own",
                           file: file, line: line)
            XCTAssertEqual(owned.filter { !FileManager.default.fileExists(atPath: h.out + "/" + $0) }.sorted(), [],
                           "registry rows pointing at nothing", file: file, line: line)
        }
        XCTAssertEqual(h.files(under: h.out).filter { $0.hasPrefix(".kartograf-tmp/") }, [], "temporary files left",
                       file: file, line: line)
        XCTAssertEqual(h.files(under: h.inbox).filter { $0.hasPrefix(".kartograf/") }, [], "claims left",
                       file: file, line: line)
    }
}

/// A seeded generator (SplitMix64), so that a failing sequence of kills can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Harness {
    /// A mixed inbox: roadmaps of many schools (some in a school's subfolder), unreadable and
    /// unsupported files, the same bytes under two names, and a Word lock file. Returns the
    /// content hashes of the inputs (the lock file is not one).
    func putMixedInbox(roadmaps: Int) throws -> [String] {
        var hashes: [String] = []
        func add(_ name: String, _ bytes: [UInt8], folder: String? = nil) throws {
            if let folder {
                try FileManager.default.createDirectory(atPath: inbox + "/" + folder, withIntermediateDirectories: true)
            }
            try put(name, bytes, in: folder.map { inbox + "/" + $0 })
            hashes.append(Fingerprint.sha256(bytes))
        }
        for i in 0..<roadmaps {
            let bytes = TestDocx.roadmap(organization: "МБОУ СОШ № \(i + 1)", rows: 8)
            try add(String(format: "карта %03d.docx", i), bytes, folder: i % 5 == 0 ? "Школа \(i + 1)" : nil)
        }
        try add("битый.docx", Array("это не документ Word".utf8))
        try add("обрезан.docx", Array(TestDocx.roadmap(organization: "Обрезанная").prefix(300)))
        try add("заметки.txt", Array("просто текст".utf8))
        let twice = TestDocx.roadmap(organization: "МБОУ Гимназия № 9")
        try add("гимназия.docx", twice)
        try add("гимназия копия.docx", twice)
        try put("~$карта 000.docx", [UInt8](repeating: 0, count: 162))
        return hashes
    }
}
