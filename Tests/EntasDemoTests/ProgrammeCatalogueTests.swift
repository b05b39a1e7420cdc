import EntasDemo
import EntasDomain
import Testing

/// The programme catalogue the services and the demo share.
@Suite struct ProgrammeCatalogueTests {
    @Test("every programme has its cluster, unit and a rule", arguments: DemoProgrammes.all.map(\.code))
    func programme(code: String) throws {
        let programme = try #require(DemoProgrammes.programme(code))
        #expect(DemoProgrammes.programmes(of: programme.cluster).contains { $0.code == code })
        for language in Language.allCases {
            let summary = programme.eligibility.summary.rendered(in: language)
            #expect(!summary.isEmpty && !summary.contains("⟦"), "\(language)")
        }
        #expect(["rupiah", "kg", "connection", "house", "session"].contains(programme.deliveryUnit))
    }

    @Test("codes are unique, each cluster has its programmes, and the demo plans against the same catalogue")
    func oneCatalogue() {
        #expect(Set(ProgrammeCatalogue.all.map(\.code)).count == ProgrammeCatalogue.all.count)
        for cluster in Cluster.allCases { #expect(!ProgrammeCatalogue.programmes(of: cluster).isEmpty, "\(cluster)") }
        #expect(DemoProgrammes.all.map(\.code) == ProgrammeCatalogue.all.map(\.code))
        #expect(DemoProgrammes.periodic.isSubset(of: Set(ProgrammeCatalogue.all.map(\.code))))
    }
}
