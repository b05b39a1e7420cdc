/// The payloads of most events read from a ``PlainJSONObject``: registrations without a member list,
/// assessments, enrolments, deliveries and graduations, which make almost all of a province's events. Each
/// field is taken as its synthesised `Decodable` takes it (its JSON key the property's name, an optional one
/// absent or `null` when not given); a payload with anything else, or a field its type refuses, is nil, and
/// ``EventJSON`` decodes it with `JSONDecoder` (which says what was wrong). Tests compare both ways.
extension HouseholdRegistered {
    init?(plain json: PlainJSONObject) {
        // A member list is an array of objects: never plain.
        guard let kkNumber = json.required("kkNumber", { $0.parsed(as: KKNumber.self) }),
            let headNIK = json.required("headNIK", { $0.parsed(as: NIK.self) }),
            let headName = json.required("headName", \.text), let address = json.required("address", \.text),
            let desaCode = json.required("desaCode", { $0.parsed(as: RegionCode.self) }),
            let memberCount = json.required("memberCount", \.int),
            let criteriaMet = json.required("criteriaMet", { $0.raws(as: PovertyCriterion.self) }),
            let baselineStatus = json.optional("baselineStatus", { $0.raw(as: PovertyStatus.self) }),
            let baselinePeriod = json.optional("baselinePeriod", { $0.parsed(as: Period.self) }),
            let registeredBy = json.required("registeredBy", { $0.raw(as: Cluster.self) }),
            case .some(nil) = json.optional("members", { _ in () })
        else { return nil }
        self.init(
            kkNumber: kkNumber, headNIK: headNIK, headName: headName, address: address, desaCode: desaCode,
            memberCount: memberCount, criteriaMet: criteriaMet, baselineStatus: baselineStatus,
            baselinePeriod: baselinePeriod, registeredBy: registeredBy)
    }
}

extension HouseholdAssessed {
    init?(plain json: PlainJSONObject) {
        guard let kkNumber = json.required("kkNumber", { $0.parsed(as: KKNumber.self) }),
            let desaCode = json.required("desaCode", { $0.parsed(as: RegionCode.self) }),
            let cluster = json.required("cluster", { $0.raw(as: Cluster.self) }),
            let status = json.required("status", { $0.raw(as: PovertyStatus.self) }),
            let criteriaMet = json.required("criteriaMet", { $0.raws(as: PovertyCriterion.self) }),
            let assessedOn = json.required("assessedOn", { $0.parsed(as: CalendarDate.self) }),
            let assessor = json.required("assessor", \.text)
        else { return nil }
        self.init(
            kkNumber: kkNumber, desaCode: desaCode, cluster: cluster, status: status, criteriaMet: criteriaMet,
            assessedOn: assessedOn, assessor: assessor)
    }
}

extension EnrolmentStarted {
    init?(plain json: PlainJSONObject) {
        guard let enrolmentID = json.required("enrolmentID", \.uuid),
            let kkNumber = json.required("kkNumber", { $0.parsed(as: KKNumber.self) }),
            let desaCode = json.required("desaCode", { $0.parsed(as: RegionCode.self) }),
            let cluster = json.required("cluster", { $0.raw(as: Cluster.self) }),
            let programme = json.required("programme", \.text),
            let strategy = json.required("strategy", { $0.raw(as: Strategy.self) }),
            let startedOn = json.required("startedOn", { $0.parsed(as: CalendarDate.self) }),
            let memberNIK = json.optional("memberNIK", { $0.parsed(as: NIK.self) }),
            let pkhComponents = json.optional("pkhComponents", { $0.raws(as: PKHComponent.self) })
        else { return nil }
        self.init(
            enrolmentID: enrolmentID, kkNumber: kkNumber, desaCode: desaCode, cluster: cluster, programme: programme,
            strategy: strategy, startedOn: startedOn, memberNIK: memberNIK, pkhComponents: pkhComponents)
    }
}

extension BenefitDelivered {
    init?(plain json: PlainJSONObject) {
        guard let deliveryID = json.required("deliveryID", \.uuid),
            let enrolmentID = json.required("enrolmentID", \.uuid),
            let kkNumber = json.required("kkNumber", { $0.parsed(as: KKNumber.self) }),
            let desaCode = json.required("desaCode", { $0.parsed(as: RegionCode.self) }),
            let cluster = json.required("cluster", { $0.raw(as: Cluster.self) }),
            let programme = json.required("programme", \.text),
            let strategy = json.required("strategy", { $0.raw(as: Strategy.self) }),
            let amountRupiah = json.optional("amountRupiah", \.int64),
            let inKindQuantity = json.optional("inKindQuantity", \.double),
            let inKindUnit = json.optional("inKindUnit", \.text),
            let period = json.required("period", { $0.parsed(as: Period.self) }),
            let deliveredOn = json.required("deliveredOn", { $0.parsed(as: CalendarDate.self) }),
            let memberNIK = json.optional("memberNIK", { $0.parsed(as: NIK.self) })
        else { return nil }
        self.init(
            deliveryID: deliveryID, enrolmentID: enrolmentID, kkNumber: kkNumber, desaCode: desaCode, cluster: cluster,
            programme: programme, strategy: strategy, amountRupiah: amountRupiah, inKindQuantity: inKindQuantity,
            inKindUnit: inKindUnit, period: period, deliveredOn: deliveredOn, memberNIK: memberNIK)
    }
}

extension HouseholdGraduated {
    init?(plain json: PlainJSONObject) {
        guard let kkNumber = json.required("kkNumber", { $0.parsed(as: KKNumber.self) }),
            let desaCode = json.required("desaCode", { $0.parsed(as: RegionCode.self) }),
            let cluster = json.required("cluster", { $0.raw(as: Cluster.self) }),
            let reason = json.required("reason", \.text),
            let graduatedOn = json.required("graduatedOn", { $0.parsed(as: CalendarDate.self) })
        else { return nil }
        self.init(kkNumber: kkNumber, desaCode: desaCode, cluster: cluster, reason: reason, graduatedOn: graduatedOn)
    }
}
