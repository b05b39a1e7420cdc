/// Every cluster's programmes, in one place: the cluster services enrol by them and the demo
/// plans against them (docs/services.md lists them). Each cluster's own list is in
/// `Catalogue/` (``SocialAidProgrammes``, ``EmpowermentProgrammes``, ``EnterpriseProgrammes``,
/// ``LowCostProgrammes``).
public enum ProgrammeCatalogue {
    /// Every programme, cluster by cluster (social aid, empowerment, UMKM, low cost), each
    /// cluster's in catalogue order.
    public static let all: [Programme] = SocialAidProgrammes.all + EmpowermentProgrammes.all + EnterpriseProgrammes.all + LowCostProgrammes.all

    /// One cluster's programmes, in catalogue order.
    public static func programmes(of cluster: Cluster) -> [Programme] { all.filter { $0.cluster == cluster } }

    /// The programme with this code, or nil.
    public static func programme(_ code: String) -> Programme? { all.first { $0.code == code } }
}
