import EntasDomain
import Foundation
import GRDB
import Hummingbird

struct TrainingDetail: ResponseCodable, Sendable {
    var training: Training
    var attendance: [Attendance]
}
