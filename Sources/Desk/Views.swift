import Foundation
import HTTPTypes
import Hummingbird
import Model
import Mustache
import Reports

/// The desk's pages: Mustache templates kept as the target's resources (`Resources/*.mustache`),
/// with the style sheet and the one script beside them.
struct Views: Sendable {
    let library: MustacheLibrary
    let css: String
    let js: String

    static let shared = Views()

    init() {
        let folder = DataLocation.resourcesBesideExecutable(module: "Desk")
            ?? Bundle.module.url(forResource: "Resources", withExtension: nil)!
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".mustache") {
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            // A template that does not parse is a build mistake the tests catch (every page is rendered there).
            try? library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        self.library = library
        css = ((try? String(contentsOf: folder.appendingPathComponent("desk.css"), encoding: .utf8)) ?? "")
            + MunicipalSummary.chartCSS
        js = (try? String(contentsOf: folder.appendingPathComponent("desk.js"), encoding: .utf8)) ?? ""
    }

    func render(_ template: String, _ data: [String: Any]) -> String {
        library.render(data, withTemplate: template) ?? "шаблон «\(template)» не найден"
    }
}

/// Responses of the desk.
enum Page {
    static func html(_ template: String, _ data: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let text = Views.shared.render(template, data)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A page with one message (errors, refusals).
    static func message(status: HTTPResponse.Status, title: String, text: String) -> Response {
        html("message", ["title": title, "text": text, "signedIn": false], status: status)
    }

    static func bytes(_ bytes: [UInt8], type: String, name: String? = nil, inline: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if let name {
            // RFC 6266: an ASCII fallback and the UTF-8 name.
            let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            headers[.contentDisposition] = "\(inline ? "inline" : "attachment"); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// «2 ошибки, 1 предупреждение, 0 замечаний».
    static func countsText(_ counts: [Severity: Int]) -> String {
        [plural(counts[.error] ?? 0, "ошибка", "ошибки", "ошибок"),
         plural(counts[.warning] ?? 0, "предупреждение", "предупреждения", "предупреждений"),
         plural(counts[.info] ?? 0, "замечание", "замечания", "замечаний")].joined(separator: ", ")
    }

    static func plural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let d = n % 10, h = n % 100
        let word = d == 1 && h != 11 ? one : (2...4).contains(d) && !(12...14).contains(h) ? few : many
        return "\(n) \(word)"
    }

    /// The MIME type of a file the desk hands out.
    static func type(ofFile name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "doc": return "application/msword"
        case "rtf": return "application/rtf"
        case "odt": return "application/vnd.oasis.opendocument.text"
        case "json": return "application/json; charset=utf-8"
        case "html": return "text/html; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "zip": return "application/zip"
        default: return "application/octet-stream"
        }
    }
}
