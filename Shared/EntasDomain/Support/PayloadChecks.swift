/// The field rules payloads share. Each check throws an ``EventValidationError`` naming the field.
struct PayloadChecks {
    let reference: RegionReference

    /// Longest person name accepted.
    static let nameLength = 200
    /// Longest free text (address, reason, note) accepted.
    static let textLength = 1000
    /// Longest programme code accepted.
    static let programmeLength = 64

    /// The code must be a desa/kelurahan in the reference.
    func desa(_ code: RegionCode, _ path: String) throws(EventValidationError) {
        do {
            _ = try reference.require(code, level: .desa)
        } catch {
            throw EventValidationError(path: path, error.message)
        }
    }

    /// The code must be a region (any level) in the reference.
    func region(_ code: RegionCode, _ path: String) throws(EventValidationError) {
        guard reference.contains(code) else {
            throw EventValidationError(path: path, RegionCodeError.unknown(code).message)
        }
    }

    /// Not blank, and at most `maximum` characters.
    func text(_ value: String, _ path: String, maximum: Int = Self.textLength) throws(EventValidationError) {
        guard value.contains(where: { !$0.isWhitespace }) else {
            throw EventValidationError(path: path, Message("domain.payload.blank"))
        }
        guard value.count <= maximum else {
            throw EventValidationError(path: path, Message("domain.payload.tooLong", .count(maximum), .count(value.count)))
        }
    }

    /// A programme code: 1–64 ASCII letters, digits, `-`, `_` or `.` (`pkh`, `rastra`, `kube-2027`).
    func programme(_ value: String, _ path: String) throws(EventValidationError) {
        let allowed = value.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        guard !value.isEmpty, value.utf8.count <= Self.programmeLength, allowed else {
            throw EventValidationError(
path: path, Message("domain.payload.programmeCode", .text(SafeEcho.quoted(value))))
        }
    }

    /// At least `minimum`.
    func atLeast<Number: BinaryInteger>(_ value: Number, _ minimum: Number, _ path: String) throws(EventValidationError)
    {
        guard value >= minimum else {
            throw EventValidationError(path: path, Message("domain.payload.atLeast", .text("\(minimum)"), .text("\(value)")))
        }
    }

    /// No criterion twice (the list is a set; order carries no meaning).
    func criteria(_ values: [PovertyCriterion], _ path: String) throws(EventValidationError) {
        var seen: UInt32 = 0  // bit n: criterion number n
        for (index, criterion) in values.enumerated() {
            let bit: UInt32 = 1 << criterion.number
            guard seen & bit != 0 else {
                seen |= bit
                continue
            }
            throw EventValidationError(
                path: "\(path)[\(index)]", Message("domain.payload.criterionTwice", .text(criterion.rawValue)))
        }
    }

    /// Two different clusters (a referral goes from one cluster to another).
    func differentClusters(_ from: Cluster, _ to: Cluster, _ path: String) throws(EventValidationError) {
        guard from != to else {
            throw EventValidationError(
                path: path, Message("domain.payload.sameCluster", .text(from.rawValue)))
        }
    }
}
