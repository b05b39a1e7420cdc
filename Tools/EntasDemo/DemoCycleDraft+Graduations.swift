import EntasDomain

extension DemoCycleDraft {
    /// Why each cluster graduates a household.
    static func graduationReason(_ cluster: Cluster) -> String {
        switch cluster {
        case .socialAid: "graduasi mandiri: penghasilan di atas garis kemiskinan (income above the poverty line)"
        case .communityEmpowerment: "kelompok mandiri: usaha kelompok berjalan (the group's business runs on its own)"
        case .enterprise: "usaha mandiri: usaha mencukupi keluarga (the business supports the family)"
        case .lowCost: "kebutuhan dasar terpenuhi: rumah, listrik, air (house, electricity and water in place)"
        }
    }

    /// Graduations: a graduating household graduates, between April and June 2026, from every cluster that
    /// assessed or enrolled it, so all of them agree on `graduated`. One that no cluster touched does not.
    mutating func graduate() {
        guard result.trajectory == .graduating else { return }
        let assessing = Set(result.assessments.map(\.cluster))
        let enrolling = result.enrollingClusters
        for cluster in Cluster.allCases where assessing.contains(cluster) || enrolling.contains(cluster) {
            result.graduations.append(
                DemoGraduation(
                    kkNumber: household.kkNumber, cluster: cluster, reason: Self.graduationReason(cluster),
                    graduatedOn: DemoCalendar.draw(DemoCalendar.graduations, using: &generator)))
        }
    }
}
