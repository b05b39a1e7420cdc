import GRDB

/// A record whose UUID columns are stored as lowercase text, as every Entas table keeps them
/// (the form of `ce_id` and of the events' identifiers), so that a lookup by id matches.
public protocol LowercaseUUIDRecord: EncodableRecord {}

extension LowercaseUUIDRecord {
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
}
