import Foundation
import Testing

/// The repository these tests check, found from this file's own path, so that the tests
/// read the working tree they were built from wherever the build folder is.
enum Repository {
    /// `Tests/DeployTests/DeploySupport.swift` → the repository root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }
}

/// The five services `deploy/` runs, with the names each file uses for them.
struct DeployedService: Sendable, CustomTestStringConvertible {
    /// The compose service, the env file and the state directory: `social-aid`.
    let name: String
    /// The executable and the systemd unit: `entas-social-aid`.
    let executable: String
    /// The folder of its own sources: `Services/SocialAid`.
    let sourceFolder: String

    var unitFile: String { "deploy/systemd/\(executable).service" }
    var environmentFile: String { "deploy/systemd/env/\(name).env" }
    var testDescription: String { executable }

    static let all = [
        DeployedService(name: "social-aid", executable: "entas-social-aid", sourceFolder: "Services/SocialAid"),
        DeployedService(name: "empowerment", executable: "entas-empowerment", sourceFolder: "Services/CommunityEmpowerment"),
        DeployedService(name: "umkm", executable: "entas-umkm", sourceFolder: "Services/Enterprise"),
        DeployedService(name: "low-cost", executable: "entas-low-cost", sourceFolder: "Services/LowCostPrograms"),
        DeployedService(name: "coordinator", executable: "entas-coordinator", sourceFolder: "Services/Coordinator"),
    ]
}

/// What a finished command printed and how it exited.
struct CommandResult: Sendable {
    var status: Int32
    var output: String
    var errors: String

    /// Both streams, for failure messages.
    var transcript: String { [output, errors].filter { !$0.isEmpty }.joined(separator: "\n") }
}

/// External tools: found on PATH (and in the system folders), run to completion.
enum Command {
    /// The path of the executable `name`, or nil when it is not installed.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"]
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The path of `name`, or a failed test that says how to install it. The deployment
    /// checks never skip: a missing tool is a machine not set up, which `make setup-test` fixes.
    static func require(_ name: String, debianPackage: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(
            find(name),
            "\(name) is not installed. Run `make setup-test` (it installs Debian's \(debianPackage)); `make test` does so first.",
            sourceLocation: sourceLocation)
    }

    /// Runs `executable` with `arguments` and waits for it. Output goes through temporary
    /// files, so a command that prints a lot cannot block on a full pipe.
    static func run(_ executable: String, _ arguments: [String], standardInput: Data? = nil) throws -> CommandResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entas-deploy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputURL = folder.appendingPathComponent("stdout")
        let errorsURL = folder.appendingPathComponent("stderr")
        let inputURL = folder.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inputURL.path, contents: standardInput ?? Data())

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        let output = try FileHandle(forWritingTo: outputURL)
        let errors = try FileHandle(forWritingTo: errorsURL)
        let input = try FileHandle(forReadingFrom: inputURL)
        defer {
            try? output.close()
            try? errors.close()
            try? input.close()
        }
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            output: (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOf: errorsURL, encoding: .utf8)) ?? "")
    }
}

/// The executables `swift build` made, beside the test runner (`make test` builds every
/// product before it runs the tests).
enum BuiltProducts {
    static func directory(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        var candidates: [URL] = []
        if let runner = Bundle.main.executableURL?.resolvingSymlinksInPath() { candidates.append(runner.deletingLastPathComponent()) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
        return try #require(
            candidates.first { folder in
                DeployedService.all.allSatisfy { FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent($0.executable).path) }
            },
            "The Entas executables are not beside the test runner (\(candidates.map(\.path))). Build them with `swift build --build-tests`, as `make test` does.",
            sourceLocation: sourceLocation)
    }
}

/// A YAML or JSON document as plain values, for reading deploy/compose.yaml.
enum DocumentValue: Decodable, Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([DocumentValue])
    case object([String: DocumentValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([DocumentValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: DocumentValue].self))
        }
    }

    subscript(key: String) -> DocumentValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    var object: [String: DocumentValue]? {
        if case .object(let members) = self { members } else { nil }
    }

    var array: [DocumentValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    /// A scalar as Compose reads it: `3` and `"3"` are both "3".
    var text: String? {
        switch self {
        case .string(let text): text
        case .number(let number) where number.rounded() == number && abs(number) < 1e15: String(Int64(number))
        case .number(let number): String(number)
        case .bool(let value): value ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// A list of scalars (a command, a list of ports).
    var texts: [String]? { array?.compactMap(\.text) }
}

/// deploy/compose.yaml read with PyYAML (Debian's python3-yaml), anchors and merge keys
/// resolved, as `DocumentValue`s.
enum ComposeDocument {
    static let path = "deploy/compose.yaml"

    static func load(sourceLocation: SourceLocation = #_sourceLocation) throws -> DocumentValue {
        let python = try Command.require("python3", debianPackage: "python3-yaml", sourceLocation: sourceLocation)
        let script = "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1], encoding='utf-8')), sys.stdout)"
        // Debian's own interpreter, which has python3-yaml; another python3 on PATH may not.
        let interpreter = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : python
        let result = try Command.run(interpreter, ["-c", script, Repository.url(path).path])
        try #require(
            result.status == 0,
            "\(path) could not be read as YAML (or PyYAML is missing: run `make setup`):\n\(result.transcript)",
            sourceLocation: sourceLocation)
        return try JSONDecoder().decode(DocumentValue.self, from: Data(result.output.utf8))
    }
}

extension String {
    /// Each match of `pattern` in the string, as its capture groups (group 0 first).
    func matches(of pattern: String, options: NSRegularExpression.Options = []) -> [[String]] {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: options) else { return [] }
        let string = self as NSString
        return expression.matches(in: self, range: NSRange(location: 0, length: string.length)).map { match in
            (0..<match.numberOfRanges).map { index in
                let range = match.range(at: index)
                return range.location == NSNotFound ? "" : string.substring(with: range)
            }
        }
    }

    /// Whether `word` occurs in the string as a whole word (`ENTAS_X` does not match `ENTAS_X_FILE`).
    func containsWord(_ word: String) -> Bool {
        !matches(of: "(?<![A-Za-z0-9_])\(NSRegularExpression.escapedPattern(for: word))(?![A-Za-z0-9_])").isEmpty
    }
}
