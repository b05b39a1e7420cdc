import EntasDemo
import EntasDomain
import Foundation
import Testing

/// Compares the demo's copy of the programme catalogues with the services' sources when the repository is
/// at hand (the test target's folder resolves into it).
@Suite struct ProgrammeCatalogueTests {
    static let servicesFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Services")

    static var catalogueSources: [String] {
        let files = ["SocialAid", "CommunityEmpowerment", "Enterprise", "LowCostPrograms"].compactMap { service in
            let folder = servicesFolder.appendingPathComponent(service).appendingPathComponent("Programmes")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.first { $0.hasSuffix(".swift") }.map { folder.appendingPathComponent($0) }
        }
        return files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    @Test("every programme has its cluster, unit and a rule", arguments: DemoProgrammes.all.map(\.code))
    func programme(code: String) throws {
        let programme = try #require(DemoProgrammes.programme(code))
        #expect(DemoProgrammes.programmes(of: programme.cluster).contains { $0.code == code })
        #expect(!programme.eligibility.summary.isEmpty)
        #expect(["rupiah", "kg", "connection", "house", "session"].contains(programme.deliveryUnit))
    }

    @Test("the copy matches the services' catalogues", .enabled(if: catalogueSources.count == 4))
    func matchesServices() {
        let sources = Self.catalogueSources.joined(separator: "\n")
        for programme in DemoProgrammes.all {
            let pattern = "code: \"\(programme.code)\""
            guard let range = sources.range(of: pattern) else {
                Issue.record("the services have no programme \(programme.code)")
                continue
            }
            let declaration = String(sources[range.lowerBound...].prefix(600))
            #expect(declaration.contains("cluster: .\(programme.cluster.rawValue)"), "\(programme.code)")
            #expect(declaration.contains("strategy: .\(programme.strategy.rawValue)"), "\(programme.code)")
            #expect(declaration.contains("deliveryUnit: \"\(programme.deliveryUnit)\""), "\(programme.code)")
        }
        let codes = sources.components(separatedBy: "code: \"").dropFirst().compactMap { $0.split(separator: "\"").first }
        #expect(Set(codes.map(String.init)) == Set(DemoProgrammes.all.map(\.code)))
    }
}
