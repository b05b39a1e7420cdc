/// Names and fixed values of the Kafka headers of an Entas event (CloudEvents 1.0, Kafka binary mode).
public enum EventHeader {
    /// `ce_specversion`, always `1.0`.
    public static let specVersion = "ce_specversion"
    /// `ce_id`: the event's UUID, lowercase.
    public static let id = "ce_id"
    /// `ce_source`: the publishing service, `/entas/<service>`.
    public static let source = "ce_source"
    /// `ce_type`: `id.go.jatim.entas.<name>.v<version>`.
    public static let type = "ce_type"
    /// `ce_time`: when the fact happened in the service, RFC 3339 in UTC with milliseconds.
    public static let time = "ce_time"
    /// `ce_entasactorid`: the id of the operator who recorded the fact (optional, with ``actorName``).
    public static let actorID = "ce_entasactorid"
    /// `ce_entasactor`: that operator's name (optional, with ``actorID``).
    public static let actorName = "ce_entasactor"
    /// `content-type`: `application/json`.
    public static let contentType = "content-type"

    /// The CloudEvents version Entas writes and reads.
    public static let specVersionValue = "1.0"
    /// The content type of every event value.
    public static let jsonContentType = "application/json"
}
