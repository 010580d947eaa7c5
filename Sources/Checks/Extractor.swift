import Foundation
import Model
import OOXML

/// Settings of one extraction.
public struct ExtractConfiguration: Sendable {
    public var limits: ReadLimits
    /// People of the organisation's roster, `Фамилия И. О.`, when one is configured.
    public var roster: [String]?

    public init(limits: ReadLimits = .standard, roster: [String]? = nil) {
        self.limits = limits
        self.roster = roster
    }
}

/// Runs stages 1–4 on one file: read, recognise, normalise, check. Never throws:
/// a file that cannot be read yields an export with its `file.*` diagnostic.
public struct Extractor: Sendable {
    public var configuration: ExtractConfiguration

    public init(configuration: ExtractConfiguration = ExtractConfiguration()) {
        self.configuration = configuration
    }

    /// Extracts a file on disk; `displayName` is what `source.file` says (defaults to the file name).
    public func extract(path: String, displayName: String? = nil) -> Export {
        let name = displayName ?? (path as NSString).lastPathComponent
        let bytes: [UInt8]
        do {
            bytes = try DocxReader.loadFile(path: path, limit: configuration.limits.maxFileBytes)
        } catch let e as ReadError {
            return Export(file: name, sha256: "", diagnostics: [e.diagnostic(file: name)])
        } catch {
            return Export(file: name, sha256: "", diagnostics: [ReadError.ioFailure("\(error)").diagnostic(file: name)])
        }
        return extract(bytes: bytes, fileName: name)
    }

    /// Extracts a file held in memory.
    public func extract(bytes: [UInt8], fileName: String) -> Export {
        let sha = SHA256.hexDigest(bytes)
        let tree: DocumentTree
        do {
            tree = try DocxReader(limits: configuration.limits).read(bytes: bytes, fileName: fileName)
        } catch let e as ReadError {
            return Export(file: fileName, sha256: sha, diagnostics: [e.diagnostic(file: fileName)])
        } catch {
            return Export(file: fileName, sha256: sha,
                          diagnostics: [ReadError.ioFailure("\(error)").diagnostic(file: fileName)])
        }
        return Export(file: fileName, sha256: sha, documents: [], diagnostics: [])
            .with(tree: tree)
    }
}

extension Export {
    /// Placeholder until recognition lands.
    func with(tree: DocumentTree) -> Export { self }
}
