import EntasAPI
import EntasDomain

/// `entas overview` as a table or CSV: one row per child region (code, name, households, jiwa,
/// consensus SM/M/HM, graduated, coverage per cluster, gaps, conflicts, open verification cases) and a total row for
/// the region asked for.
enum OverviewOutput {
    /// The clusters in the order of the coverage columns, with their column headers (`SA%` / `BS%`).
    static var coverageColumns: [(Cluster, String)] {
        [
            (.socialAid, Message("cli.overview.column.socialAid").rendered()),
            (.communityEmpowerment, Message("cli.overview.column.empowerment").rendered()),
            (.enterprise, Message("cli.overview.column.enterprise").rendered()),
            (.lowCost, Message("cli.overview.column.lowCost").rendered()),
        ]
    }

    static var legend: String { Message("cli.overview.legend").rendered() }

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

    /// `Sumberjambe (kecamatan 35.09.31): 3 desa/kelurahan with households` (`… dengan rumah tangga`).
    static func title(_ overview: Overview) -> String {
        let region = overview.region
        let word = RegionNames.childrenWord(of: region.level, depth: overview.depth)
        let name = "\(region.name) (\(region.level.indonesianName) \(region.code.dotted))"
        guard overview.depth != 0 else { return name }
        return Message("cli.overview.title", .text(name), .count(overview.regions.count), .text(word)).rendered()
    }

    static func makeTable(_ overview: Overview, wide: Bool, count: (Int) -> String, today: CalendarDate = .today()) -> Table {
        let name = Message("cli.overview.column.name")
        var columns: [TableColumn] = [.left(Message("cli.overview.column.code")), wide ? .left(name) : .flexible(name), .right(Message("cli.overview.column.households"))]
        if wide { columns.append(.right(Message("cli.overview.column.people"))) }
        if wide {
            columns += [
                .right(Message("cli.overview.column.baselineSM")), .right(Message("cli.overview.column.baselineM")),
                .right(Message("cli.overview.column.baselineHM")),
            ]
        }
        columns += [.right("SM"), .right("M"), .right("HM"), .right(Message("cli.overview.column.graduated"))]
        let coverage = coverageColumns
        columns += coverage.map { TableColumn.right($0.1) }
        columns += [.right(Message("cli.overview.column.gaps")), .right(Message("cli.overview.column.conflicts"))]
        if wide {
            columns += [
                .right(Message("cli.overview.column.cases")), .right(Message("cli.overview.column.assigned")),
                .right(Message("cli.overview.column.verified")), .right(Message("cli.overview.column.age")),
            ]
        }

        func row(code: String, name: String, _ totals: RegionTotals) -> [String] {
            var cells = [code, wide ? name : RegionNames.short(name), count(totals.households)]
            if wide { cells.append(count(totals.people)) }
            if wide { cells += [totals.baselineSangatMiskin, totals.baselineMiskin, totals.baselineHampirMiskin].map(count) }
            cells += [totals.sangatMiskin, totals.miskin, totals.hampirMiskin, totals.graduated].map(count)
            cells += coverage.map { NumberFormat.percent(totals.covered(by: $0.0), of: totals.households) }
            cells += [count(totals.gaps), count(totals.conflicts)]
            if wide {
                cells += [count(totals.casesOpen), count(totals.casesAssigned), count(totals.casesVerified), totals.meanOpenCaseAge(on: today).map(count) ?? "-"]
            }
            return cells
        }
        let rows = overview.regions.map { row(code: $0.code.dotted, name: $0.name, $0.totals) }
        let total = row(code: overview.region.code.dotted, name: Message("cli.table.total").rendered(), overview.region.totals)
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
