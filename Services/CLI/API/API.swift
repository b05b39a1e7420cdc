/// The coordinator's and the cluster services' JSON answers as the CLI reads them. They
/// mirror the services' own types (the coordinator's `Overview`, `HouseholdDetail`, …) field
/// for field, so that the CLI depends on the wire format only, not on the services' code.
enum API {}
