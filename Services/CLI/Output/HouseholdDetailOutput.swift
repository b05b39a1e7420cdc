import EntasAPI
import EntasDomain
import Foundation

/// `entas household` as text or CSV. The coordinator sends only the masked KK, no name and
/// no NIK, and that is all this prints.
enum HouseholdDetailOutput {
    static func table(_ detail: HouseholdDetail, maximumWidth: Int = 80) -> String {
        var lines = [Message("cli.household.title", .text(detail.maskedKK)).rendered(), ""]
        lines += TableRenderer.render(
            Table(columns: [.left("Field"), .flexible("Value", minimumWidth: 20)], rows: fields(detail)),
            maximumWidth: maximumWidth
        ).dropFirst(2)
        // Sections are printed in full: a reason or a summary cut short would lose what it says.
        lines += section(Message("cli.household.section.assessments"), assessments(detail))
        lines += section(Message("cli.household.section.enrolments"), enrolments(detail))
        lines += section(Message("cli.household.section.referrals"), referrals(detail))
        lines += section(Message("cli.household.section.deliveries"), deliveries(detail))
        lines += section(Message("cli.household.section.history"), history(detail))
        return lines.joined(separator: "\n")
    }

    /// The summary as field/value pairs.
    static func fields(_ detail: HouseholdDetail) -> [[String]] {
        let language = Language.current
        var gap = language.yesNo(detail.isGap)
        if detail.uncovered { gap += Message("cli.household.uncovered").rendered() }
        var rows: [[String]] = [
            [Message("cli.household.field.kk").rendered(), detail.maskedKK],
            ["Desa", "\(detail.desa.code.dotted) \(detail.desa.name)"],
            ["Kecamatan", "\(detail.kecamatan.code.dotted) \(detail.kecamatan.name)"],
            ["Kabupaten/kota", "\(detail.kabupaten.code.dotted) \(detail.kabupaten.name)"],
            [
                Message("cli.household.field.baseline").rendered(),
                detail.baselineStatus.map {
                    "\($0.abbreviation) \($0.label)" + (detail.baselineSource.map { Message("cli.household.baselineFrom", .text($0.rawValue)).rendered() } ?? "")
                } ?? "-",
            ],
            [
                Message("cli.household.field.consensus").rendered(),
                detail.consensusStatus.map { "\($0.abbreviation) \($0.label)" } ?? Message("cli.household.notAssessed").rendered(),
            ],
            [
                Message("cli.household.field.conflict").rendered(),
                detail.hasConflict ? Message("cli.household.conflictYes").rendered() : language.yesNo(false),
            ],
            [Message("cli.household.field.gap").rendered(), gap],
            [Message("cli.household.field.coveredBy").rendered(), ClusterLabels.list(detail.coveredBy)],
        ]
        if let registeredAt = detail.registeredAt {
            let time = TimeFormat.wib(registeredAt)
            rows.append([
                Message("cli.household.field.registered").rendered(),
                detail.registeredBy.map { Message("cli.household.registeredBy", .text(time), .text($0.serviceName)).rendered() } ?? time,
            ])
        }
        rows.append([Message("cli.household.field.updated").rendered(), TimeFormat.wib(detail.updatedAt)])
        return rows
    }

    static func assessments(_ detail: HouseholdDetail) -> Table {
        Table(
            columns: [
                .left(Message("cli.column.cluster")), .left(Message("cli.list.column.status")), .right(Message("cli.household.column.criteria")),
                .left(Message("cli.household.column.on")), .left(Message("cli.household.column.from")),
            ],
            rows: detail.assessments.map {
                [$0.cluster.serviceName, $0.status.abbreviation, $0.criteriaMetCount.map(String.init) ?? "-", TimeFormat.day($0.assessedOn), $0.source.rawValue]
            })
    }

    static func enrolments(_ detail: HouseholdDetail) -> Table {
        Table(
            columns: [
                .left(Message("cli.column.cluster")), .left(Message("cli.column.programme")), .left(Message("cli.column.strategy")),
                .left(Message("cli.household.column.started")), .left(Message("cli.household.column.ended")), .left(Message("cli.household.column.active")),
            ],
            rows: detail.enrolments.map {
                [
                    $0.cluster.serviceName, $0.programme, $0.strategy?.rawValue ?? "-", $0.startedOn.map { TimeFormat.day($0) } ?? "-",
                    $0.endedOn.map { TimeFormat.day($0) } ?? "-", Language.current.yesNo($0.isActive),
                ]
            })
    }

    static func referrals(_ detail: HouseholdDetail) -> Table {
        Table(
            columns: [
                .left(Message("cli.household.column.from")), .left(Message("cli.household.column.to")), .left(Message("cli.household.column.made")),
                .left(Message("cli.household.column.outcome")), .left(Message("cli.household.column.answered")),
                .flexible(Message("cli.household.column.reason")),
            ],
            rows: detail.referrals.map {
                [
                    $0.fromCluster.serviceName, $0.toCluster.serviceName, $0.madeOn.map { TimeFormat.day($0) } ?? "-",
                    $0.outcome?.rawValue ?? Message("cli.household.referralOpen").rendered(), $0.answeredOn.map { TimeFormat.day($0) } ?? "-",
                    [$0.reason, $0.note].compactMap { $0 }.joined(separator: "; "),
                ]
            })
    }

    static func deliveries(_ detail: HouseholdDetail) -> Table {
        Table(
            columns: [
                .left(Message("cli.column.cluster")), .left(Message("cli.column.programme")), .left(Message("cli.household.column.period")),
                .left(Message("cli.household.column.delivered")), .right(Message("cli.household.column.amount")),
            ],
            rows: detail.deliveries.map { [$0.cluster.serviceName, $0.programme, "\($0.period)", TimeFormat.day($0.deliveredOn), amount($0)] })
    }

    /// `Rp 600,000`, `10 kg`, or both.
    static func amount(_ delivery: HouseholdDetail.Delivery) -> String {
        var parts: [String] = []
        if let rupiah = delivery.amountRupiah { parts.append(Language.current.rupiah(rupiah)) }
        if let quantity = delivery.inKindQuantity {
            parts.append(NumberFormat.quantity(quantity, unit: delivery.inKindUnit))
        }
        return parts.isEmpty ? "-" : parts.joined(separator: " + ")
    }

    static func history(_ detail: HouseholdDetail) -> Table {
        Table(
            columns: [
                .left(Message("cli.household.column.date")), .left(Message("cli.column.cluster")), .left(Message("cli.household.column.event")),
                .flexible(Message("cli.household.column.summary"), minimumWidth: 12),
            ],
            rows: detail.history.map { [TimeFormat.day($0.effectiveDate), $0.cluster.serviceName, EventNames.short($0.ceType), $0.summary] })
    }

    private static func section(_ title: Message, _ table: Table) -> [String] {
        guard !table.rows.isEmpty else { return ["", Message("cli.household.sectionNone", .message(title)).rendered()] }
        return ["", title.rendered()] + TableRenderer.render(table, maximumWidth: nil).map { "  " + $0 }
    }

    /// Field/value pairs: the summary, then one row per assessment, enrolment, referral, delivery and event.
    static func csv(_ detail: HouseholdDetail) -> String {
        // CSV is for programs: the same in every language (English words, machine dates, `Rp 600,000`).
        Language.$current.withValue(.english) { csvRows(detail) }
    }

    private static func csvRows(_ detail: HouseholdDetail) -> String {
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
