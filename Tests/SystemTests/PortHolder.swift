import EntasDev
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A listening socket on a free loopback port, held until this is released: something else
/// that a service would collide with.
final class PortHolder {
    let port: Int
    private let descriptor: Int32

    struct Failure: Error, CustomStringConvertible { let description: String }

    init() throws {
        // Room below for the three services before the held one.
        port = try LoopbackPort.consecutive(4) + 3
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 1) == 0 else {
            close(descriptor)
            throw Failure(description: "cannot listen on 127.0.0.1:\(port)")
        }
    }

    deinit { close(descriptor) }
}
