import EntasDomain

/// A household event that the replica cannot apply.
public enum HouseholdReplicaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `household.updated` arrived for a household this database has never seen registered.
    case unknownHousehold(KKNumber)

    public var description: String {
        switch self {
        case let .unknownHousehold(kkNumber):
            "household.updated for \(kkNumber.masked), which this service has not seen registered. Nothing was "
                + "changed. Send the event to the dead-letter topic; once the household.registered event has been "
                + "consumed (or republished), replay the update."
        }
    }
}
