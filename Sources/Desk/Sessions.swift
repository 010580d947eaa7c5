import Crypto
import Foundation

/// A visitor of the desk: a random id kept in an HttpOnly, SameSite=Strict cookie, the token
/// every POST of theirs must carry, and whether they gave the password (always, on loopback).
public struct Session: Sendable, Hashable {
    public var id: String
    public var csrf: String
    public var authenticated: Bool
    var lastSeen: Date
    /// Who makes corrections in this session («Иванова И. И.»), as they gave it.
    public var author: String?
    /// A message for the next page (what a form did, or why it was refused).
    var flash: String?
}

/// The sessions the desk knows, in memory (a restart logs everyone out), bounded in number.
final class Sessions: @unchecked Sendable {
    // Sound: `list` is only touched while `lock` is held.
    private let lock = NSLock()
    private var list: [String: Session] = [:]
    private let limit: Int
    /// Sessions idle longer are forgotten.
    static let lifetime: TimeInterval = 12 * 3600
    static let cookie = "kartograf_session"

    init(limit: Int) { self.limit = max(1, limit) }

    func find(_ id: String?) -> Session? {
        guard let id else { return nil }
        return lock.withLock {
            guard var s = list[id] else { return nil }
            if Date().timeIntervalSince(s.lastSeen) > Self.lifetime { list[id] = nil; return nil }
            s.lastSeen = Date()
            list[id] = s
            return s
        }
    }

    func create(authenticated: Bool) -> Session {
        let s = Session(id: Self.randomToken(), csrf: Self.randomToken(), authenticated: authenticated, lastSeen: Date())
        lock.withLock {
            if list.count >= limit, let oldest = list.values.min(by: { $0.lastSeen < $1.lastSeen }) { list[oldest.id] = nil }
            list[s.id] = s
        }
        return s
    }

    func remove(_ id: String) { lock.withLock { list[id] = nil } }

    /// Changes a session kept here.
    func update(_ id: String, _ change: (inout Session) -> Void) {
        lock.withLock { if var s = list[id] { change(&s); list[id] = s } }
    }

    /// The flash message of a session, taken (shown once).
    func takeFlash(_ id: String) -> String? {
        lock.withLock { () -> String? in
            guard let m = list[id]?.flash else { return nil }
            list[id]?.flash = nil
            return m
        }
    }

    /// 32 random bytes as hex (a cookie value and a form field need no escaping).
    static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }

    /// Compares two secrets in time independent of where they differ (their digests, so lengths leak nothing).
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(SHA256.hash(data: Array(a.utf8))), y = Array(SHA256.hash(data: Array(b.utf8)))
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
