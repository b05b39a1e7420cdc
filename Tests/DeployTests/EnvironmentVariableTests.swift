import EntasService
import Foundation
import EntasCluster
import Testing

@testable import Coordinator

/// Every environment variable a service reads is documented in docs/operations.md and set
/// (or shown as an alternative) in the systemd examples and compose.yaml; the examples set
/// no ENTAS_ variable that nothing reads.
///
/// The variables are the code's own catalogues: `EnvironmentVariable` (every service) and the
/// coordinator's `CoordinatorSettings.variables`, the cluster services' `CoordinatorLink.variables`. A name that ends in `_` is a prefix: `KAFKA_`
/// is how every `KAFKA_<PROPERTY>` variable is read, and the documentation writes it so.
@Suite("environment variables")
struct EnvironmentVariableTests {
    static let pattern = "KAFKA_<PROPERTY>"

    /// A variable (or prefix) and the services that read it.
    struct Variable: Hashable, CustomStringConvertible {
        var name: String
        var isPrefix: Bool { name.hasSuffix("_") }
        /// `KAFKA_<PROPERTY>` for the prefix `KAFKA_`.
        var documentedName: String { isPrefix ? name + "<PROPERTY>" : name }
        var description: String { documentedName }
    }

    /// The variables read by each service, from the code's catalogues.
    static func variablesInSources() throws -> [Variable: Set<String>] {
        var found: [Variable: Set<String>] = [:]
        for variable in EnvironmentVariable.allCases {
            found[Variable(name: variable.rawValue)] = Set(DeployedService.all.map(\.name))
        }
        for name in CoordinatorSettings.variables {
            found[Variable(name: name), default: []].insert("coordinator")
        }
        for name in CoordinatorLink.variables {
            found[Variable(name: name), default: []].formUnion(DeployedService.all.map(\.name).filter { $0 != "coordinator" })
        }
        return found
    }

    /// The table under `## Configure` in docs/operations.md: variable → its "read by" cell.
    static func documentedVariables() throws -> [String: String] {
        let document = try Repository.text("docs/operations.md")
        let section = try #require(
            document.range(of: "\n## Configure").map { document[$0.upperBound...] }, "docs/operations.md has no `## Configure` section")
        let lines = section.split(separator: "\n", omittingEmptySubsequences: false)
        let table = lines.drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        let header = try #require(table.first).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(header.prefix(2) == ["variable", "read by"], "the configuration table starts `| variable | read by |`: \(header)")
        var documented: [String: String] = [:]
        for row in table.dropFirst(2) {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 2 else { continue }
            for name in String(cells[1]).matches(of: #"`((?:ENTAS|KAFKA)_[A-Z0-9_<>]*)`"#).map({ $0[1] }) {
                documented[name] = cells[2]
            }
        }
        return documented
    }

    @Test("the variables the services read are exactly the ones docs/operations.md documents, with who reads them")
    func documented() throws {
        let inSources = try Self.variablesInSources()
        #expect(inSources.keys.contains(Variable(name: "KAFKA_BOOTSTRAP_SERVERS")), "the catalogue lost KAFKA_BOOTSTRAP_SERVERS")
        let documented = try Self.documentedVariables()
        #expect(
            Set(documented.keys) == Set(inSources.keys.map(\.documentedName)),
            "read but not documented: \(Set(inSources.keys.map(\.documentedName)).subtracting(documented.keys).sorted()); documented but not read: \(Set(documented.keys).subtracting(inSources.keys.map(\.documentedName)).sorted())"
        )
        for (variable, readers) in inSources {
            let readBy = documented[variable.documentedName] ?? ""
            let expected = readers.count == DeployedService.all.count ? "every service" : readers.sorted().map { "`entas-\($0)`" }.joined(separator: ", ")
            #expect(readBy == expected, "\(variable): the table says it is read by '\(readBy)', the sources say \(expected)")
        }
    }

    @Test("every variable a service reads is in its systemd example env file", arguments: DeployedService.all)
    func inEnvironmentFile(_ service: DeployedService) throws {
        let text = try Repository.text(service.environmentFile)
        // `NAME=value`, or `# NAME=` for an alternative left commented out.
        let names = Set(text.matches(of: #"^#?\s*((?:ENTAS|KAFKA)_[A-Z0-9_]+)="#, options: .anchorsMatchLines).map { $0[1] })
        let set = Set(text.matches(of: #"^((?:ENTAS|KAFKA)_[A-Z0-9_]+)="#, options: .anchorsMatchLines).map { $0[1] })
        for (variable, readers) in try Self.variablesInSources() where readers.contains(service.name) {
            if variable.isPrefix {
                let properties = set.filter { $0.hasPrefix(variable.name) && $0 != "KAFKA_BOOTSTRAP_SERVERS" }
                #expect(!properties.isEmpty, "\(service.environmentFile) sets no \(variable.documentedName) example")
            } else {
                #expect(names.contains(variable.name), "\(service.environmentFile) does not mention \(variable.name)")
            }
        }
        let known = try Self.knownNames()
        for name in names where name.hasPrefix("ENTAS_") {
            #expect(known.contains(name), "\(service.environmentFile) sets \(name), which no service reads")
        }
        // The password in the example is a placeholder, and SASL_SSL is what the example shows.
        #expect(set.contains("KAFKA_SECURITY_PROTOCOL") && text.contains("KAFKA_SECURITY_PROTOCOL=SASL_SSL"))
    }

    @Test("every variable a service reads is in its compose.yaml service", arguments: DeployedService.all)
    func inCompose(_ service: DeployedService) throws {
        let compose = try ComposeDocument.load()
        let environment = try #require(compose["services"]?[service.name]?["environment"]?.object, "\(service.name) has no environment")
        let block = try Self.composeBlock(of: service.name)
        for (variable, readers) in try Self.variablesInSources() where readers.contains(service.name) {
            if variable.isPrefix {
                #expect(
                    environment.keys.contains { $0.hasPrefix(variable.name) && $0 != "KAFKA_BOOTSTRAP_SERVERS" },
                    "\(service.name) sets no \(variable.documentedName) example")
            } else {
                // Set, or a commented-out alternative in the service's block (`# NAME: …`).
                #expect(
                    environment[variable.name] != nil || block.contains("# \(variable.name):"),
                    "compose.yaml's \(service.name) does not mention \(variable.name)")
            }
        }
        let known = try Self.knownNames()
        for name in environment.keys where name.hasPrefix("ENTAS_") {
            #expect(known.contains(name), "compose.yaml's \(service.name) sets \(name), which no service reads")
        }
    }

    /// The lines of compose.yaml's service `name`, comments included.
    static func composeBlock(of name: String) throws -> String {
        let lines = try Repository.text(ComposeDocument.path).split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "  \(name):"), "compose.yaml has no service \(name)")
        let body = lines[(start + 1)...].prefix { line in
            line.isEmpty || line.hasPrefix("    ") || line.hasPrefix("  #")
        }
        return body.joined(separator: "\n")
    }

    static func knownNames() throws -> Set<String> {
        Set(try variablesInSources().keys.filter { !$0.isPrefix }.map(\.name))
    }
}
