import EntasDomain

/// The region a token may read and write: the province (`35`), a kabupaten/kota (`35.09`) or a kecamatan
/// (`35.09.31`). Inside it a token works as any other; outside it every answer is 403 `outside-region`
/// naming the token's region, and lists hold only what lies inside it (filtered, never padded).
public struct RegionScope: Sendable, Hashable, CustomStringConvertible {
    public let region: RegionCode

    /// The whole province: every token issued before regions existed, and every token issued without one.
    public static let province = RegionScope(.eastJava)

    public init(_ region: RegionCode) {
        self.region = region
    }

    public var isProvince: Bool { region == .eastJava }

    /// True when `code` is the token's region or lies inside it.
    public func contains(_ code: RegionCode) -> Bool { code.isWithin(region) }

    /// True when the kecamatan a No. KK was issued in lies inside the region (for a household not known here,
    /// so an unknown KK answers as a known one would: 404 inside, 403 outside).
    public func contains(kecamatanOf kk: KKNumber) -> Bool { contains(kk.kecamatanCode) }

    /// The pattern of the dotted desa and kecamatan codes inside the region, for `column LIKE ?` (`35.09.%`);
    /// nil for the province, where nothing is filtered.
    public var codePattern: String? { isProvince ? nil : region.dotted + ".%" }

    /// Lets `code` through when it lies inside the region; 403 `outside-region` otherwise.
    public func require(_ code: RegionCode) throws(ProblemDocument) {
        guard contains(code) else { throw .outsideRegion(code, scope: self) }
    }

    /// Lets a record (a household, a group, a training) through when its region lies inside the token's; 403
    /// `outside-region` otherwise, without naming where the record is.
    public func require(record code: RegionCode) throws(ProblemDocument) {
        guard contains(code) else { throw .outsideRegion(nil, scope: self) }
    }

    /// The region a view or list is asked for, kept inside the token's: none asked means the token's own region;
    /// one inside it is itself; any other is 403 `outside-region`.
    public func narrow(_ requested: RegionCode?) throws(ProblemDocument) -> RegionCode {
        guard let requested else { return region }
        try require(requested)
        return requested
    }

    /// ``narrow(_:)`` for the lists where no region means no filter: nil stays nil for a province-wide token.
    public func filter(_ requested: RegionCode?) throws(ProblemDocument) -> RegionCode? {
        if requested == nil, isProvince { return nil }
        return try narrow(requested)
    }

    /// The region by name and code, e.g. `Kabupaten Jember (35.09)`.
    public var description: String { Self.name(of: region) }

    static func name(of code: RegionCode) -> String {
        guard let region = RegionReference.eastJava.region(code) else { return code.dotted }
        // The reference names kabupaten and kota with their kind already ("Kabupaten Jember", "Kota Surabaya").
        let title = region.kind.title + " "
        let name = region.name.hasPrefix(title) ? region.name : title + region.name
        return "\(name) (\(code.dotted))"
    }

    /// A token's region as `token create --region` and `token scope` take it: a province, kabupaten/kota or
    /// kecamatan code that exists in the Kemendagri reference.
    public static func parse(_ text: String) throws -> RegionScope {
        let code = try RegionCode(text)
        guard RegionReference.eastJava.contains(code) else {
            throw ProblemDocument.invalidField("region", Message("service.scope.unknownRegion", .text(code.dotted)))
        }
        guard code.level <= .kecamatan else {
            throw ProblemDocument.invalidField("region", Message("service.scope.desa", .text(code.dotted), .text(code.parent?.dotted ?? "")))
        }
        return RegionScope(code)
    }
}

extension ProblemDocument {
    /// 403: the token's region does not hold `code` (a household's desa, a list's region, a body's region).
    public static func outsideRegion(_ code: RegionCode?, scope: RegionScope) -> ProblemDocument {
        ProblemDocument(
            status: .forbidden, code: "outside-region", title: Message("service.problem.outsideRegion.title"),
            detail: code.map { Message("service.problem.outsideRegion.detail.code", .text("\(scope)"), .text($0.dotted)) }
                ?? Message("service.problem.outsideRegion.detail.record", .text("\(scope)")))
    }
}

extension AgencyRequestContext {
    /// The region the caller's token may read and write (the province without a token: the `/v1` routes
    /// refuse those before any handler runs).
    public var scope: RegionScope { identity.map { RegionScope($0.region) } ?? .province }
}
