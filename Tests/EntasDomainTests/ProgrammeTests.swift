import EntasDomain
import Testing

@Suite struct ClusterTests {
    @Test(
        "each cluster has its service, topic, Indonesian name and agency",
        arguments: [
            (Cluster.socialAid, "social-aid", EntasTopic.socialAid, "Bantuan Sosial", "Dinas Sosial"),
            (.communityEmpowerment, "empowerment", .empowerment, "Pemberdayaan Masyarakat", "Bapemas"),
            (.enterprise, "umkm", .umkm, "Pemberdayaan UMKM", "Dinas Koperasi dan UMK"),
            (.lowCost, "low-cost", .lowCost, "Program Murah", "other stakeholders"),  // "pemangku kepentingan lain" in Indonesian
        ])
    func names(cluster: Cluster, service: String, topic: EntasTopic, indonesian: String, agency: String) {
        #expect(cluster.serviceName == service)
        #expect(Cluster(serviceName: service) == cluster)
        #expect(cluster.topic == topic)
        #expect(topic.cluster == cluster)
        #expect(cluster.indonesianName == indonesian)
        #expect(Language.$current.withValue(.english) { cluster.agency } == agency)
        #expect(cluster.eventSource == "/entas/\(service)")
    }

    @Test("an unknown service name gives no cluster")
    func unknownService() {
        #expect(Cluster(serviceName: "coordinator") == nil)
        #expect(Cluster(serviceName: "socialAid") == nil)
    }
}

@Suite struct TopicTests {
    @Test("topic names are the documented ones")
    func names() {
        #expect(
            EntasTopic.allCases.map(\.name) == [
                "entas.households", "entas.social-aid", "entas.empowerment", "entas.umkm", "entas.low-cost",
                "entas.dead-letter",
            ])
        #expect(EntasTopic.households.cluster == nil)
        #expect(EntasTopic.deadLetter.cluster == nil)
    }

    @Test("strategies keep their raw values")
    func strategies() {
        #expect(
            Strategy.allCases.map(\.rawValue) == [
                "socialProtection", "basicServices", "communityEmpowerment", "inclusiveDevelopment",
            ])
    }
}
