import Foundation

/// Where the data methodists may change lives: each stage's bundled `Resources`, and an
/// override folder named by `$KARTOGRAF_DATA_DIR` whose files of the same name win.
public enum DataLocation {
    public static let overrideVariable = "KARTOGRAF_DATA_DIR"

    /// Just the override variable, asked of `getenv`: `ProcessInfo.environment` builds a
    /// dictionary of every variable on each call.
    public static var overrideEnvironment: [String: String] {
        guard let value = getenv(overrideVariable) else { return [:] }
        return [overrideVariable: String(cString: value)]
    }

    /// The methodist's copy of `name` in the override folder, when there is one.
    public static func override(_ name: String, environment: [String: String] = overrideEnvironment) -> URL? {
        guard let dir = environment[overrideVariable], !dir.isEmpty else { return nil }
        let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The `Resources` folder of a stage's bundle installed beside the executable
    /// (`kartograf_<Module>.resources`), if it is there. Looking here first keeps a
    /// copied-away binary from SwiftPM's fatal error when the build folder is gone.
    public static func resourcesBesideExecutable(module: String) -> URL? {
        let beside = Bundle.main.bundleURL.appendingPathComponent("kartograf_\(module).resources")
        guard let bundle = Bundle(path: beside.path) else { return nil }
        return bundle.url(forResource: "Resources", withExtension: nil)
    }
}

/// A data file that cannot be used, with a Russian message naming it and saying what to do.
public struct DataFileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    public init(_ message: String) { self.message = message }
}

extension DataLocation {
    /// The bytes of a data file, which must be UTF-8: a file saved in another encoding
    /// (Windows-1251 from Notepad) is an error, never read as something else.
    public static func utf8Contents(of url: URL) -> Result<[UInt8], DataFileProblem> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(DataFileProblem("Не удалось прочитать файл данных «\(url.path)»."))
        }
        let bytes = [UInt8](data)
        if let offset = firstInvalidUTF8(bytes) {
            return .failure(DataFileProblem(
                "Файл данных «\(url.path)» не в кодировке UTF-8 (неверный байт 0x\(String(bytes[offset], radix: 16, uppercase: true)) "
                    + "на позиции \(offset)): сохраните его в кодировке UTF-8."))
        }
        return .success(bytes)
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or nil.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

extension DataLocation {
    /// A data file decoded as its `Decodable` type says: a field of the wrong kind, or a required
    /// one missing or null, makes the file unusable, and the message names the field.
    public static func decoded<T: Decodable>(_ type: T.Type, from url: URL) -> Result<T, DataFileProblem> {
        utf8Contents(of: url).flatMap { bytes in
            do {
                return .success(try JSONDecoder().decode(T.self, from: Data(bytes)))
            } catch {
                return .failure(DataFileProblem(
                    "Файл данных «\(url.path)» — не JSON нужного вида (\(describe(error))): "
                        + "исправьте его по образцу встроенного или уберите из папки."))
            }
        }
    }

    /// What is wrong, in Russian, with the field's place in the file (`roles[3].key`).
    static func describe(_ error: any Error) -> String {
        func place(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error as? DecodingError {
        case let .keyNotFound(key, context)?:
            return "нет поля «\(place(context.codingPath + [key]))»"
        case let .valueNotFound(_, context)?:
            return "поле «\(place(context.codingPath))» пусто"
        case let .typeMismatch(_, context)?:
            return "поле «\(place(context.codingPath))» не того вида"
        case let .dataCorrupted(context)? where !context.codingPath.isEmpty:
            return "поле «\(place(context.codingPath))» не того вида"
        default:
            return "ошибка в записи JSON"
        }
    }
}
