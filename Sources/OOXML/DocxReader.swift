import Foundation
import Model
import Text

/// Reads a .docx file into a `DocumentTree`: a typed model of the Word parts first
/// (relationships, styles, numbering, core properties), then the blocks.
/// Every failure is a `ReadError`; what is read only in part is a `ReadWarning` in the tree.
public struct DocxReader: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .standard) { self.limits = limits }

    /// Reads a file on disk. `name` is the name to report (defaults to the file's).
    public func read(path: String) throws -> DocumentTree {
        let bytes = try DocxReader.loadFile(path: path, limit: limits.maxFileBytes)
        return try read(bytes: bytes, fileName: PathText.lastComponent(path))
    }

    /// Reads a file's bytes, refusing files over `limit`.
    public static func loadFile(path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw ReadError.notFound(path) }
            throw ReadError.ioFailure(errno == EACCES ? "нет доступа" : String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError.ioFailure(String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw ReadError.ioFailure("это папка, а не файл") }
        let size = Int(info.st_size)
        if size > limit { throw ReadError.tooLarge(bytes: size, limit: limit) }
        // Read to the end whatever the size said: the file may be growing; never past the limit.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(size, limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = posixRead(fd, &chunk, chunk.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError.ioFailure(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { throw ReadError.tooLarge(bytes: bytes.count, limit: limit) }
        }
        return bytes
    }

    /// Reads a .docx held in memory.
    public func read(bytes: [UInt8], fileName: String) throws -> DocumentTree {
        switch FormatSniffer.sniff(head: Array(bytes.prefix(1024)), fileName: fileName, fileSize: bytes.count) {
        case .empty: throw ReadError.empty
        case .ole: throw FormatSniffer.classifyOLE(bytes)
        case .rtf: throw ReadError.rtf
        case .pdf: throw ReadError.pdf
        case .html: throw ReadError.html
        case .wordLockFile: throw ReadError.wordLockFile
        case .unknown: throw ReadError.notZip
        case .zip: break
        }
        let archive = try ZipArchive(bytes: bytes, limits: limits)
        return try read(archive: archive)
    }

    /// Reads the parts of an open archive.
    public func read(archive: ZipArchive) throws -> DocumentTree {
        if let mime = try? archive.read("mimetype"),
           String(decoding: mime, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument") {
            throw ReadError.openDocument
        }
        var warnings: [ReadWarning] = []
        let (mainPart, docRels) = try self.mainPart(in: archive)
        let folder = PathText.parent(mainPart)
        func target(_ suffix: String, _ fallback: String) -> String {
            docRels.first(typeSuffix: suffix).map { Relationships.resolve($0.target, from: folder) } ?? fallback
        }
        let styles = try parsePart(archive, target("/styles", PathText.appending(folder, "styles.xml")),
                                   unreadContent: StylesPart.unreadContent, StylesPart.parse) ?? StylesPart()
        let numbering = try parsePart(archive, target("/numbering", PathText.appending(folder, "numbering.xml")), NumberingPart.parse)
            ?? NumberingPart()
        let properties = (try? parsePart(archive, "docProps/core.xml", CoreProperties.parse)) ?? nil

        var parser = BlockParser(styles: styles, numbering: numbering)
        guard let body = try parsePart(archive, mainPart, { try parser.parse($0).first ?? [] }) else {
            throw ReadError.missingPart(mainPart)
        }
        warnings += parser.warnings

        // Headers, footers and notes: kept apart from the body. A broken one is a warning, not a lost file.
        func side(_ path: String, notes: Set<String> = []) -> [[Block]] {
            var p = BlockParser(styles: styles, numbering: numbering)
            do {
                let lists = try parsePart(archive, path) { try p.parse($0, noteElements: notes) } ?? []
                warnings += p.warnings
                return lists
            } catch ReadError.doctypeForbidden {
                warnings.append(ReadWarning(.part, "Часть «\(path)» отклонена: DOCTYPE."))
                return []
            } catch {
                warnings.append(ReadWarning(.part, "Часть «\(path)» не прочитана."))
                return []
            }
        }
        let headers = docRels.all(typeSuffix: "/header").flatMap { side(Relationships.resolve($0.target, from: folder)) }
        let footers = docRels.all(typeSuffix: "/footer").flatMap { side(Relationships.resolve($0.target, from: folder)) }
        var notes: [[Block]] = []
        for (type, element) in [("/footnotes", "footnote"), ("/endnotes", "endnote")] {
            guard let f = docRels.first(typeSuffix: type) else { continue }
            notes += side(Relationships.resolve(f.target, from: folder), notes: [element])
        }
        return DocumentTree(body: body, headers: headers, footers: footers, footnotes: notes,
                            properties: properties ?? CoreProperties(), warnings: warnings)
    }

    /// The main part: named by the package relationships, else the usual place; and its
    /// relationships (none when it has no relationships part).
    public func mainPart(in archive: ZipArchive) throws -> (name: String, relationships: Relationships) {
        var mainPart = "word/document.xml"
        if let rels = try parsePart(archive, "_rels/.rels", Relationships.parse),
           let office = rels.first(typeSuffix: "/officeDocument") {
            mainPart = Relationships.resolve(office.target, from: "")
        }
        guard archive.contains(mainPart) else { throw ReadError.missingPart(mainPart) }
        let folder = PathText.parent(mainPart)
        let relsPath = PathText.appending(folder, "_rels/" + PathText.lastComponent(mainPart) + ".rels")
        return (mainPart, try parsePart(archive, relsPath, Relationships.parse) ?? Relationships())
    }

    private func parsePart<T>(_ archive: ZipArchive, _ name: String, unreadContent: Set<WTag> = [],
                              _ body: (XMLPullParser) throws -> T) throws -> T? {
        guard let stream = try archive.open(name) else { return nil }
        defer { stream.close() }
        let parser = try XMLPullParser(source: stream, part: name, maxDepth: limits.maxDepth, unreadContent: unreadContent)
        return try body(parser)
    }
}

/// POSIX `read`, named apart from `DocxReader.read`.
private func posixRead(_ fd: Int32, _ buffer: inout [UInt8], _ count: Int) -> Int {
    read(fd, &buffer, count)
}
