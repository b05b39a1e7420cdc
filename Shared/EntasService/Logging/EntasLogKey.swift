/// Log metadata keys used across Entas services, in one place. Values never carry a KK
/// number, NIK or name: events are identified by their id and type.
public enum EntasLogKey {
    public static let service = "entas.service"
    public static let eventID = "entas.event.id"
    public static let eventType = "entas.event.type"
    public static let topic = "entas.topic"
    public static let reason = "entas.reason"
    public static let count = "entas.count"
    public static let pending = "entas.outbox.pending"
    public static let attempt = "entas.attempt"
}
