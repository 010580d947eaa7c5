import Model

/// Why a file could not be read as a Word document. Each case becomes a `file.*`
/// diagnostic whose Russian message says what the file is and what to do.
public enum ReadError: Error, Hashable, Sendable {
    case empty
    case notFound(String)
    case ioFailure(String)
    case tooLarge(bytes: Int, limit: Int)
    case wordLockFile
    case encrypted
    case legacyWord
    case otherOLE
    case rtf
    case pdf
    case html
    case openDocument
    case notZip
    case truncated
    case corruptArchive(String)
    case tooManyEntries(Int)
    case entryTooLarge(entry: String, limit: Int)
    case suspiciousRatio(entry: String)
    case totalTooLarge(limit: Int)
    case missingPart(String)
    case doctypeForbidden(part: String)
    case malformedXML(part: String, detail: String)
    case nestingTooDeep(part: String)

    /// The diagnostic code this failure reports.
    public var code: DiagnosticCode {
        switch self {
        case .legacyWord, .otherOLE, .rtf, .pdf, .html, .openDocument: return .fileUnsupportedFormat
        default: return .fileUnreadable
        }
    }

    /// A Russian explanation for the methodist: what the file is and what to do.
    public func message(file: String) -> String {
        let f = "«\(file)»"
        switch self {
        case .empty:
            return "Файл \(f) пустой (0 байт). Вероятно, он не докачался или не сохранился: попросите прислать его ещё раз."
        case let .notFound(path):
            return "Файл \(f) не найден (\(path))."
        case let .ioFailure(reason):
            return "Файл \(f) не удалось прочитать: \(reason)."
        case let .tooLarge(bytes, limit):
            return "Файл \(f) слишком большой (\(bytes / 1_048_576) МБ при пределе \(limit / 1_048_576) МБ). Проверьте, не вложены ли в документ крупные изображения."
        case .wordLockFile:
            return "Файл \(f) — служебный файл блокировки Word («~$…»), а не документ. Он появляется, пока документ открыт в Word; его можно удалить."
        case .encrypted:
            return "Файл \(f) защищён паролем (зашифрован). Снимите пароль в Word («Файл → Сведения → Защита документа») и пришлите файл снова."
        case .legacyWord:
            return "Файл \(f) в старом формате Word 97–2003 (.doc). Откройте его в Word или LibreOffice и сохраните как «Документ Word (.docx)»."
        case .otherOLE:
            return "Файл \(f) — документ Microsoft Office старого формата, но не Word. Сохраните содержимое как «Документ Word (.docx)»."
        case .rtf:
            return "Файл \(f) в формате RTF, хотя может называться .docx. Откройте его в Word и сохраните как «Документ Word (.docx)»."
        case .pdf:
            return "Файл \(f) — PDF, а не документ Word. Пришлите исходный файл Word (.docx), из которого сделан PDF."
        case .html:
            return "Файл \(f) — веб-страница (HTML), сохранённая с расширением .docx. Откройте её в Word и сохраните как «Документ Word (.docx)»."
        case .openDocument:
            return "Файл \(f) в формате OpenDocument (.odt). Сохраните его в LibreOffice как «Word 2007–365 (.docx)»."
        case .notZip:
            return "Файл \(f) не является документом Word: его содержимое не похоже ни на .docx, ни на другой известный формат. Проверьте, тот ли файл прислан."
        case .truncated:
            return "Файл \(f) обрезан: архив .docx неполный (файл не докачался или повреждён при копировании). Попросите прислать его ещё раз."
        case let .corruptArchive(detail):
            return "Файл \(f) повреждён: архив .docx не читается (\(detail)). Попросите прислать его ещё раз или пересохранить в Word."
        case let .tooManyEntries(n):
            return "Файл \(f) отклонён: в архиве слишком много частей (\(n)). Так не выглядит ни один документ Word."
        case let .entryTooLarge(entry, limit):
            return "Файл \(f) отклонён: часть «\(entry)» распаковывается больше чем в \(limit / 1_048_576) МБ. Это похоже на «zip-бомбу», а не на документ."
        case let .suspiciousRatio(entry):
            return "Файл \(f) отклонён: часть «\(entry)» сжата неправдоподобно сильно. Это похоже на «zip-бомбу», а не на документ."
        case let .totalTooLarge(limit):
            return "Файл \(f) отклонён: после распаковки он больше \(limit / 1_048_576) МБ. Это похоже на «zip-бомбу», а не на документ."
        case let .missingPart(part):
            return "Файл \(f) повреждён: в нём нет основной части документа («\(part)»). Пересохраните файл в Word и пришлите снова."
        case let .doctypeForbidden(part):
            return "Файл \(f) отклонён: часть «\(part)» содержит объявление DOCTYPE, которого в документах Word не бывает (возможна попытка прочитать чужие файлы). Пересохраните документ в Word."
        case let .malformedXML(part, detail):
            return "Файл \(f) повреждён: часть «\(part)» не является корректным XML (\(detail)). Пересохраните файл в Word и пришлите снова."
        case let .nestingTooDeep(part):
            return "Файл \(f) отклонён: в части «\(part)» слишком глубокая вложенность элементов."
        }
    }

    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(code, field: .document, text: file, message: message(file: file))
    }
}
