import EntasAPI
import EntasDomain
import Foundation

/// `entas household` as text or CSV. The coordinator sends only the masked KK, no name and
/// no NIK, and that is all this prints.
enum HouseholdDetailOutput {
    static func table(_ detail: HouseholdDetail, maximumWidth: Int = 80) -> String {
        var lines = ["Household \(detail.maskedKK)", ""]
        lines += TableRenderer.render(
            Table(columns: [.left("Field"), .flexible("Value", minimumWidth: 20)], rows: fields(detail)),
            maximumWidth: maximumWidth
        ).dropFirst(2)
        // Sections are printed in full: a reason or a summary cut short would lose what it says.
        lines += section("Assessments (latest per cluster)", assessments(detail))
        lines += section("Enrolments", enrolments(detail))
        lines += section("Referrals", referrals(detail))
        lines += section("Deliveries", deliveries(detail))
        lines += section("History", history(detail))
        return lines.joined(separator: "\n")
    }

    /// The summary as field/value pairs.
    static func fields(_ detail: HouseholdDetail) -> [[String]] {
        var gap = detail.isGap ? "yes" : "no"
        if detail.uncovered { gap += " (SM and no cluster at all)" }
        var rows: [[String]] = [
            ["KK", detail.maskedKK],
            ["Desa", "\(detail.desa.code.dotted) \(detail.desa.name)"],
            ["Kecamatan", "\(detail.kecamatan.code.dotted) \(detail.kecamatan.name)"],
            ["Kabupaten/kota", "\(detail.kabupaten.code.dotted) \(detail.kabupaten.name)"],
            ["Baseline", detail.baselineStatus.map { "\($0.abbreviation) \($0.label)" + (detail.baselineSource.map { " (from \($0))" } ?? "") } ?? "-"],
            ["Consensus", detail.consensusStatus.map { "\($0.abbreviation) \($0.label)" } ?? "not assessed"],
            ["Conflict", detail.hasConflict ? "yes: clusters disagree" : "no"],
            ["Gap", gap],
            ["Covered by", ClusterLabels.list(detail.coveredBy)],
        ]
        if let registeredAt = detail.registeredAt {
            rows.append(["Registered", TimeFormat.wib(registeredAt) + (detail.registeredBy.map { " by \($0.serviceName)" } ?? "")])
        }
        rows.append(["Updated", TimeFormat.wib(detail.updatedAt)])
        return rows
    }

    static func assessments(_ detail: HouseholdDetail) -> Table {
        Table(
            columns: [.left("Cluster"), .left("Status"), .right("Criteria"), .left("On"), .left("From")],
            rows: detail.assessments.map {
                [$0.cluster.serviceName, $0.status.abbreviation, $0.criteriaMetCount.map(String.init) ?? "-", "\($0.assessedOn)", $0.source.rawValue]
            })
    }

    static func enrolments(_ detail: HouseholdDetail) -> Table {
        Table(
            columns: [.left("Cluster"), .left("Programme"), .left("Strategy"), .left("Started"), .left("Ended"), .left("Active")],
            rows: detail.enrolments.map {
                [
                    $0.cluster.serviceName, $0.programme, $0.strategy?.rawValue ?? "-", $0.startedOn.map { "\($0)" } ?? "-",
                    $0.endedOn.map { "\($0)" } ?? "-", $0.isActive ? "yes" : "no",
                ]
            })
    }

    static func referrals(_ detail: HouseholdDetail) -> Table {
        Table(
            columns: [.left("From"), .left("To"), .left("Made"), .left("Outcome"), .left("Answered"), .flexible("Reason")],
            rows: detail.referrals.map {
                [
                    $0.fromCluster.serviceName, $0.toCluster.serviceName, $0.madeOn.map { "\($0)" } ?? "-",
                    $0.outcome?.rawValue ?? "open", $0.answeredOn.map { "\($0)" } ?? "-",
                    [$0.reason, $0.note].compactMap { $0 }.joined(separator: "; "),
                ]
            })
    }

    static func deliveries(_ detail: HouseholdDetail) -> Table {
        Table(
            columns: [.left("Cluster"), .left("Programme"), .left("Period"), .left("Delivered"), .right("Amount")],
            rows: detail.deliveries.map { [$0.cluster.serviceName, $0.programme, "\($0.period)", "\($0.deliveredOn)", amount($0)] })
    }

    /// `Rp 600,000`, `10 kg`, or both.
    static func amount(_ delivery: HouseholdDetail.Delivery) -> String {
        var parts: [String] = []
        if let rupiah = delivery.amountRupiah { parts.append("Rp \(NumberFormat.grouped(rupiah))") }
        if let quantity = delivery.inKindQuantity {
            parts.append(NumberFormat.quantity(quantity, unit: delivery.inKindUnit))
        }
        return parts.isEmpty ? "-" : parts.joined(separator: " + ")
    }

    static func history(_ detail: HouseholdDetail) -> Table {
        Table(
            columns: [.left("Date"), .left("Cluster"), .left("Event"), .flexible("Summary", minimumWidth: 12)],
            rows: detail.history.map { ["\($0.effectiveDate)", $0.cluster.serviceName, EventNames.short($0.ceType), $0.summary] })
    }

    private static func section(_ title: String, _ table: Table) -> [String] {
        guard !table.rows.isEmpty else { return ["", "\(title): none"] }
        return ["", title] + TableRenderer.render(table, maximumWidth: nil).map { "  " + $0 }
    }

    /// Field/value pairs: the summary, then one row per assessment, enrolment, referral, delivery and event.
    static func csv(_ detail: HouseholdDetail) -> String {
        var rows: [[String]] = [
            ["maskedKK", detail.maskedKK], ["key", detail.key.rawValue],
            ["desaCode", detail.desa.code.dotted], ["desaName", detail.desa.name],
            ["kecamatanCode", detail.kecamatan.code.dotted], ["kecamatanName", detail.kecamatan.name],
            ["kabupatenCode", detail.kabupaten.code.dotted], ["kabupatenName", detail.kabupaten.name],
            ["baselineStatus", detail.baselineStatus?.rawValue ?? ""], ["baselineSource", detail.baselineSource?.rawValue ?? ""],
            ["consensusStatus", detail.consensusStatus?.rawValue ?? ""], ["hasConflict", String(detail.hasConflict)],
            ["isGap", String(detail.isGap)], ["uncovered", String(detail.uncovered)],
            ["coveredBy", detail.coveredBy.map(\.rawValue).joined(separator: ";")],
        ]
        for assessment in detail.assessments {
            rows.append(["assessment.\(assessment.cluster.rawValue)", "\(assessment.status.rawValue) on \(assessment.assessedOn)"])
        }
        for enrolment in detail.enrolments {
            rows.append([
                "enrolment.\(enrolment.cluster.rawValue).\(enrolment.programme)",
                "\(enrolment.isActive ? "active" : "ended") from \(enrolment.startedOn.map { "\($0)" } ?? "?")",
            ])
        }
        for referral in detail.referrals {
            rows.append([
                "referral.\(referral.fromCluster.rawValue).\(referral.toCluster.rawValue)",
                "\(referral.outcome?.rawValue ?? "open"), made \(referral.madeOn.map { "\($0)" } ?? "?")",
            ])
        }
        for delivery in detail.deliveries {
            rows.append(["delivery.\(delivery.cluster.rawValue).\(delivery.programme)", "\(delivery.period): \(amount(delivery)) on \(delivery.deliveredOn)"])
        }
        for event in detail.history {
            rows.append(["event.\(event.effectiveDate)", "\(EventNames.short(event.ceType)) by \(event.cluster.rawValue): \(event.summary)"])
        }
        return CSVRenderer.render(header: ["field", "value"], rows: rows)
    }
}
