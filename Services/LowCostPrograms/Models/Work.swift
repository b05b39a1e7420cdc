import EntasDomain
import EntasCluster
import EntasService
import Foundation
import GRDB
import Hummingbird

/// An enrolment seen as a work: its programme's stages and how far it has come.
struct Work: ResponseCodable, Sendable {
    var enrolment: Enrolment
    /// The programme's stages in order.
    var stages: [String]
    var reached: [WorkStage]
    var currentStage: String?
    var completed: Bool
}
