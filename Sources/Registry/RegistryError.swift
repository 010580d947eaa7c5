import Foundation
import GRDB

/// A failure of the registry itself, said in Russian for the methodist: what happened to which
/// file and what to do. SQLite's own message is kept only where no Russian one fits.
public enum RegistryError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The disk (or quota) of the registry's folder is full.
    case diskFull(folder: String)
    /// Another process held the registry longer than the wait allows.
    case busy(path: String)
    /// The file was made by a newer kartograf: its schema has changes this binary does not know.
    case newerSchema(path: String, migrations: [String])
    /// The file is not an SQLite database or is damaged.
    case damaged(path: String)
    /// No permission to read or write the file or its folder.
    case denied(path: String)
    /// Anything else the database reported.
    case failed(path: String, reason: String)
    /// The registry's server cannot be reached, or went away (a PostgreSQL registry).
    case unreachable(path: String, reason: String)
    /// The text given as the registry's location (`--registry`, `KARTOGRAF_REGISTRY`) is not one.
    case badLocation(reason: String)

    public var description: String {
        switch self {
        case let .diskFull(folder):
            return "Нет места на диске в папке «\(folder)»: реестр не записан. Освободите место и запустите снова."
        case let .busy(path):
            return "Реестр «\(path)» долго занят другим процессом kartograf: дождитесь его окончания и запустите снова."
        case let .newerSchema(path, migrations):
            return "Реестр «\(path)» создан более новой версией kartograf (изменения схемы: "
                + migrations.joined(separator: ", ") + "): обновите kartograf, эта версия его не изменит."
        case let .damaged(path):
            return "Файл реестра «\(path)» повреждён или не является базой SQLite: восстановите его из резервной копии "
                + "или укажите другую папку результатов."
        case let .denied(path):
            return "Нет прав на чтение или запись реестра «\(path)» или его папки."
        case let .failed(path, reason):
            return "Ошибка реестра «\(path)»: \(reason)."
        case let .unreachable(path, reason):
            return "Сервер реестра «\(path)» недоступен (\(reason)): обработка остановлена, необработанные файлы "
                + "оставлены во входящих. Когда сервер снова будет доступен, запустите kartograf снова — "
                + "обработка продолжится с того же места."
        case let .badLocation(reason):
            return "Реестр указан неверно: \(reason)."
        }
    }

    /// Whether the failure is the machine's (a full disk, a registry kept busy) rather than the file's.
    public var isBusyOrFull: Bool {
        switch self {
        case .diskFull, .busy, .unreachable: return true
        default: return false
        }
    }

    /// The registry's reading of a GRDB error; other errors pass unchanged.
    static func wrap(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        let folder = path == ":memory:" ? path : (path as NSString).deletingLastPathComponent
        switch error.resultCode.primaryResultCode {
        case .SQLITE_FULL: return RegistryError.diskFull(folder: folder.isEmpty ? "." : folder)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return RegistryError.busy(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return RegistryError.damaged(path: path)
        case .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH, .SQLITE_CANTOPEN: return RegistryError.denied(path: path)
        case .SQLITE_IOERR:
            return RegistryError.failed(path: path, reason: "ошибка ввода-вывода (\(error.message ?? "SQLite"))")
        case .SQLITE_CONSTRAINT:
            return RegistryError.failed(path: path, reason: "нарушено ограничение базы (\(error.message ?? ""))")
        default:
            return RegistryError.failed(path: path, reason: error.message ?? "код SQLite \(error.resultCode.rawValue)")
        }
    }
}
