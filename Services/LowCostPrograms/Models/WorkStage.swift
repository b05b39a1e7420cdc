import EntasDomain
import EntasCluster
import EntasService
import Foundation
import EntasStore
import GRDB
import Hummingbird

/// A stage a work reached, on a day.
struct WorkStage: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, LowercaseUUIDRecord {
    static let databaseTableName = "workStage"
    var enrolmentId: UUID
    var stage: String
    var reachedOn: CalendarDate
    var note: String?
}
