import Extraction
import Foundation
import Model
import Registry
import Text

extension FolderPipeline {
    /// Takes over what processes that ended without finishing left behind, in one registry
    /// transaction (so that no live process is between renaming outputs into place and its
    /// commit meanwhile): committed inputs not yet in place are put there, outputs a transaction
    /// renamed into place but never committed are removed, temporary files go, and claimed inputs
    /// go back into the inbox. Returns how many committed inputs were put in place.
    @discardableResult
    public func resumeInterrupted() -> Int {
        do {
            return try registry.transaction { tx in
                var pending: [String?: [KnownInput]] = [:]
                for row in try tx.pendingMoves() {
                    let owner = row.sourcePath.flatMap {
                        WorkFolder.owner(of: $0, parent: layout.temp) ?? Self.claimOwner(of: $0)
                    }
                    pending[owner, default: []].append(row)
                }
                var finished: [Int64] = []
                // Rows of older versions, whose input waits in the inbox under its name.
                for row in pending[nil] ?? [] {
                    if try row.sourcePath == nil ? finishLegacy(row) : finish(row) { finished.append(row.id) }
                }
                // Rows of processes elsewhere (another inbox) that have ended, and rows whose folder
                // here is gone: a takeover removed it and was killed before its commit.
                let claimsParent = PathText.appending(options.inbox, Files.inboxStateFolder)
                for case let (owner?, rows) in pending {
                    let here = owner.hasPrefix(layout.temp + "/") || owner.hasPrefix(claimsParent + "/")
                    if here ? Files.exists(owner) : WorkFolder.isLive(owner) { continue }
                    finished += try rows.filter(finish).map(\.id)
                }
                // This output's dead work folders: moves first, then their temporary files go.
                var deadWork = 0
                WorkFolder.reap(in: layout.temp) { folder in
                    deadWork += 1
                    do {
                        finished += try (pending[folder] ?? []).filter(finish).map(\.id)
                        return true
                    } catch {
                        return false
                    }
                }
                if deadWork > 0 { try removeUncommittedOutputs(tx) }
                // This inbox's dead claims: moves first, then what is left goes back into the inbox.
                WorkFolder.reap(in: claimsParent) { folder in
                    do {
                        finished += try (pending[folder] ?? []).filter(finish).map(\.id)
                        return putBack(folder)
                    } catch {
                        return false
                    }
                }
                try tx.markMoved(ids: finished)
                return finished.count
            }
        } catch {
            let failure = PipelineError(error)
            stop(because: failure)
            return 0
        }
    }

    /// The claim folder a path in some inbox's `.kartograf/` lies in.
    static func claimOwner(of path: String) -> String? {
        guard let range = path.range(of: "/" + Files.inboxStateFolder + "/", options: .backwards) else { return nil }
        return WorkFolder.owner(of: path, parent: String(path[..<range.upperBound]))
    }

    /// Puts a committed input at its recorded place; whether the row is settled.
    private func finish(_ row: KnownInput) throws -> Bool {
        guard let source = row.sourcePath else { return false }
        let target = layout.path(row.storedPath)
        if Files.exists(source) {
            if Files.exists(target) {
                // A move across file systems copied it into place and was stopped before removing the original.
                unlink(source)
            } else {
                try Files.move(source, to: target) { work.temporaryPath() }
            }
        }
        return true
    }

    /// A row of an older version: its input is in this inbox under its name, if it is anywhere.
    private func finishLegacy(_ row: KnownInput) throws -> Bool {
        let source = PathText.appending(options.inbox, row.name)
        let target = layout.path(row.storedPath)
        if Files.exists(source), Fingerprint.sha256(fileAt: source) == row.sha256 {
            if !Files.exists(target) {
                if options.keepInputs {
                    let copy = work.temporaryPath()
                    try Files.copy(source, to: copy)
                    try Files.install(copy, at: target)
                } else {
                    try Files.move(source, to: target) { work.temporaryPath() }
                }
            } else if !options.keepInputs {
                unlink(source)
            }
        }
        return true
    }

    /// Outputs of organisations and reasons of rejected files that no recorded file owns: renamed
    /// into place by a transaction whose process died before the commit.
    private func removeUncommittedOutputs(_ tx: any RegistryRecording) throws {
        let organizations = OutputLayout.organizationsFolder + "/"
        let rejected = OutputLayout.rejectedFolder + "/"
        let claimed = try tx.claimedPaths(under: organizations).union(tx.claimedPaths(under: rejected))
        // The registry names a file's export and its first protocol; its protocol in another form (HTML)
        // belongs to the file whose export lies beside it under the same name.
        let suffixes = [".json"] + options.protocolWriters.map(\.fileSuffix)
        func owned(_ path: String) -> Bool {
            claimed.contains(path) || suffixes.contains { suffix in
                path.hasSuffix(suffix) && claimed.contains(String(path.dropLast(suffix.count)) + ".json")
            }
        }
        for path in Files.allFiles(under: layout.path(OutputLayout.organizationsFolder)) where !owned(organizations + path) {
            unlink(layout.path(organizations + path))
        }
        for path in Files.allFiles(under: layout.path(OutputLayout.rejectedFolder))
        where path.hasSuffix(OutputLayout.reasonSuffix) && !claimed.contains(rejected + path) {
            unlink(layout.path(rejected + path))
        }
    }

    /// Puts the inputs of a dead claim folder back into the inbox; whether all went back.
    private func putBack(_ folder: String) -> Bool {
        var done = true
        for relative in Files.allFiles(under: folder) {
            let target = Files.free(PathText.appending(options.inbox, relative))
            do {
                try Files.move(PathText.appending(folder, relative), to: target) { work.temporaryPath() }
            } catch {
                done = false
            }
        }
        return done
    }
}
