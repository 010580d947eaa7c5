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
        let url = besideExecutable?.appendingPathComponent(name)
            ?? Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: nil)
        guard let url, let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(T.self, from: data)
    }

    /// The installed bundle's `Resources`, looked up once (asking `Bundle` is slow).
    private static let besideExecutable = DataLocation.resourcesBesideExecutable(module: "Responsibles")

    /// The methodist's copy from `KARTOGRAF_DATA_DIR`, decoded, if there is one.
    static func override<T: Decodable>(_ name: String, as type: T.Type) -> T? {
        guard let url = DataLocation.override(name), let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(T.self, from: data)
    }
}
