import ArgumentParser
import EntasDomain
import EntasService
import Foundation

/// `entas audit --service social-aid`: a service's audit trail (every write and every answer that named
/// people), newest first, read with an admin token of that service.
struct AuditCommand: AsyncParsableCommand, LanguageChoosing {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "audit",
            abstract: Message("clihelp.audit.abstract").rendered(),
            discussion: Message("clihelp.audit.discussion").rendered())
    }

    @Option(help: Message("clihelp.audit.service").help)
    var service: String

    @Option(help: Message("clihelp.audit.operator").help)
    var `operator`: String?

    @Option(help: Message("clihelp.audit.region").help)
    var region: RegionArgument?

    @Option(help: Message("clihelp.audit.from").help)
    var from: String?

    @Option(help: Message("clihelp.audit.to").help)
    var to: String?

    @OptionGroup var page: PageOptions

    @Option(help: Message("clihelp.audit.format").help)
    var format: OutputFormat = .table

    @Option(help: Message("clihelp.audit.url").help(valueName: "url"))
    var serviceURL: String?

    @Option(help: Message("clihelp.audit.token").help(valueName: "token"))
    var token: String?

    @OptionGroup var language: LanguageOptions

    static let services = ["coordinator", "social-aid", "empowerment", "umkm", "low-cost"]

    func validate() throws {
        try inChosenLanguage {
            guard Self.services.contains(service) else {
                throw ValidationError(Message("cli.validation.service", .text(Self.services.joined(separator: ", ")), .text(String(service.prefix(30)))))
            }
            if let region { _ = try region.validated() }
            for (name, value) in [("--from", from), ("--to", to)] {
                if let value, (try? CalendarDate(value)) == nil {
                    throw ValidationError(Message("cli.validation.day", .text(name), .text(String(value.prefix(20)))))
                }
            }
            do { _ = try endpoint(environment: ProcessInfo.processInfo.environment) } catch let error as MissingTokenError {
                throw ValidationError(error.description)
            } catch let error as InvalidURLError { throw ValidationError(error.description) }
        }
    }

    func endpoint(environment: [String: String]) throws -> ServiceEndpoint {
        let part = service.uppercased().replacingOccurrences(of: "-", with: "_")
        let urlVariable = "ENTAS_\(part)_URL"
        let tokenVariable = service == "coordinator" ? "ENTAS_ADMIN_TOKEN" : "ENTAS_\(part)_ADMIN_TOKEN"
        let port = 8080 + (Self.services.firstIndex(of: service) ?? 0)
        let text = serviceURL ?? environment[urlVariable].flatMap { $0.isEmpty ? nil : $0 } ?? "http://127.0.0.1:\(port)"
        let setting = ServiceEndpoint.urlSetting(flag: "--service-url", variable: urlVariable)
        let url = try ServiceEndpoint.parseURL(text, setting: setting)
        guard let token = token ?? environment[tokenVariable], !token.isEmpty else {
            throw MissingTokenError(serviceName: service, flag: "--token", variable: tokenVariable)
        }
        return ServiceEndpoint(serviceName: service, baseURL: url, token: token, urlSetting: setting)
    }

    func output(environment: [String: String]) async throws -> String {
        try await inChosenLanguage { try await render(environment: environment) }
    }

    private func render(environment: [String: String]) async throws -> String {
        let client = APIClient(endpoint: try endpoint(environment: environment))
        let query = [
            URLQueryItem(name: "operator", value: `operator`), URLQueryItem(name: "region", value: try region.map { try $0.validated().dotted }),
            URLQueryItem(name: "from", value: from), URLQueryItem(name: "to", value: to),
        ] + page.queryItems
        let data = try await client.get("/v1/audit", query: query)
        if format == .json { return String(decoding: data, as: UTF8.self) }
        let trail = try client.decode(AuditPage.self, from: data, path: "/v1/audit")
        let rows = trail.entries.map { entry in
            [
                entry.at.formatted(.iso8601), entry.operatorName, entry.kind.rawValue, "\(entry.method) \(entry.route)", String(entry.status),
                entry.region ?? "", entry.households.map { format == .csv ? String($0) : NumberFormat.grouped($0) } ?? "",
            ]
        }
        if format == .csv {
            return CSVRenderer.render(header: ["at", "operator", "kind", "request", "status", "region", "households"], rows: rows)
        }
        let table = Table(
            columns: [
                .left(Message("cli.audit.column.at")), .left(Message("cli.audit.column.operator")), .left(Message("cli.audit.column.kind")),
                .left(Message("cli.audit.column.request")), .right(Message("cli.audit.column.status")), .left(Message("cli.audit.column.region")),
                .right(Message("cli.audit.column.households")),
            ],
            rows: rows)
        let title =
            trail.entries.count < trail.total
            ? Message("cli.audit.titlePage", .count(trail.total), .text("entas-\(service)"), .count(trail.offset + 1), .count(trail.offset + trail.entries.count))
            : Message("cli.audit.title", .count(trail.total), .text("entas-\(service)"))
        return ([title.rendered(), ""] + TableRenderer.render(table, maximumWidth: nil)).joined(separator: "\n")
    }

    func run() async throws {
        print(try await output(environment: ProcessInfo.processInfo.environment))
    }
}
