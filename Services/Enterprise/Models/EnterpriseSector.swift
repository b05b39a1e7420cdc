import EntasDomain
import Foundation
import GRDB
import Hummingbird

/// Sektor usaha: what an enterprise does.
enum EnterpriseSector: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case agriculture, livestock, fishery, foodProcessing, crafts, trade, services, manufacturing
}
