import EntasAPI
import EntasDomain

/// Why a ``CoordinatorQueries`` call was refused: each says what was wrong and how to ask instead.
public enum CoordinatorQueryError: Error, Sendable, Equatable, CustomStringConvertible {
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

    public var description: String {
        switch self {
        case .unknownRegion(let code):
            "The region \(code) is not in the Kemendagri reference for Jawa Timur; use an existing code such as "
                + "35, 35.09, 35.09.31 or 35.09.31.2006."
        case .depthOutOfRange(let depth, let level):
            "An overview of a \(level) cannot go \(depth) levels down; use a depth from 0 to "
                + "\(RegionLevel.desa.rawValue - level.rawValue) (1 lists the children)."
        case .invalidPage(let limit, let offset):
            "limit \(limit) and offset \(offset) do not make a page; use a limit from 1 to "
                + "\(CoordinatorQueries.maximumPageSize) and an offset of 0 or more."
        case .invertedMonths(let from, let to):
            "The months run from \(from) to \(to), which is backwards; give the earlier month first."
        case .tooManyMonths(let count):
            "\(count) months is more than one report shows (\(CoordinatorQueries.maximumMonths)); "
                + "ask for a shorter range."
        }
    }
}
