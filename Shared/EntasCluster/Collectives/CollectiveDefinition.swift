import EntasService
import EntasDomain

/// Something households take part in together, through one of the cluster's programmes:
/// a community self-help group (KSM/Pokmas), a village project, a cooperative.
///
/// Each kind has its own tables (`<table>` and `<table>Member`) and routes
/// (`/v1/<route>`); joining enrols the household in `programme` (its eligibility rule
/// checked) and leaving the last such body ends that enrolment, so the other clusters and
/// the coordinator see the household's coverage through the shared events.
public struct CollectiveDefinition: Sendable {
    /// Path segment under `/v1`, e.g. `groups`, `projects`, `cooperatives`.
    public var route: String
    /// Table name, e.g. `communityGroup`; members live in `<table>Member`.
    public var table: String
    /// The programme a member is enrolled in, e.g. `ksm`, `village-project`, `cooperative`.
    public var programme: String
    /// What one is called in the route summaries (English, for developers), e.g. "community group".
    public var noun: String
    /// What one is called in the messages people read, in their language: a catalogue text, e.g.
    /// `Message("services.collective.communityGroup")`.
    public var label: Message
    /// The kinds a body may be, e.g. `ksm`, `pokmas`.
    public var kinds: [String]
    /// A member household must live in the body's desa (`.desa`) or in its kecamatan (`.kecamatan`).
    public var memberArea: RegionLevel
    /// A budget in rupiah and an end date are required (village projects).
    public var budgeted: Bool

    public init(
        route: String, table: String, programme: String, noun: String, label: Message, kinds: [String], memberArea: RegionLevel,
        budgeted: Bool = false
    ) {
        self.label = label
        self.route = route
        self.table = table
        self.programme = programme
        self.noun = noun
        self.kinds = kinds
        self.memberArea = memberArea
        self.budgeted = budgeted
    }

    var memberTable: String { table + "Member" }
}
