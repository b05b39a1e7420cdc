import EntasService
import EntasDomain
import Foundation
import EntasStore
import GRDB

/// A household this cluster no longer serves because it left poverty, with why and when.
public struct Graduation: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "graduation"
    public var kkNumber: KKNumber
    public var reason: String
    public var graduatedOn: CalendarDate
}
