import EntasDomain

/// Where an event happened and what it says, read from its coded fields only: never a name,
/// a NIK or a full KK number.
enum EventFacts {
    /// The desa the event is about (for an update without a move, the kecamatan of the KK); a
    /// commitment's region.
    static func place(of payload: EventPayload) -> RegionCode? {
        switch payload {
        case .householdRegistered(let data): data.desaCode
        case .householdUpdated(let data): data.desaCode ?? data.kkNumber.kecamatanCode
        case .householdAssessed(let data): data.desaCode
        case .enrolmentStarted(let data): data.desaCode
        case .enrolmentEnded(let data): data.desaCode
        case .benefitDelivered(let data): data.desaCode
        case .referralMade(let data): data.desaCode
        case .referralAnswered(let data): data.desaCode
        case .householdGraduated(let data): data.desaCode
        case .householdVerified(let data): data.desaCode
        case .verificationRequested(let data): data.desaCode
        case .verificationAssigned(let data): data.desaCode
        case .commitmentMade(let data): data.regionCode
        }
    }

    /// A short summary: status, programme, amount, …
    static func summary(of payload: EventPayload) -> String {
        switch payload {
        case .householdRegistered(let data):
            let baseline = data.baselineStatus.map { "baseline \($0.abbreviation)" } ?? "no baseline"
            return "\(baseline), \(data.memberCount) members, \(data.criteriaMet.count) criteria met"
        case .householdUpdated(let data):
            let changed = [
                data.headNIK == nil ? nil : "head NIK", data.headName == nil ? nil : "head name",
                data.address == nil ? nil : "address", data.desaCode == nil ? nil : "desa (moved)",
                data.memberCount.map { "members \($0)" }, data.criteriaMet.map { "criteria \($0.count)" },
            ].compactMap { $0 }
            return "changed: " + (changed.isEmpty ? "nothing" : changed.joined(separator: ", "))
        case .householdAssessed(let data):
            return "status \(data.status.abbreviation) (\(data.criteriaMet.count) criteria) on \(data.assessedOn)"
        case .enrolmentStarted(let data):
            return "\(data.programme) (\(data.strategy.rawValue)) from \(data.startedOn)"
        case .enrolmentEnded(let data):
            return "\(data.programme) ended \(data.endedOn): \(clip(data.reason))"
        case .benefitDelivered(let data):
            var amounts: [String] = []
            if let rupiah = data.amountRupiah { amounts.append("Rp \(NumberFormat.grouped(rupiah))") }
            if let quantity = data.inKindQuantity { amounts.append(NumberFormat.quantity(quantity, unit: data.inKindUnit)) }
            return "\(data.programme) \(data.period): \(amounts.isEmpty ? "delivered" : amounts.joined(separator: " + ")) on \(data.deliveredOn)"
        case .referralMade(let data):
            return "referred to \(data.toCluster.serviceName): \(clip(data.reason))"
        case .referralAnswered(let data):
            return "\(data.outcome.rawValue) by \(data.toCluster.serviceName) (from \(data.fromCluster.serviceName))"
        case .householdGraduated(let data):
            return "graduated on \(data.graduatedOn): \(clip(data.reason))"
        case .householdVerified(let data):
            return "verified \(data.status.abbreviation) on \(data.verifiedOn), minutes \(clip(data.minutesReference))"
        case .verificationRequested(let data):
            return "verification requested on \(data.requestedOn): \(clip(data.reason))"
        case .verificationAssigned(let data):
            return "case assigned to team \(clip(data.team)) for \(data.areaCode) on \(data.assignedOn)"
        case .commitmentMade(let data):
            return "\(data.programme) \(data.period): \(NumberFormat.grouped(data.households)) households, "
                + "\(NumberFormat.grouped(data.deliveries)) deliveries, Rp \(NumberFormat.grouped(data.budgetRupiah))"
                + (data.graduations.map { ", \(NumberFormat.grouped($0)) to graduate" } ?? "")
        }
    }

    /// Free text written by an agency, cut short and with long digit runs masked.
    static func clip(_ text: String) -> String {
        TextWidth.truncate(IdentityText.maskDigitRuns(text), to: 40)
    }
}

/// Hides identity numbers that free text may contain.
enum IdentityText {
    /// Every run of 16 or more digits masked as a KK or NIK is (`350931******0001`).
    static func maskDigitRuns(_ text: String) -> String {
        var result = ""
        var run = ""
        func flush() {
            result += run.count >= 16 ? IdentityNumberMask.mask(run) : run
            run = ""
        }
        for character in text {
            if character.isASCII, character.isNumber { run.append(character) } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}
