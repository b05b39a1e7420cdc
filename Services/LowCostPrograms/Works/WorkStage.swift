import EntasDomain
import EntasCluster
import EntasService
import Foundation
import GRDB
import Hummingbird

/// The stages a low-cost work goes through, in order; the last one completes it.
enum WorkStages {
    /// RTLH (Rumah Tidak Layak Huni): survei, perencanaan, pembangunan, selesai.
    static let housing = ["survey", "design", "construction", "completion"]
    /// Sambungan listrik / air: survei, pemasangan, tersambung.
    static let connection = ["survey", "installation", "connected"]

    static func stages(of programme: String) -> [String] {
        programme == LowCostProgrammes.housing.code ? housing : connection
    }
}

/// A stage a work reached, on a day.
struct WorkStage: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "workStage"
    var enrolmentId: UUID
    var stage: String
    var reachedOn: CalendarDate
    var note: String?

    static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
}

/// An enrolment seen as a work: its programme's stages and how far it has come.
struct Work: ResponseCodable, Sendable {
    var enrolment: Enrolment
    /// The programme's stages in order.
    var stages: [String]
    var reached: [WorkStage]
    var currentStage: String?
    var completed: Bool
}

struct WorkList: ResponseCodable, Sendable {
    var works: [Work]
}

/// `POST /v1/enrolments/{id}/stages`. At the last stage, what the work cost may be given.
struct StageRequest: Codable, Sendable {
    var stage: String
    var reachedOn: CalendarDate
    var note: String?
    var costRupiah: Int64?
}
