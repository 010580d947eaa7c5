import Foundation
import Model
import Text
import Registry
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of the pipeline itself (not of an input file), said in Russian.
public enum PipelineError: Error, CustomStringConvertible, Equatable, Sendable {
    case inboxMissing(String)
    case sameFolder(String)
    /// The disk (or quota) of this folder is full: the run stops, inputs stay in the inbox.
    case diskFull(folder: String)
    /// A file operation the system refused: what was done, on which path, and why.
    case io(action: String, path: String, reason: String)
    case registry(RegistryError)

    public var description: String {
        switch self {
        case let .inboxMissing(path): return "Папка входящих «\(path)» не найдена."
        case let .sameFolder(path):
            return "Папка результатов не может совпадать с папкой входящих («\(path)»): укажите другую в --out."
        case let .diskFull(folder):
            return "Нет места на диске в папке «\(folder)»: обработка остановлена, необработанные файлы оставлены "
                + "во входящих. Освободите место и запустите снова."
        case let .io(action, path, reason): return "Не удалось \(action) «\(path)»: \(reason)."
        case let .registry(error): return error.description
        }
    }

    /// Whether the run cannot go on after this (every later file would fail the same way).
    public var stopsTheRun: Bool {
        switch self {
        case .diskFull: return true
        case let .registry(error):
            if case .failed = error { return false }
            return true
        default: return false
        }
    }

    /// The error of a system call on `path` (`errno` = `code`).
    static func system(_ action: String, _ path: String, _ code: Int32) -> PipelineError {
        if code == ENOSPC || code == EDQUOT {
            let folder = PathText.parent(path)
            return .diskFull(folder: folder.isEmpty ? "." : folder)
        }
        return .io(action: action, path: path, reason: SystemText.reason(code))
    }

    /// Any error met on the pipeline's way, in its Russian form.
    init(_ error: any Error) {
        switch error {
        case let error as PipelineError: self = error
        case let error as RegistryError:
            if case let .diskFull(folder) = error { self = .diskFull(folder: folder) } else { self = .registry(error) }
        default: self = .io(action: "выполнить операцию", path: "", reason: "\(error)")
        }
    }
}

/// Russian words for the system's error numbers a methodist may meet.
enum SystemText {
    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "нет прав доступа"
        case ENOENT: return "файл или папка не найдены"
        case EROFS: return "диск доступен только для чтения"
        case ENOTDIR: return "часть пути — не папка"
        case EISDIR: return "это папка, а не файл"
        case ENAMETOOLONG: return "слишком длинное имя"
        case EEXIST: return "файл с таким именем уже есть"
        case EIO: return "ошибка чтения или записи на диске"
        case EMFILE, ENFILE: return "открыто слишком много файлов"
        case ENOSPC, EDQUOT: return "нет места на диске"
        case EXDEV: return "папки на разных дисках"
        default: return "системная ошибка № \(code)"
        }
    }
}
