import Foundation
import Testing

/// deploy/Dockerfile, read as text (building it needs a Docker engine): the stages the
/// operations guide describes, and every executable the package declares.
@Suite("deploy/Dockerfile")
struct DockerfileTests {
    @Test("builds on the official Swift image for Debian 12 and runs on bookworm-slim as a non-root user")
    func stages() throws {
        let dockerfile = try Repository.text("deploy/Dockerfile")
        let arguments = Dictionary(
            dockerfile.matches(of: #"^ARG (\w+)=(\S+)$"#, options: .anchorsMatchLines).map { ($0[1], $0[2]) }, uniquingKeysWith: { $1 })
        let stages = dockerfile.matches(of: #"^FROM (\S+)"#, options: .anchorsMatchLines).map { line in
            line[1].replacingOccurrences(of: #"${"#, with: "").replacingOccurrences(of: "}", with: "")
        }.map { arguments[$0] ?? $0 }
        #expect(stages.count == 2, "a build stage and a runtime stage: \(stages)")
        // Both stages are Debian 12, so the binaries meet the glibc and librdkafka they were built with.
        #expect(stages.first.map { $0.hasPrefix("swift:6.") && $0.hasSuffix("-bookworm") } == true, "build stage \(stages)")
        #expect(stages.last == "debian:bookworm-slim", "runtime stage \(stages)")
        #expect(dockerfile.contains("swift build -c release --static-swift-stdlib"))
        for package in ["librdkafka-dev", "libsqlite3-dev", "librdkafka1", "libsqlite3-0"] {
            #expect(dockerfile.containsWord(package), "\(package) is not installed")
        }
        let user = try #require(dockerfile.matches(of: #"^USER (\S+)"#, options: .anchorsMatchLines).last?[1])
        #expect(!user.hasPrefix("root") && !user.hasPrefix("0"), "runs as \(user)")
    }

    /// Executable products that are not part of a deployment: `make load`'s load generator and
    /// `make bench`'s entas-bench, which start their own embedded broker and services to measure.
    static let notDeployed: Set<String> = ["entas-load", "entas-bench"]

    @Test("the image installs every executable product of Package.swift but the measuring tools")
    func everyExecutable() throws {
        let products = try Self.executableProducts()
        #expect(products.isSuperset(of: DeployedService.all.map(\.executable)))
        let dockerfile = try Repository.text("deploy/Dockerfile")
        let installed = try #require(
            dockerfile.matches(of: #"for executable in ([^;]+);"#).first?[1], "no `for executable in …;` loop in deploy/Dockerfile")
        #expect(products.isSuperset(of: Self.notDeployed), "a tool in notDeployed is no longer a product: \(Self.notDeployed.subtracting(products))")
        #expect(Set(installed.split(separator: " ").map(String.init)) == products.subtracting(Self.notDeployed))
    }

    /// The executable products of Package.swift, as SwiftPM itself reads the manifest
    /// (`swift package dump-package`), not as a pattern over its text.
    static func executableProducts() throws -> Set<String> {
        struct Manifest: Decodable {
            struct Product: Decodable {
                var name: String
                var type: [String: JSONNull?]
            }
            var products: [Product]
        }
        struct JSONNull: Decodable {}
        // A scratch folder of its own: `swift test` holds the lock of the package's .build meanwhile.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("entas-dump-package-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "package", "dump-package", "--package-path", Repository.root.path, "--scratch-path", scratch.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "swift package dump-package failed")
        let manifest = try JSONDecoder().decode(Manifest.self, from: data)
        return Set(manifest.products.filter { $0.type.keys.contains("executable") }.map(\.name))
    }

    @Test(".dockerignore keeps build folders, local stores and secrets out of the build context")
    func dockerignore() throws {
        let patterns = Set(try Repository.text(".dockerignore").split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") })
        for pattern in [".build", ".build*", ".entas", "deploy", ".git"] {
            #expect(patterns.contains(pattern), "\(pattern) is not ignored")
        }
    }
}
