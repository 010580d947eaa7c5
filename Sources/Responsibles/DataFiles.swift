import Foundation
import JSON
import Model

/// The stage's data files (`Resources/`): lexicons and declension tables a methodist may change.
///
/// If the environment variable `KARTOGRAF_DATA_DIR` names a folder holding a file of the
/// same name, that file is read too; each loader decides how it combines with the bundled one.
enum DataFiles {
    static let overrideVariable = DataLocation.overrideVariable

    /// The bundled file decoded, or `nil` when it is missing or malformed.
    static func bundled<T: DataFile>(_ name: String, as type: T.Type) -> T? {
        guard let url = bundledURL(name), case let .success(bytes) = DataLocation.utf8Contents(of: url) else { return nil }
        return decode(bytes)
    }

    private static func bundledURL(_ name: String) -> URL? {
        besideExecutable?.appendingPathComponent(name)
            ?? Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: nil)
    }

    /// The installed bundle's `Resources`, looked up once (asking `Bundle` is slow).
    private static let besideExecutable = DataLocation.resourcesBesideExecutable(module: "Responsibles")

    /// The methodist's copy from `KARTOGRAF_DATA_DIR`, decoded, if there is one.
    static func override<T: DataFile>(_ name: String, as type: T.Type) -> T? {
        guard let url = DataLocation.override(name, environment: environment),
              case let .success(bytes) = DataLocation.utf8Contents(of: url) else { return nil }
        return decode(bytes)
    }

    /// The stage's data files, bundled and overriding, that cannot be used (not UTF-8, not JSON
    /// of the expected shape), each with a Russian message; a file that cannot be used is
    /// left out of the lexicons, so the command line reports these as an error.
    static func problems() -> [DataFileProblem] {
        var problems: [DataFileProblem] = []
        func check<T: DataFile>(_ url: URL?, as type: T.Type) {
            guard let url else { return }
            switch DataLocation.utf8Contents(of: url) {
            case let .failure(problem): problems.append(problem)
            case let .success(bytes):
                if decode(bytes) as T? == nil {
                    problems.append(DataFileProblem(
                        "Файл данных «\(url.path)» — не JSON нужного вида: исправьте его по образцу встроенного или уберите из папки."))
                }
            }
        }
        check(DataLocation.override("roles.json", environment: environment), as: RoleLexicon.File.self)
        check(DataLocation.override("bodies.json", environment: environment), as: BodyLexicon.File.self)
        check(DataLocation.override("declension.json", environment: environment), as: Declension.Tables.self)
        check(bundledURL("roles.json"), as: RoleLexicon.File.self)
        check(bundledURL("bodies.json"), as: BodyLexicon.File.self)
        check(bundledURL("declension.json"), as: Declension.Tables.self)
        return problems
    }

    /// Just the override variable, asked of `getenv`: `ProcessInfo.environment` builds a
    /// dictionary of every variable on each call.
    private static var environment: [String: String] {
        guard let value = getenv(DataLocation.overrideVariable) else { return [:] }
        return [DataLocation.overrideVariable: String(cString: value)]
    }

    /// Read with Model's JSON parser: Foundation's `JSONDecoder` costs several times as much,
    /// and every run of the program pays it at start-up.
    private static func decode<T: DataFile>(_ bytes: [UInt8]) -> T? {
        guard let json = try? JSONParser.parse(bytes: bytes), json.objectValue != nil else { return nil }
        return try? T(json: json)
    }
}

/// A data file read from JSON as `Codable` would: a field of the wrong type, or a required one
/// missing or null, makes the whole file unreadable; a missing or null optional field is `nil`.
protocol DataFile {
    init(json: JSONValue) throws
}

struct MalformedDataFile: Error {}

extension JSONValue {
    func string() throws -> String {
        guard let s = stringValue else { throw MalformedDataFile() }
        return s
    }

    func array<T>(_ element: (JSONValue) throws -> T) throws -> [T] {
        guard let a = arrayValue else { throw MalformedDataFile() }
        return try a.map(element)
    }

    func strings() throws -> [String] { try array { try $0.string() } }

    func dictionary<T>(_ value: (JSONValue) throws -> T) throws -> [String: T] {
        guard let pairs = objectValue else { throw MalformedDataFile() }
        var out: [String: T] = [:]
        for (key, v) in pairs { out[key] = try value(v) }
        return out
    }

    /// A required field.
    func field<T>(_ key: String, _ read: (JSONValue) throws -> T) throws -> T {
        guard let v = self[key], !v.isNull else { throw MalformedDataFile() }
        return try read(v)
    }

    /// An optional field.
    func optionalField<T>(_ key: String, _ read: (JSONValue) throws -> T) throws -> T? {
        guard let v = self[key], !v.isNull else { return nil }
        return try read(v)
    }
}

extension RoleLexicon.File: DataFile {
    init(json: JSONValue) throws {
        roles = try json.optionalField("roles") {
            try $0.array { role in
                guard role.objectValue != nil else { throw MalformedDataFile() }
                return Role(key: try role.field("key") { try $0.string() },
                            synonyms: try role.optionalField("synonyms") { try $0.strings() })
            }
        }
        forms = try json.optionalField("forms") { try $0.dictionary { try $0.strings() } }
        abbreviations = try json.optionalField("abbreviations") { try $0.dictionary { try $0.string() } }
        organisationWords = try json.optionalField("organisationWords") { try $0.strings() }
        organisationTypes = try json.optionalField("organisationTypes") { try $0.strings() }
        quantifiers = try json.optionalField("quantifiers") { try $0.strings() }
        acronymHeads = try json.optionalField("acronymHeads") { try $0.dictionary { try $0.string() } }
        acronymSubjects = try json.optionalField("acronymSubjects") { try $0.strings() }
    }
}

extension BodyLexicon.File: DataFile {
    init(json: JSONValue) throws {
        nouns = try json.optionalField("nouns") { try $0.strings() }
        heads = try json.optionalField("heads") { try $0.strings() }
        notBodies = try json.optionalField("notBodies") { try $0.strings() }
    }
}

extension Declension.Tables: DataFile {
    init(json: JSONValue) throws {
        func object(_ v: JSONValue) throws -> JSONValue {
            guard v.objectValue != nil else { throw MalformedDataFile() }
            return v
        }
        func words(_ v: JSONValue) throws -> Declension.WordParadigm {
            let v = try object(v)
            return .init(ending: try v.field("ending") { try $0.string() }, forms: try v.field("forms") { try $0.strings() },
                         nominative: try v.field("nominative") { try $0.strings() })
        }
        func names(_ v: JSONValue) throws -> Declension.NameParadigm {
            let v = try object(v)
            return .init(gender: try v.field("gender") { try $0.string() }, after: try v.optionalField("after") { try $0.string() },
                         cases: try v.field("cases") { try $0.dictionary { try $0.strings() } })
        }
        func patronymic(_ v: JSONValue) throws -> Declension.PatronymicParadigm {
            let v = try object(v)
            return .init(gender: try v.field("gender") { try $0.string() }, suffixes: try v.field("suffixes") { try $0.strings() },
                         cases: try v.field("cases") { try $0.dictionary { try $0.strings() } })
        }
        nouns = try json.field("nouns") { try $0.array(words) }
        adjectives = try json.field("adjectives") { try $0.array(words) }
        adjectiveEndings = try json.field("adjectiveEndings") { try $0.strings() }
        nominativeAdjectiveEndings = try json.field("nominativeAdjectiveEndings") { try $0.strings() }
        surnames = try json.field("surnames") { try $0.array(names) }
        firstNames = try json.field("firstNames") { try $0.array(names) }
        masculineNamesInA = try json.field("masculineNamesInA") { try $0.strings() }
        patronymics = try json.field("patronymics") { try $0.array(patronymic) }
    }
}
