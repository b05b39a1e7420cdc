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
