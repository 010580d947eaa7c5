import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import JSON
import Pipeline
import Text
#if canImport(Glibc)
import Glibc
#endif

extension Desk {
    /// One file per request, its bytes the body, its name in `X-File-Name` (percent-encoded UTF-8).
    /// The name is only ever a display text and, made safe (`SafeName`), the file's name in the inbox:
    /// the bytes are written under a hidden temporary name, then linked into the inbox under a name
    /// no file has (never replacing one), so the pipeline sees a complete file or none.
    func upload(_ request: Request, _ context: DeskContext) async throws -> Response {
        let given = request.headers[.fileName].flatMap { $0.removingPercentEncoding } ?? ""
        let shown = given.isEmpty ? "без имени" : given
        func refuse(_ status: HTTPResponse.Status, _ message: String) -> Response {
            Page.json(Self.statusJSON(UploadStatus(id: "", name: shown, state: .rejected, message: message)), status: status)
        }
        let name = SafeName.file(PathText.lastComponent(given.replacingOccurrences(of: "\\", with: "/")), fallback: "файл")
        let ext = PathText.pathExtension(name).lowercased()
        guard DeskLimits.extensions.contains(ext) else {
            return refuse(.unsupportedMediaType, "не принят: принимаются только документы Word и подобные (.docx, .doc, .rtf, .odt)"
                          + (ext.isEmpty ? "" : ", а это файл .\(ext)") + ".")
        }
        let limit = options.limits.maxFileBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            return refuse(.contentTooLarge, "не принят: файл больше \(limit / (1024 * 1024)) МБ.")
        }
        if let reason = worker.pipeline.stopReason {
            return refuse(.serviceUnavailable, "не принят: обработка остановлена — \(reason.description)")
        }
        guard worker.queued < options.limits.maxQueuedUploads else {
            return refuse(.tooManyRequests, "не принят: в очереди уже \(options.limits.maxQueuedUploads) файлов, подождите, пока они обработаются.")
        }
        let inbox = options.home.inbox
        let temp = PathText.appending(inbox, ".kartograf-upload-\(Sessions.randomToken().prefix(16)).part")
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            return refuse(.internalServerError, "не принят: не удалось записать файл в папку входящих «\(inbox)».")
        }
        var size = 0
        var hash = SHA256()
        var failed = false
        do {
            for try await chunk in request.body {
                size += chunk.readableBytes
                if size > limit { break }
                chunk.withUnsafeReadableBytes { raw in
                    hash.update(bufferPointer: raw)
                    var offset = 0
                    while offset < raw.count {
                        let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                        if n <= 0 { failed = true; return }
                        offset += n
                    }
                }
                if failed { break }
            }
        } catch {
            failed = true
        }
        let synced = fsync(fd) == 0
        close(fd)
        if size > limit || failed || !synced || size == 0 {
            unlink(temp)
            if size > limit { return refuse(.contentTooLarge, "не принят: файл больше \(limit / (1024 * 1024)) МБ.") }
            if size == 0 { return refuse(.badRequest, "не принят: файл пуст.") }
            return refuse(.internalServerError, "не принят: передача файла прервалась или не записалась, загрузите его ещё раз.")
        }
        // Linked under a free name (link fails rather than replace), then the temporary name removed.
        var placed: String?
        for n in 1...1000 {
            let candidate = SafeName.numbered(name, n)
            if link(temp, PathText.appending(inbox, candidate)) == 0 { placed = candidate; break }
            if errno != EEXIST { break }
        }
        unlink(temp)
        guard let placed else {
            return refuse(.internalServerError, "не принят: не удалось положить файл в папку входящих «\(inbox)».")
        }
        let digest = hash.finalize().map { String(format: "%02x", $0) }.joined()
        let id = String(Sessions.randomToken().prefix(20))
        worker.enqueue(id: id, name: shown, relative: placed, sha256: digest)
        return Page.json(Self.statusJSON(worker.status(id)!), status: .accepted)
    }
}
