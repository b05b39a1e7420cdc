import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// TCP ports on 127.0.0.1: whether one is free now, and free ones to hand to child processes.
public enum LoopbackPort {
    /// Ports below the kernel's ephemeral range (Linux: 32768–60999), where no outgoing
    /// connection takes a port between the moment it is found free and the moment a child binds it.
    public static let belowEphemeral = 20_000...32_000

    /// True when a listener could bind `port` on 127.0.0.1 now.
    public static func isFree(_ port: Int) -> Bool {
        guard (1...65_535).contains(port) else { return false }
        return (try? bound(to: port)) != nil
    }

    /// A port the kernel considers free now (its choice for port 0, in the ephemeral range).
    public static func any() throws(LoopbackPortError) -> Int {
        try bound(to: 0)
    }

    /// The first of `count` consecutive free ports, from random starts in `range`.
    public static func consecutive(_ count: Int, in range: ClosedRange<Int> = belowEphemeral) throws(LoopbackPortError) -> Int {
        for _ in 0..<50 {
            let first = Int.random(in: range.lowerBound...(range.upperBound - count + 1))
            if (first..<first + count).allSatisfy(isFree) { return first }
        }
        throw .noConsecutivePorts(count: count, range: range)
    }

    /// Binds a socket to `port` (SO_REUSEADDR, as servers do) and returns the port it got.
    private static func bound(to port: Int) throws(LoopbackPortError) -> Int {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw .socketFailed(errno: errno) }
        defer { close(descriptor) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
            }
        }
        guard result else { throw .inUse(port: port, errno: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Why no loopback port could be had.
public enum LoopbackPortError: Error, CustomStringConvertible, Sendable {
    case socketFailed(errno: Int32)
    case inUse(port: Int, errno: Int32)
    case noConsecutivePorts(count: Int, range: ClosedRange<Int>)

    public var description: String {
        switch self {
        case .socketFailed(let code):
            "could not open a TCP socket (\(String(cString: strerror(code)))); check the process's file descriptor limit"
        case .inUse(let port, let code):
            "port \(port) on 127.0.0.1 cannot be bound (\(String(cString: strerror(code))))"
        case .noConsecutivePorts(let count, let range):
            "found no \(count) consecutive free ports in \(range.lowerBound)–\(range.upperBound) on 127.0.0.1"
        }
    }
}
