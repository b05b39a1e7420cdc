import EntasDomain
import Foundation
import Testing

/// The domain's errors reach people (problem documents, CSV row errors): each says what was wrong in Indonesian
/// and in English, from the catalogues, with the same values, and its `description` stays the English text.
@Suite("Domain errors in Indonesian and English")
struct DomainMessageTests {
    /// Every case of the value errors, with the values their texts must show.
    static func valueErrors() throws -> [(any MessageConvertible & CustomStringConvertible, [String])] {
        var errors: [(any MessageConvertible & CustomStringConvertible, [String])] = [
            (IdentityNumberError.wrongLength(field: "nik", length: 15), ["nik", "NIK", "15"]),
            (IdentityNumberError.wrongLength(field: "kkNumber", length: 17), ["kkNumber", "No. KK", "17"]),
            (IdentityNumberError.nonDigit(field: "kkNumber"), ["kkNumber", "No. KK"]),
            (IdentityNumberError.unknownKecamatan(field: "nik", prefix: "350999"), ["nik", "350999"]),
            (IdentityNumberError.zeroSequence(field: "nik"), ["nik", "0000"]),
            (RegionCodeError.empty, ["35.09.31.2006"]),
            (RegionCodeError.malformed(input: "35-09"), ["\"35-09\""]),
            (RegionCodeError.notEastJava(province: "36"), ["\"36\""]),
            (RegionCodeError.zeroSegment(input: "35.00"), ["\"35.00\""]),
            (RegionCodeError.unknown(try RegionCode("35.09.31.2999")), ["35.09.31.2999"]),
            (CalendarDateError.malformed(input: "15/03/2027"), ["15/03/2027", "2027-03-15"]),
            (CalendarDateError.outOfRange(year: 2027, month: 2, day: 30), ["2027", "30"]),
            (PeriodError.malformed(input: "2027-Q5"), ["2027-Q5"]),
            (PeriodError.outOfRange(year: 0, unit: "year", number: nil), ["0"]),
            (PeriodError.outOfRange(year: 2027, unit: "quarter", number: 5), ["2027", "5"]),
            (PeriodError.outOfRange(year: 2027, unit: "month", number: 13), ["2027", "13"]),
            (CalendarMonthError.malformed("2027/03"), ["2027/03"]),
            (CalendarMonthError.outOfRange(year: 2027, month: 13), ["2027-13"]),
            (EventEncodingError.timeOutOfRange, []),
            (EventEncodingError.emptySource, ["/entas/social-aid"]),
            (EventEncodingError.unencodable(reason: "nan"), ["nan"]),
            (EventDecodingError.missingHeader("ce_id"), ["ce_id"]),
            (EventDecodingError.unsupportedSpecVersion("0.3"), ["0.3"]),
            (EventDecodingError.unknownType("x.y"), ["x.y"]),
            (EventDecodingError.unsupportedVersion(type: "household.registered", version: 2, supported: [1]), ["household.registered"]),
            (EventDecodingError.invalidJSON("the value is empty"), ["the value is empty"]),
            (EventDecodingError.missingField("kkNumber"), ["kkNumber"]),
            (EventDecodingError.invalidField(path: "desaCode", reason: "x"), ["desaCode"]),
        ]
        for level in RegionLevel.allCases where level != .kecamatan {
            errors.append((RegionCodeError.wrongLevel(try RegionCode("35.09.31"), expected: level), ["35.09.31", level.indonesianName]))
        }
        for header in ["ce_id", "ce_time", "ce_source", "content-type", "ce_other"] {
            errors.append((EventDecodingError.invalidHeader(name: header, value: "bad"), [header, "bad"]))
        }
        // The birth-date reasons, as a NIK parse gives them: day 32, month 13, 30 February.
        for text in ["3509313207850001", "3509311513850001", "3509313002850001"] {
            do {
                _ = try NIK(text)
                Issue.record("\(text) parsed")
            } catch {
                errors.append((error, ["nik"]))
            }
        }
        return errors
    }

    @Test("every case of the identity, region, date, period and event errors renders in both languages, values kept")
    func everyCaseRenders() throws {
        for (error, values) in try Self.valueErrors() {
            let indonesian = error.message.rendered(in: .indonesian)
            let english = error.message.rendered(in: .english)
            #expect(!indonesian.contains("⟦") && !english.contains("⟦"), "\(indonesian) / \(english)")
            #expect(indonesian != english, "\(english) is not translated")
            #expect(error.description == english, "the description stays the English text")
            for value in values {
                #expect(indonesian.contains(value) && english.contains(value), "\(value) in \(indonesian) / \(english)")
            }
        }
    }

    @Test("a NIK error says what is wrong in Indonesian, and in English as before")
    func nikTexts() {
        let error = IdentityNumberError.wrongLength(field: "nik", length: 12)
        #expect(
            error.message.rendered(in: .indonesian)
                == "nik: NIK terdiri atas tepat 16 angka, sedangkan yang ini 12 karakter; salin ke-16 angka dari kartu tanpa spasi atau titik")
        #expect(
            error.description
                == "nik: a NIK has exactly 16 digits, this one has 12 characters; copy all 16 digits from the card, without spaces or dots")
        #expect(throws: Never.self) { _ = try NIK(Fixtures.nikText) }
        let birth = #expect(throws: IdentityNumberError.self) { try NIK("3509311513850001") }
        #expect(birth?.message.rendered(in: .indonesian).contains("bulan 13 tidak berada di 01–12") == true, "\(String(describing: birth))")
        #expect(birth?.description.contains("the month 13 is not 01–12") == true)
    }

    @Test("payload rules say what is wrong in both languages; equal errors stay equal by path and English text")
    func payloadRules() throws {
        var delivery = try Fixtures.delivered()
        delivery.inKindUnit = nil
        let unit = try #require(throws: EventValidationError.self) { try delivery.validate(in: .eastJava) }
        #expect(unit.path == "inKindUnit")
        #expect(unit.reason == "is required with inKindQuantity (kg, paket, …)")
        #expect(unit.message.rendered(in: .indonesian) == "wajib diisi bersama inKindQuantity (kg, paket, …)")
        #expect(unit == EventValidationError(path: "inKindUnit", Message("domain.payload.unitRequired")))

        var broken: [(EventValidationError, String)] = []
        func collect(_ path: String, _ work: () throws -> Void) {
            do {
                try work()
                Issue.record("\(path) passed")
            } catch let error as EventValidationError {
                broken.append((error, path))
            } catch {
                Issue.record("\(path): \(error)")
            }
        }
        var registered = try Fixtures.registered()
        registered.headName = "  "
        collect("headName") { try registered.validate(in: .eastJava) }
        registered = try Fixtures.registered()
        registered.desaCode = try RegionCode("35.09.31")
        collect("desaCode") { try registered.validate(in: .eastJava) }
        registered = try Fixtures.registered()
        registered.criteriaMet = [.noPrivateToilet, .noPrivateToilet]
        collect("criteriaMet[1]") { try registered.validate(in: .eastJava) }
        registered = try Fixtures.registered()
        registered.baselineStatus = .graduated
        collect("baselineStatus") { try registered.validate(in: .eastJava) }
        delivery = try Fixtures.delivered()
        delivery.programme = "PKH 2027"
        collect("programme") { try delivery.validate(in: .eastJava) }
        delivery = try Fixtures.delivered()
        delivery.amountRupiah = -5
        collect("amountRupiah") { try delivery.validate(in: .eastJava) }
        delivery = try Fixtures.delivered()
        delivery.inKindQuantity = 0
        collect("inKindQuantity") { try delivery.validate(in: .eastJava) }
        #expect(broken.count == 7)
        for (error, path) in broken {
            #expect(error.path == path)
            let indonesian = error.message.rendered(in: .indonesian)
            #expect(!indonesian.contains("⟦") && indonesian != error.reason, "\(error)")
            #expect(error.description == "\(path): \(error.message.rendered(in: .english))")
        }
        // A producer's error carries the rule as a message, for the problem document.
        var envelope = EventEnvelope(cluster: .socialAid, payload: .benefitDelivered(delivery))
        let encoding = try #require(throws: EventEncodingError.self) { try envelope.encoded() }
        guard case .invalidPayload(let path, let reason) = encoding else {
            Issue.record("expected invalidPayload, got \(encoding)")
            return
        }
        #expect(path == "inKindQuantity")
        #expect(reason.rendered(in: .indonesian) == "harus berupa angka di atas 0")
        #expect(!encoding.message.rendered(in: .indonesian).contains("⟦"))
        envelope = EventEnvelope(cluster: .socialAid, payload: .benefitDelivered(try Fixtures.delivered()))
        #expect(throws: Never.self) { try envelope.encoded() }
    }

    @Test("the clean-text rule and an unknown enumeration value speak both languages")
    func textRules() throws {
        for scalar: Unicode.Scalar in ["\u{0}", "\u{202E}", "\u{2066}"] {
            let rule = CleanText.ruleMessage(scalar)
            #expect(!rule.rendered(in: .indonesian).contains("⟦"))
            #expect(rule.rendered(in: .indonesian).hasPrefix("memuat U+"))
            #expect(CleanText.rule(scalar) == rule.rendered(in: .english))
        }
        let json = Data(#"{"status": "kaya"}"#.utf8)
        struct Body: Decodable { var status: PovertyStatus }
        let error = try #require(throws: DecodingError.self) { try JSONDecoder().decode(Body.self, from: json) }
        guard case .dataCorrupted(let context) = error, let unknown = context.underlyingError as? UnknownValueError else {
            Issue.record("expected an UnknownValueError, got \(error)")
            return
        }
        #expect(unknown.message.rendered(in: .indonesian).hasPrefix("\"kaya\" bukan nilai PovertyStatus yang dikenal; gunakan salah satu dari: "))
        #expect(context.debugDescription == unknown.message.rendered(in: .english))
    }

    @Test("the domain's and the services' catalogue texts are translated, not copied")
    func translated() throws {
        let catalogue = try Catalogue.loadBundled()
        let english = try #require(catalogue.texts[.english]), indonesian = try #require(catalogue.texts[.indonesian])
        let formatOnly: Set = ["service.json.forbiddenCharacter"]
        let keys = english.keys.filter { ($0.hasPrefix("domain.") || $0.hasPrefix("service.")) && !formatOnly.contains($0) }
        #expect(keys.count > 100)
        for key in keys.sorted() {
            #expect(indonesian[key] != english[key], "\(key) reads the same in both languages")
        }
    }
}
