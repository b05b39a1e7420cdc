import Foundation

/// A new, empty folder of one test under the system's temporary directory, removed by ``remove()``.
public struct TemporaryFolder: Sendable {
    public let url: URL

    /// Creates `<tmp>/<prefix>-<UUID>`.
    public init(_ prefix: String = "entas-tests") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}
