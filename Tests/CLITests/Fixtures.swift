import EntasAPI
import EntasDomain
import Foundation

@testable import CLI

/// API answers built by hand for the renderer tests.
enum Fixtures {
    static func totals(
        households: Int, sm: Int, m: Int, hm: Int, graduated: Int = 0, socialAid: Int = 0, empowerment: Int = 0,
        umkm: Int = 0, lowCost: Int = 0, gaps: Int = 0, conflicts: Int = 0
    ) -> RegionTotals {
        var totals = RegionTotals()
        totals.households = households
        totals.sangatMiskin = sm
        totals.miskin = m
        totals.hampirMiskin = hm
        totals.graduated = graduated
        totals.tidakMiskin = households - sm - m - hm - graduated
        totals.baselineSangatMiskin = sm + graduated
        totals.baselineMiskin = m
        totals.baselineHampirMiskin = hm
        totals.coveredSocialAid = socialAid
        totals.coveredCommunityEmpowerment = empowerment
        totals.coveredEnterprise = umkm
        totals.coveredLowCost = lowCost
        totals.coveredAny = max(socialAid, empowerment, umkm, lowCost)
        totals.gaps = gaps
        totals.conflicts = conflicts
        return totals
    }

    static func summary(_ code: String, _ name: String, _ totals: RegionTotals) throws -> RegionSummary {
        let region = try RegionCode(code)
        return RegionSummary(code: region, name: name, level: region.level, totals: totals)
    }

    /// East Java by kabupaten/kota: three rows whose numbers sum to the total row.
    static func provincialOverview() throws -> Overview {
        let jember = totals(
            households: 123_456, sm: 23_456, m: 34_567, hm: 45_678, graduated: 1_234, socialAid: 61_728, empowerment: 12_345,
            umkm: 6_172, lowCost: 30_864, gaps: 9_876, conflicts: 321)
        let banyuwangi = totals(
            households: 98_765, sm: 12_345, m: 23_456, hm: 34_567, graduated: 987, socialAid: 49_382, empowerment: 9_876,
            umkm: 4_938, lowCost: 24_691, gaps: 5_432, conflicts: 210)
        let surabaya = totals(households: 7, sm: 1, m: 2, hm: 3, socialAid: 3, gaps: 1)
        let all = totals(
            households: 123_456 + 98_765 + 7, sm: 23_456 + 12_345 + 1, m: 34_567 + 23_456 + 2, hm: 45_678 + 34_567 + 3,
            graduated: 1_234 + 987, socialAid: 61_728 + 49_382 + 3, empowerment: 12_345 + 9_876, umkm: 6_172 + 4_938,
            lowCost: 30_864 + 24_691, gaps: 9_876 + 5_432 + 1, conflicts: 321 + 210)
        return Overview(
            region: try summary("35", "Jawa Timur", all), depth: 1,
            regions: [
                try summary("35.09", "Kabupaten Jember", jember),
                try summary("35.10", "Kabupaten Banyuwangi", banyuwangi),
                try summary("35.78", "Kota Surabaya", surabaya),
            ])
    }

    /// Sumberjambe by desa: long codes, short numbers.
    static func kecamatanOverview() throws -> Overview {
        Overview(
            region: try summary("35.09.31", "Sumberjambe", totals(households: 4, sm: 2, m: 1, hm: 1, socialAid: 1, gaps: 2, conflicts: 1)),
            depth: 1,
            regions: [
                try summary("35.09.31.2001", "Plerean", totals(households: 2, sm: 1, m: 0, hm: 1, gaps: 1)),
                try summary("35.09.31.2006", "Sumberjambe", totals(households: 2, sm: 1, m: 1, hm: 0, socialAid: 1, gaps: 1, conflicts: 1)),
            ])
    }

    static func gapPage() throws -> HouseholdPage<GapItem> {
        HouseholdPage<GapItem>(
        total: 2, limit: 100, offset: 0,
        items: [
            GapItem(
                key: try HouseholdKey(String(repeating: "a", count: 64)), maskedKK: "350931******0002", desaCode: try RegionCode("35.09.31.2006"),
                desaName: "Sumberjambe", consensusStatus: .sangatMiskin, coveredBy: [.communityEmpowerment], uncovered: false),
            GapItem(
                key: try HouseholdKey(String(repeating: "b", count: 64)), maskedKK: "350931******0004", desaCode: try RegionCode("35.09.31.2001"),
                desaName: "Plerean", consensusStatus: .sangatMiskin, coveredBy: [], uncovered: true),
        ])
    }
}
