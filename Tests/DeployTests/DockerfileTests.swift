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
        let manifest = try Repository.text("Package.swift")
        let products = Set(manifest.matches(of: #"\.executable\(name: "([^"]+)""#).map { $0[1] })
        #expect(products.isSuperset(of: DeployedService.all.map(\.executable)))
        let dockerfile = try Repository.text("deploy/Dockerfile")
        let installed = try #require(
            dockerfile.matches(of: #"for executable in ([^;]+);"#).first?[1], "no `for executable in …;` loop in deploy/Dockerfile")
        #expect(products.isSuperset(of: Self.notDeployed), "a tool in notDeployed is no longer a product: \(Self.notDeployed.subtracting(products))")
        #expect(Set(installed.split(separator: " ").map(String.init)) == products.subtracting(Self.notDeployed))
    }

    @Test(".dockerignore keeps build folders, local stores and secrets out of the build context")
    func dockerignore() throws {
        let patterns = Set(try Repository.text(".dockerignore").split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") })
        for pattern in [".build", ".build*", ".entas", "deploy", ".git"] {
            #expect(patterns.contains(pattern), "\(pattern) is not ignored")
        }
    }
}
