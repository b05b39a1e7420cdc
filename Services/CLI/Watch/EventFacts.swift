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

    /// A short summary: status, programme, amount, … in the current language.
    static func summary(of payload: EventPayload) -> String {
        message(of: payload).rendered()
    }

    /// A day as the summary writes it.
    private static func day(_ day: CalendarDate) -> Message.Argument { .text(TimeFormat.day(day)) }

    /// The summary as a message.
    static func message(of payload: EventPayload) -> Message {
        switch payload {
        case .householdRegistered(let data):
            let baseline = data.baselineStatus.map { Message("cli.event.baseline", .text($0.abbreviation)) } ?? Message("cli.event.noBaseline")
            return Message("cli.event.registered", .message(baseline), .count(data.memberCount), .count(data.criteriaMet.count))
        case .householdUpdated(let data):
            let changed: [Message] = [
                data.headNIK == nil ? nil : Message("cli.event.changed.headNIK"), data.headName == nil ? nil : Message("cli.event.changed.headName"),
                data.address == nil ? nil : Message("cli.event.changed.address"), data.desaCode == nil ? nil : Message("cli.event.changed.desa"),
                data.memberCount.map { Message("cli.event.changed.members", .count($0)) },
                data.criteriaMet.map { Message("cli.event.changed.criteria", .count($0.count)) },
            ].compactMap { $0 }
            let list = changed.isEmpty ? "" : changed.map { $0.rendered() }.joined(separator: ", ")
            return changed.isEmpty ? Message("cli.event.changed.nothing") : Message("cli.event.changed", .text(list))
        case .householdAssessed(let data):
            return Message("cli.event.assessed", .text(data.status.abbreviation), .count(data.criteriaMet.count), day(data.assessedOn))
        case .enrolmentStarted(let data):
            return Message("cli.event.enrolmentStarted", .text(data.programme), .text(data.strategy.rawValue), day(data.startedOn))
        case .enrolmentEnded(let data):
            return Message("cli.event.enrolmentEnded", .text(data.programme), day(data.endedOn), .text(clip(data.reason)))
        case .benefitDelivered(let data):
            var amounts: [String] = []
            if let rupiah = data.amountRupiah { amounts.append(Language.current.rupiah(rupiah)) }
            if let quantity = data.inKindQuantity { amounts.append(NumberFormat.quantity(quantity, unit: data.inKindUnit)) }
            let amount = amounts.isEmpty ? Message("cli.event.delivered").rendered() : amounts.joined(separator: " + ")
            return Message("cli.event.benefitDelivered", .text(data.programme), .text(data.period.description), .text(amount), day(data.deliveredOn))
        case .referralMade(let data):
            return Message("cli.event.referralMade", .text(data.toCluster.serviceName), .text(clip(data.reason)))
        case .referralAnswered(let data):
            return Message(
                "cli.event.referralAnswered", .text(data.outcome.rawValue), .text(data.toCluster.serviceName), .text(data.fromCluster.serviceName))
        case .householdGraduated(let data):
            return Message("cli.event.graduated", day(data.graduatedOn), .text(clip(data.reason)))
        case .householdVerified(let data):
            return Message("cli.event.verified", .text(data.status.abbreviation), day(data.verifiedOn), .text(clip(data.minutesReference)))
        case .verificationRequested(let data):
            return Message("cli.event.verificationRequested", day(data.requestedOn), .text(clip(data.reason)))
        case .verificationAssigned(let data):
            return Message("cli.event.verificationAssigned", .text(clip(data.team)), .text(data.areaCode.description), day(data.assignedOn))
        case .commitmentMade(let data):
            let line = Message(
                "cli.event.commitment", .text(data.programme), .text(data.period.description), .count(data.households), .count(data.deliveries),
                .rupiah(data.budgetRupiah))
            guard let graduations = data.graduations else { return line }
            return Message("cli.event.commitmentGraduations", .message(line), .count(graduations))
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
