import EntasDomain

/// Event type names as printed: `household.registered` for `id.go.jatim.entas.household.registered.v1`.
enum EventNames {
    static func short(_ ceType: String) -> String {
        EventType(ceType: ceType)?.name ?? ceType
    }
}
