import EntasService
import EntasAPI
import EntasDomain

/// The page of one region: the province at `/`, a kabupaten/kota, kecamatan or desa at `/regions/{code}`.
/// Key figures, households by consensus status per child region, coverage per cluster, progress; below the
/// province also the gap, conflict and open-case lists and the strategy breakdown.
struct RegionPage: Sendable {
    var data: RegionPageData
    var reference: RegionReference

    var region: RegionSummary { data.overview.region }

    func render() -> HTML {
        let code = region.code
        let content: HTML = """
            <p class="level">\(levelName(code)) · \(code.dotted)</p>
            <h1>\(region.name)</h1>
            <p><a id="cycle-link" href="/regions/\(code.dotted)/cycle">Plan and evaluation: commitments, shortfall, realisation, targets</a></p>
            \(figures)
            \(StatusSection(overview: data.overview).render())
            \(CoverageSection(overview: data.overview).render())
            \(ProgressSection(report: data.progress, baselineSangatMiskin: region.totals.baselineSangatMiskin).render())
            \(data.gaps.map { GapListSection(region: code, page: $0, conflictOffset: data.conflicts?.offset ?? 0).render() } ?? .empty)
            \(data.conflicts.map { ConflictListSection(region: code, page: $0, gapOffset: data.gaps?.offset ?? 0).render() } ?? .empty)
            \(data.cases.map { CaseListSection(region: code, page: $0, gapOffset: data.gaps?.offset ?? 0, conflictOffset: data.conflicts?.offset ?? 0).render() } ?? .empty)
            \(data.strategies.map { StrategySection(report: $0).render() } ?? .empty)
            """
        return DashboardLayout.page(
            title: region.name, crumbs: crumbs, freshness: data.freshness, signedIn: true, content: content)
    }

    /// Jawa Timur › Kabupaten Jember › Sumberjambe: every level above linked, this one not.
    var crumbs: [DashboardLayout.Crumb] {
        let above = region.code.ancestors.map { code in
            DashboardLayout.Crumb(name: reference.region(code)?.name ?? code.dotted, href: DashboardLayout.href(code))
        }
        return above + [DashboardLayout.Crumb(name: region.name, href: nil)]
    }

    private func levelName(_ code: RegionCode) -> String {
        reference.region(code)?.kind.title ?? code.level.indonesianName
    }

    /// The region's totals as a row of figures.
    private var figures: HTML {
        let totals = region.totals
        let items: [(String, Int, String)] = [
            ("Households", totals.households, "households"),
            ("People (jiwa)", totals.people, "people"),
            ("Sangat Miskin (SM)", totals.sangatMiskin, "sm"),
            ("Miskin (M)", totals.miskin, "m"),
            ("Hampir Miskin (HM)", totals.hampirMiskin, "hm"),
            ("Graduated", totals.graduated, "graduated"),
            ("SM at baseline", totals.baselineSangatMiskin, "baseline-sm"),
            ("Gaps", totals.gaps, "gaps"),
            ("Conflicts", totals.conflicts, "conflicts"),
            ("Covered by any cluster", totals.coveredAny, "covered"),
            ("Verification cases open", totals.casesOpen, "cases-open"),
            ("… assigned to a team", totals.casesAssigned, "cases-assigned"),
            ("Verified in the field", totals.casesVerified, "cases-verified"),
        ]
        var cells = items.map { name, value, id -> HTML in
            "<div><dt>\(name)</dt><dd id=\"figure-\(id)\">\(DashboardFormat.count(value))</dd></div>"
        }
        let age = totals.meanOpenCaseAge(on: .today()).map { "\(DashboardFormat.count($0)) days" } ?? "–"
        cells.append("<div><dt>Open cases' mean age</dt><dd id=\"figure-case-age\">\(age)</dd></div>")
        return "<dl class=\"figures\" aria-label=\"Key figures\">\(cells)</dl>"
    }
}

extension RegionLevel {
    /// The heading of a column of regions at this level: `Kabupaten/kota`, `Kecamatan`, `Desa/kelurahan`.
    var columnHeading: String {
        switch self {
        case .province: "Province"
        case .kabupaten: "Kabupaten/kota"
        case .kecamatan: "Kecamatan"
        case .desa: "Desa/kelurahan"
        }
    }
}
