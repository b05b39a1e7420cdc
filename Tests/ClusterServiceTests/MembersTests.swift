import EntasCluster
import EntasDomain
import EntasKafka
import EntasService
import EntasTestKit
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SocialAid

@Suite("A household's members, and PKH and PIP by member", .timeLimit(.minutes(2)), .english)
struct MembersTests {
    @Test("a family registered with its members; PKH needs a component and records them; PIP enrols the pupil by NIK; a delivery names the member")
    func programmesByMember() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        // Household 20: the head born 1980, his wife 1985; the son at SD, the daughter under six.
        let family = try HouseholdRegistration.sample(20, withMembers: true)
        let members = try #require(family.members)
        let noList = try HouseholdRegistration.sample(2)
        // Head and wife only, both past forty and under sixty: no PKH component.
        let couple = try HouseholdRegistration.sample(3, members: 2, adults: true)
        try await app.test(.live) { client in
            func send(_ uri: String, _ method: HTTPRequest.Method, _ body: ByteBuffer) async throws -> (HTTPResponse.Status, [String: Any]) {
                let response = try await client.execute(uri: uri, method: method, headers: cluster.authorization, body: body)
                return (response.status, Fixture.object(response.body))
            }
            let (created, view) = try await send("/v1/households", .post, Fixture.json(family))
            #expect(created == .created, "\(view)")
            let listed = view["members"] as? [[String: Any]] ?? []
            #expect(listed.count == 4 && view["memberCount"] as? Int == 4)
            #expect(listed.first?["nik"] as? String == family.headNIK.rawValue, "in full at the registering service")
            #expect(listed.map { $0["relationship"] as? String } == ["head", "spouse", "child", "child"])
            #expect(try await send("/v1/households", .post, Fixture.json(noList)).0 == .created)
            #expect(try await send("/v1/households", .post, Fixture.json(couple)).0 == .created)

            func enrol(_ registration: HouseholdRegistration, _ programme: String, member: NIK? = nil) async throws -> (HTTPResponse.Status, [String: Any]) {
                var body: [String: Any] = ["kkNumber": registration.kkNumber.rawValue, "programme": programme, "startedOn": "2027-01-15"]
                if let member { body["memberNIK"] = member.rawValue }
                return try await send("/v1/enrolments", .post, Fixture.json(body))
            }
            let (unlisted, unlistedProblem) = try await enrol(noList, "pkh")
            #expect(unlisted == .unprocessableContent && (unlistedProblem["detail"] as? String ?? "").contains("members are not recorded"), "\(unlistedProblem)")
            let (none, noneProblem) = try await enrol(couple, "pkh")
            #expect(none == .unprocessableContent && (noneProblem["detail"] as? String ?? "").contains("no member of the household counts for PKH"), "\(noneProblem)")
            let (pkh, enrolment) = try await enrol(family, "pkh")
            #expect(pkh == .created, "\(enrolment)")
            #expect(enrolment["pkhComponents"] as? [String] == ["primarySchool", "earlyChildhood"], "the son at SD, the daughter under six")

            let son = members[2], daughter = members[3]
            let (withoutMember, withoutProblem) = try await enrol(family, "pip")
            #expect(withoutMember == .unprocessableContent && withoutProblem["field"] as? String == "memberNIK")
            let (notPupil, notPupilProblem) = try await enrol(family, "pip", member: daughter.nik)
            #expect(notPupil == .unprocessableContent && notPupilProblem["code"] as? String == "not-eligible", "\(notPupilProblem)")
            let (stranger, _) = try await enrol(family, "pip", member: try NIK(HouseholdRegistration.sampleMemberNIK(7, month: 10, year: 16)))
            #expect(stranger == .notFound, "not a member of this household")
            let (pip, pipEnrolment) = try await enrol(family, "pip", member: son.nik)
            #expect(pip == .created && pipEnrolment["memberNIK"] as? String == son.nik.rawValue, "\(pipEnrolment)")
            #expect(try await enrol(family, "pip", member: son.nik).0 == .conflict, "the pupil is enrolled already")
            #expect(try await enrol(family, "rastra", member: son.nik).0 == .unprocessableContent, "rastra enrols the household")

            let pipID = try #require(pipEnrolment["id"] as? String)
            let delivery: [String: Any] = ["amountRupiah": 450_000, "period": "2027", "deliveredOn": "2027-02-01"]
            let (delivered, deliveryView) = try await send("/v1/enrolments/\(pipID)/deliveries", .post, Fixture.json(delivery))
            #expect(delivered == .created && deliveryView["memberNIK"] as? String == son.nik.rawValue, "the enrolment's member")
            var wrong = delivery
            wrong["memberNIK"] = daughter.nik.rawValue
            #expect(try await send("/v1/enrolments/\(pipID)/deliveries", .post, Fixture.json(wrong)).0 == .unprocessableContent)
        }
        let started = try await cluster.database.read { db in
            try String.fetchAll(db, sql: "SELECT CAST(value AS TEXT) FROM outboxMessage WHERE json_extract(headers, '$.ce_type') LIKE '%enrolment.started%'")
        }
        #expect(started.contains { $0.contains(#""pkhComponents":["primarySchool","earlyChildhood"]"#) })
        #expect(started.contains { $0.contains(#""memberNIK":"\#(members[2].nik.rawValue)""#) })
    }

    @Test("members added, changed and taken off (with the reason in the event); one person in one KK, members included; a bad member is a 422 naming its field")
    func membersChange() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        let family = try HouseholdRegistration.sample(1, withMembers: true)
        let members = try #require(family.members)
        let other = try HouseholdRegistration.sample(2)
        try await app.test(.live) { client in
            func send(_ uri: String, _ method: HTTPRequest.Method, _ body: ByteBuffer) async throws -> (HTTPResponse.Status, [String: Any]) {
                let response = try await client.execute(uri: uri, method: method, headers: cluster.authorization, body: body)
                return (response.status, Fixture.object(response.body))
            }
            #expect(try await send("/v1/households", .post, Fixture.json(family)).0 == .created)
            #expect(try await send("/v1/households", .post, Fixture.json(other)).0 == .created)
            let son = members[2]
            let kk = family.kkNumber.rawValue, otherKK = other.kkNumber.rawValue

            // The son listed in a second KK: 409 naming the field, the NIK and the KK masked.
            var second = try HouseholdRegistration.sample(3, withMembers: true)
            second.members?[2] = son
            let (conflict, problem) = try await send("/v1/households", .post, Fixture.json(second))
            #expect(conflict == .conflict && problem["code"] as? String == "person-in-another-household" && problem["field"] as? String == "members[2].nik", "\(problem)")
            let detail = problem["detail"] as? String ?? ""
            #expect(detail.contains(son.nik.masked) && detail.contains(family.kkNumber.masked) && !detail.contains(son.nik.rawValue) && detail.contains("pecah KK"))

            // The other household has no list: its first member must be its head.
            var sonThere = son
            sonThere.relationship = .grandchild
            #expect(try await send("/v1/households/\(otherKK)/members", .post, Fixture.json(sonThere)).0 == .unprocessableContent)
            let otherHead = HouseholdMember(
                nik: other.headNIK, name: other.headName, relationship: .head, sex: .male,
                birthDate: try CalendarDate(String(format: "19%@-07-15", String(HouseholdRegistration.sampleNIK(2).dropFirst(10).prefix(2)))))
            let (headAdded, headView) = try await send("/v1/households/\(otherKK)/members", .post, Fixture.json(otherHead))
            #expect(headAdded == .created && headView["memberCount"] as? Int == 1, "\(headView)")
            #expect(try await send("/v1/households/\(otherKK)/members", .post, Fixture.json(sonThere)).0 == .conflict, "still in the first KK")

            // He moves out (pecah KK): taken off the first KK with the reason, then added to the other.
            let (left, leftView) = try await send("/v1/households/\(kk)/members/\(son.nik.rawValue)/departure", .post, Fixture.json(["reason": "movedOut"]))
            #expect(left == .ok && leftView["memberCount"] as? Int == 3 && (leftView["members"] as? [Any])?.count == 3, "\(leftView)")
            #expect(try await send("/v1/households/\(otherKK)/members", .post, Fixture.json(sonThere)).0 == .created)
            #expect(try await send("/v1/households/\(kk)/members/\(family.headNIK.rawValue)/departure", .post, Fixture.json(["reason": "died"])).0 == .conflict, "the head leaves only after a new head")
            #expect(try await send("/v1/households/\(kk)/members/\(son.nik.rawValue)/departure", .post, Fixture.json(["reason": "died"])).0 == .notFound)

            // A change of a member's facts; the count cannot contradict the list.
            let (changed, changedView) = try await send("/v1/households/\(kk)/members/\(members[1].nik.rawValue)", .patch, Fixture.json(["pregnantOrNursing": true]))
            #expect(changed == .ok && (changedView["pkhComponents"] as? [String])?.contains("pregnantOrNursing") == true, "\(changedView)")
            let (count, countProblem) = try await send("/v1/households/\(kk)", .patch, Fixture.json(["memberCount": 7]))
            #expect(count == .unprocessableContent && countProblem["field"] as? String == "memberCount", "\(countProblem)")
            let (dropped, droppedProblem) = try await send("/v1/households/\(kk)", .patch, Fixture.json(["members": [JSONBody.object(members[0])]]))
            #expect(dropped == .unprocessableContent && droppedProblem["field"] as? String == "departures", "\(droppedProblem)")

            // Members that contradict their NIK, or the list's rules: 422 naming the field.
            var bad = try HouseholdRegistration.sample(4, withMembers: true)
            bad.members?[1].sex = .male
            let (sex, sexProblem) = try await send("/v1/households", .post, Fixture.json(bad))
            #expect(sex == .unprocessableContent && sexProblem["field"] as? String == "members[1].sex", "\(sexProblem)")
            bad = try HouseholdRegistration.sample(4, withMembers: true)
            bad.members?[2].birthDate = try CalendarDate("2016-10-01")
            let (born, bornProblem) = try await send("/v1/households", .post, Fixture.json(bad))
            #expect(born == .unprocessableContent && bornProblem["field"] as? String == "members[2].birthDate", "\(bornProblem)")
            bad = try HouseholdRegistration.sample(4, withMembers: true)
            bad.members?[1].relationship = .head
            #expect(try await send("/v1/households", .post, Fixture.json(bad)).1["field"] as? String == "members")
            let (nul, nulProblem) = try await send("/v1/households/\(kk)/members/\(members[1].nik.rawValue)", .patch, Fixture.json(["name": "Siti\u{0}"]))
            #expect(nul == .unprocessableContent && nulProblem["field"] as? String == "name", "\(nulProblem)")
        }
        let updates = try await cluster.database.read { db in
            try String.fetchAll(db, sql: "SELECT CAST(value AS TEXT) FROM outboxMessage WHERE json_extract(headers, '$.ce_type') LIKE '%household.updated%'")
        }
        #expect(updates.contains { $0.contains(#""departures":[{"nik":"\#(members[2].nik.rawValue)","reason":"movedOut"}]"#) }, "\(updates)")
        #expect(try await cluster.count("householdMember") == 5, "3 left in the first KK, 2 in the other")
    }

    @Test("a members file beside the households file: each household's rows its whole list; a household with a refused row is left as it was, every row of it rejected")
    func membersFile() async throws {
        let kafka = try EmbeddedKafka(logger: TestCluster.logger)
        defer { kafka.stop() }
        let (cluster, app) = try await TestCluster.make(SocialAidCommand.definition, kafka: kafka)
        defer { cluster.remove() }
        let households = try (1...3).map { try HouseholdRegistration.sample($0) }
        func rows(_ number: Int, change: (inout [HouseholdMember]) -> Void = { _ in }) throws -> String {
            var members = try HouseholdRegistration.sampleMembers(number)
            change(&members)
            return members.map { member in
                [HouseholdRegistration.sampleKK(number), member.nik.rawValue, member.name, member.relationship == .spouse ? "Istri" : member.relationship.rawValue,
                 member.sex == .male ? "L" : "P", member.birthDate.description, member.schoolLevel?.rawValue ?? "", member.inSchool ? "ya" : "", "", ""]
                    .joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        }
        let header = "kkNumber,nik,name,relationship,sex,birthDate,schoolLevel,inSchool,pregnantOrNursing,severeDisability\n"
        let csv = header + (try rows(1)) + (try rows(2) { $0[3].sex = .male })
            + (try rows(3)) + "\(HouseholdRegistration.sampleKK(1)),3509310101200001,Nanti,child,L,2020-01-01,,,,\n"
        let householdOne = header + (try rows(1))
        try await app.test(.live) { client in
            for household in households {
                #expect(try await client.execute(uri: "/v1/households", method: .post, headers: cluster.authorization, body: Fixture.json(household)).status == .created)
            }
            var headers = cluster.authorization
            headers[.contentType] = "text/csv"
            let response = try await client.execute(uri: "/v1/households/members/import", method: .post, headers: headers, body: ByteBuffer(string: csv))
            let summary = Fixture.object(response.body)
            #expect(response.status == .ok && summary["rows"] as? Int == 13 && summary["updated"] as? Int == 2 && summary["rejected"] as? Int == 5, "\(summary)")
            let rejections = summary["rejections"] as? [[String: Any]] ?? []
            #expect(rejections.first { $0["row"] as? Int == 9 }?["field"] as? String == "sex", "the daughter written as a boy: \(rejections)")
            #expect(rejections.filter { ($0["reason"] as? String ?? "").hasPrefix("not applied") }.count == 3, "her household's other rows")
            #expect(rejections.last?["row"] as? Int == 14 && rejections.last?["field"] as? String == "kkNumber", "KK 1 again, apart from its rows")
            let again = try await client.execute(uri: "/v1/households/members/import", method: .post, headers: headers, body: ByteBuffer(string: householdOne))
            #expect(Fixture.object(again.body)["unchanged"] as? Int == 1, "the same list again changes nothing")
        }
        #expect(try await cluster.count("householdMember") == 8, "households 1 and 3; household 2 as it was")
    }
}
