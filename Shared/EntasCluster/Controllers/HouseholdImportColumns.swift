/// Where each column of the household import (docs/import.md) is in a file's rows: found once from the file's
/// header, so a row's fields are taken by position, not looked up by name field after field.
struct HouseholdImportColumns: Sendable {
    let kkNumber: Int?
    let headNIK: Int?
    let headName: Int?
    let address: Int?
    let desaCode: Int?
    let memberCount: Int?
    let criteriaMet: Int?
    /// Optional: a file may leave the baseline status out.
    let baselineStatus: Int?

    /// The positions `header` (``ImportController/header(_:)``) gives each column.
    init(_ header: [String: Int]) {
        kkNumber = header["kkNumber"]
        headNIK = header["headNIK"]
        headName = header["headName"]
        address = header["address"]
        desaCode = header["desaCode"]
        memberCount = header["memberCount"]
        criteriaMet = header["criteriaMet"]
        baselineStatus = header["baselineStatus"]
    }
}
