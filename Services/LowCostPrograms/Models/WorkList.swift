import EntasDomain
import EntasCluster
import EntasService
import Foundation
import GRDB
import Hummingbird

struct WorkList: ResponseCodable, Sendable {
    var works: [Work]
}
