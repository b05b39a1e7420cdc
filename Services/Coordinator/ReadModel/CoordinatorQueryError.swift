import EntasAPI
import EntasDomain

/// Why a ``CoordinatorQueries`` call was refused: each says what was wrong and how to ask instead.
public enum CoordinatorQueryError: Error, Sendable, Equatable, CustomStringConvertible, MessageConvertible {
    /// The region code is not in the Kemendagri reference.
    case unknownRegion(RegionCode)
    /// An overview cannot go `depth` levels below a region of `level`.
    case depthOutOfRange(depth: Int, level: RegionLevel)
    /// `limit` must be 1…``CoordinatorQueries/maximumPageSize`` and `offset` at least 0.
    case invalidPage(limit: Int, offset: Int)
    /// `from` is after `to`.
    case invertedMonths(from: CalendarMonth, to: CalendarMonth)
    /// More months than ``CoordinatorQueries/maximumMonths`` in one progress report.
    case tooManyMonths(count: Int)

    /// What was wrong and how to ask instead, in the reader's language.
    public var message: Message {
        switch self {
        case .unknownRegion(let code):
            Message("coordinator.query.unknownRegion", .text(code.description))
        case .depthOutOfRange(let depth, let level):
            Message("coordinator.query.depthOutOfRange", .text(level.description), .count(depth), .count(RegionLevel.desa.rawValue - level.rawValue))
        case .invalidPage(let limit, let offset):
            Message("coordinator.query.invalidPage", .text(String(limit)), .text(String(offset)), .count(CoordinatorQueries.maximumPageSize))
        case .invertedMonths(let from, let to):
            Message("coordinator.query.invertedMonths", .text(from.description), .text(to.description))
        case .tooManyMonths(let count):
            Message("coordinator.query.tooManyMonths", .count(count), .count(CoordinatorQueries.maximumMonths))
        }
    }

    public var description: String { message.description }
}
