import EntasAPI
import EntasDomain

/// `entas overview` as a table or CSV: one row per child region (code, name, households, jiwa,
/// consensus SM/M/HM, graduated, coverage per cluster, gaps, conflicts, open verification cases) and a total row for
/// the region asked for.
enum OverviewOutput {
    /// The clusters in the order of the coverage columns, with their column headers.
    static let coverageColumns: [(Cluster, String)] = [
        (.socialAid, "SA%"), (.communityEmpowerment, "CE%"), (.enterprise, "UM%"), (.lowCost, "LC%"),
    ]

    static let legend =
        "HH households; SM/M/HM consensus sangat miskin/miskin/hampir miskin; Grad graduated; "
        + "SA/CE/UM/LC % of households with an active enrolment in social aid, community empowerment, "
        + "UMKM, low-cost programmes; Gaps SM or M without social aid; Conf clusters disagree; with --wide, "
        + "Jiwa the households' people (members), Cases open verification cases, Asgn assigned to a team, Verif verified, Age mean days open."

    /// The aligned table. Narrow (the default) fits `maximumWidth` columns: long names are cut
    /// and, when even that is not enough, counts are written compactly (`1.2M`). Wide adds
    /// the baseline (PPLS 2008) SM/M/HM columns and never cuts names.
    static func table(_ overview: Overview, wide: Bool = false, maximumWidth: Int = 80) -> String {
        let lines: [String]
        if wide {
            lines = TableRenderer.render(makeTable(overview, wide: true, count: NumberFormat.grouped), maximumWidth: nil)
        } else {
            let grouped = TableRenderer.render(makeTable(overview, wide: false, count: NumberFormat.grouped), maximumWidth: maximumWidth)
            if grouped.allSatisfy({ TextWidth.of($0) <= maximumWidth }) {
                lines = grouped
            } else {
                lines = TableRenderer.render(makeTable(overview, wide: false, count: NumberFormat.compact), maximumWidth: maximumWidth)
            }
        }
        let width = wide ? Int.max : maximumWidth
        return ([TextWidth.truncate(title(overview), to: width), ""] + lines + [""]
            + TextWidth.wrap(legend, width: min(width, 100))).joined(separator: "\n")
    }

    /// `Kecamatan Sumberjambe (35.09.31): 3 desa/kelurahan with households`.
    static func title(_ overview: Overview) -> String {
        let region = overview.region
        let word = RegionNames.childrenWord(of: region.level, depth: overview.depth)
        let what = overview.depth == 0 ? "" : ": \(overview.regions.count) \(word) with households"
        return "\(region.name) (\(region.level.indonesianName) \(region.code.dotted))\(what)"
    }

    static func makeTable(_ overview: Overview, wide: Bool, count: (Int) -> String, today: CalendarDate = .today()) -> Table {
        var columns: [TableColumn] = [.left("Code"), wide ? .left("Name") : .flexible("Name"), .right("HH")]
        if wide { columns.append(.right("Jiwa")) }
        if wide { columns += [.right("Base SM"), .right("Base M"), .right("Base HM")] }
        columns += [.right("SM"), .right("M"), .right("HM"), .right("Grad")]
        columns += coverageColumns.map { .right($0.1) }
        columns += [.right("Gaps"), .right("Conf")]
        if wide { columns += [.right("Cases"), .right("Asgn"), .right("Verif"), .right("Age")] }

        func row(code: String, name: String, _ totals: RegionTotals) -> [String] {
            var cells = [code, wide ? name : RegionNames.short(name), count(totals.households)]
            if wide { cells.append(count(totals.people)) }
            if wide { cells += [totals.baselineSangatMiskin, totals.baselineMiskin, totals.baselineHampirMiskin].map(count) }
            cells += [totals.sangatMiskin, totals.miskin, totals.hampirMiskin, totals.graduated].map(count)
            cells += coverageColumns.map { NumberFormat.percent(totals.covered(by: $0.0), of: totals.households) }
            cells += [count(totals.gaps), count(totals.conflicts)]
            if wide {
                cells += [count(totals.casesOpen), count(totals.casesAssigned), count(totals.casesVerified), totals.meanOpenCaseAge(on: today).map(count) ?? "-"]
            }
            return cells
        }
        let rows = overview.regions.map { row(code: $0.code.dotted, name: $0.name, $0.totals) }
        let total = row(code: overview.region.code.dotted, name: "Total", overview.region.totals)
        return Table(columns: columns, rows: rows, footer: [total])
    }

    /// The CSV header.
    static let csvHeader = [
        "row", "code", "name", "level", "households", "sangatMiskin", "miskin", "hampirMiskin", "tidakMiskin", "graduated",
        "unassessed", "baselineSangatMiskin", "baselineMiskin", "baselineHampirMiskin", "coveredSocialAid",
        "coveredCommunityEmpowerment", "coveredEnterprise", "coveredLowCost", "coveredAny", "gaps", "conflicts",
        "casesOpen", "casesAssigned", "casesVerified", "openCaseMeanAgeDays", "people",
    ]

    /// CSV with plain numbers: a `region` row per child region, then the `total` row of the region asked for.
    static func csv(_ overview: Overview, today: CalendarDate = .today()) -> String {
        func row(_ kind: String, _ summary: RegionSummary) -> [String] {
            let t = summary.totals
            return [kind, summary.code.dotted, summary.name, summary.level.indonesianName]
                + [
                    t.households, t.sangatMiskin, t.miskin, t.hampirMiskin, t.tidakMiskin, t.graduated, t.unassessed,
                    t.baselineSangatMiskin, t.baselineMiskin, t.baselineHampirMiskin, t.coveredSocialAid,
                    t.coveredCommunityEmpowerment, t.coveredEnterprise, t.coveredLowCost, t.coveredAny, t.gaps, t.conflicts,
                    t.casesOpen, t.casesAssigned, t.casesVerified,
                ].map { String($0) } + [t.meanOpenCaseAge(on: today).map { String($0) } ?? "", String(t.people)]
        }
        return CSVRenderer.render(
            header: csvHeader, rows: overview.regions.map { row("region", $0) } + [row("total", overview.region)])
    }
}
