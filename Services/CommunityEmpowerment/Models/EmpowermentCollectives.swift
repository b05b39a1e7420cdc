import EntasDomain
import EntasCluster
import EntasService

/// What Bapemas's households take part in: community groups and village projects.
enum EmpowermentCollectives {
    /// KSM (Kelompok Swadaya Masyarakat) and Pokmas (Kelompok Masyarakat): self-help
    /// groups of one desa, whose members are enrolled in `ksm`.
    static let groups = CollectiveDefinition(
        route: "groups", table: "communityGroup", programme: EmpowermentProgrammes.communityGroup.code,
        noun: "community group", label: Message("services.collective.communityGroup"), kinds: ["ksm", "pokmas"], memberArea: .desa)

    /// Village projects (PNPM Mandiri Perdesaan, Dana Desa): a kind, a budget, a start and
    /// an end, and the desa's beneficiary households, enrolled in `village-project`.
    static let projects = CollectiveDefinition(
        route: "projects", table: "villageProject", programme: EmpowermentProgrammes.villageProject.code,
        noun: "village project", label: Message("services.collective.villageProject"), kinds: ["infrastructure", "economic", "social", "environment"], memberArea: .desa, budgeted: true)

    static let controllers: [any ClusterController] = [CollectiveController(groups), CollectiveController(projects)]
}
