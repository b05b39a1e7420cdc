import EntasDomain
import Foundation
import GRDB
import Hummingbird

struct TrainingList: ResponseCodable, Sendable {
    var trainings: [Training]
}
