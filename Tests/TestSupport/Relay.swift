import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP relay on loopback to a server, which a test cuts — as when the server goes away: open connections
/// end and new ones are refused — and opens again on the same port, as when the server is back.
public final class Relay: @unchecked Sendable {
    /// The relay's port on 127.0.0.1.
    public private(set) var port: UInt16 = 0
    private let target: UInt16
    // Sound: `listener` and `open` are only touched while `lock` is held.
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var open: Set<Int32> = []

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Relays connections to 127.0.0.1:`port`.
    public init(toPort port: UInt16) throws {
        target = port
        try listen()
    }

    deinit { cut() }

    /// Ends every relayed connection and refuses new ones.
    public func cut() {
        lock.lock()
        defer { lock.unlock() }
        if listener >= 0 {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
            listener = -1
        }
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    /// Accepts connections again, on the same port.
    public func resume() throws { try listen() }

    private static func address(_ port: UInt16) -> sockaddr_in {
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_port = port.bigEndian
        a.sin_addr.s_addr = inet_addr("127.0.0.1")
        return a
    }

    private func listen() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var a = Self.address(port)
        let bound = withUnsafePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 16) == 0 else { close(fd); throw Failure(description: "bind/listen: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: a.sin_port)
        lock.withLock { listener = fd }
        Thread.detachNewThread { [weak self] in
            while true {
                let client = accept(fd, nil, nil)
                guard client >= 0 else { return }
                guard let self else { close(client); return }
                self.relay(client)
            }
        }
    }

    private func relay(_ client: Int32) {
        let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var a = Self.address(target)
        let connected = withUnsafePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard server >= 0, connected == 0 else {
            close(client)
            if server >= 0 { close(server) }
            return
        }
        lock.withLock { open.formUnion([client, server]) }
        let pair = Pair(client, server, relay: self)
        Thread.detachNewThread { pair.pump(from: client, to: server) }
        Thread.detachNewThread { pair.pump(from: server, to: client) }
    }

    fileprivate func forget(_ fds: [Int32]) { lock.withLock { open.subtract(fds) } }

    /// Two sockets relayed both ways; the second pump to end closes them.
    private final class Pair: @unchecked Sendable {
        let a: Int32, b: Int32
        let relay: Relay
        // Sound: `ended` is only touched while `lock` is held.
        private let lock = NSLock()
        private var ended = 0

        init(_ a: Int32, _ b: Int32, relay: Relay) { self.a = a; self.b = b; self.relay = relay }

        func pump(from source: Int32, to sink: Int32) {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            loop: while true {
                let n = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
                guard n > 0 else { break }
                var offset = 0
                while offset < n {
                    let w = buffer.withUnsafeBytes { send(sink, $0.baseAddress! + offset, n - offset, Int32(MSG_NOSIGNAL)) }
                    guard w > 0 else { break loop }
                    offset += w
                }
            }
            shutdown(a, Int32(SHUT_RDWR))
            shutdown(b, Int32(SHUT_RDWR))
            let last = lock.withLock { ended += 1; return ended == 2 }
            if last {
                relay.forget([a, b])
                close(a)
                close(b)
            }
        }
    }
}
