import Foundation
import Model

/// The stage's data files (`Resources/`): lexicons and declension tables a methodist may change.
///
/// If the environment variable `KARTOGRAF_DATA_DIR` names a folder holding a file of the
/// same name, that file is read too; each loader decides how it combines with the bundled one.
enum DataFiles {
    static let overrideVariable = DataLocation.overrideVariable

    /// The bundled file decoded, or `nil` when it is missing or malformed.
    static func bundled<T: Decodable>(_ name: String, as type: T.Type) -> T? {
        bundledURL(name).flatMap { try? DataLocation.decoded(T.self, from: $0).get() }
    }

    private static func bundledURL(_ name: String) -> URL? {
        besideExecutable?.appendingPathComponent(name)
            ?? Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: nil)
    }

    /// The installed bundle's `Resources`, looked up once (asking `Bundle` is slow).
    private static let besideExecutable = DataLocation.resourcesBesideExecutable(module: "Responsibles")

    /// The methodist's copy from `KARTOGRAF_DATA_DIR`, decoded, if there is one.
    static func override<T: Decodable>(_ name: String, as type: T.Type) -> T? {
        DataLocation.override(name).flatMap { try? DataLocation.decoded(T.self, from: $0).get() }
    }

    /// The stage's data files, bundled and overriding, that cannot be used (not UTF-8, not JSON
    /// of the expected shape), each with a Russian message; a file that cannot be used is
    /// left out of the lexicons, so the command line reports these as an error.
    static func problems() -> [DataFileProblem] {
        var problems: [DataFileProblem] = []
        func check<T: Decodable>(_ url: URL?, as type: T.Type) {
            if let url, case let .failure(problem) = DataLocation.decoded(T.self, from: url) { problems.append(problem) }
        }
        check(DataLocation.override("roles.json"), as: RoleLexicon.File.self)
        check(DataLocation.override("bodies.json"), as: BodyLexicon.File.self)
        check(DataLocation.override("declension.json"), as: Declension.Tables.self)
        check(bundledURL("roles.json"), as: RoleLexicon.File.self)
        check(bundledURL("bodies.json"), as: BodyLexicon.File.self)
        check(bundledURL("declension.json"), as: Declension.Tables.self)
        return problems
    }
}
