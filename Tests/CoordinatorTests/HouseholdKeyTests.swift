import EntasAPI
import EntasDomain
import Foundation
import Testing

@testable import Coordinator
import EntasTestKit

@Suite(.english) struct HouseholdKeyTests {
    @Test("a key is the hex HMAC-SHA256 of the KK digits under the secret")
    func knownValue() throws {
        // printf 3509311203080001 | openssl dgst -sha256 -hmac entas-test-secret-16
        let secret = try HouseholdKeySecret(bytes: Array("entas-test-secret-16".utf8))
        let key = HouseholdKey(kk: try KKNumber("3509311203080001"), secret: secret)
        #expect(key.rawValue == "9b328a274b56dbcc71a29bd2159f628c937e41e1f4feb20c41e50163f63dd875")
    }

    @Test("keys are stable for one secret and differ between secrets and households")
    func stability() throws {
        let kk = try KKNumber("3509311203080001")
        let other = try HouseholdKeySecret(hex: String(repeating: "ab", count: 32))
        let key = HouseholdKey(kk: kk, secret: testSecret)
        #expect(key == HouseholdKey(kk: kk, secret: testSecret))
        #expect(key != HouseholdKey(kk: kk, secret: other))
        #expect(key != HouseholdKey(kk: try KKNumber("3509311203080002"), secret: testSecret))
        #expect(key.rawValue.count == 64 && !key.rawValue.contains(kk.rawValue))
        #expect(try HouseholdKey(key.rawValue) == key)
        #expect(CoordinatorReadModel(secret: testSecret).key(for: kk) == key)
        // One read model keys many households: each key as a read model of its own would give it.
        let readModel = CoordinatorReadModel(secret: testSecret)
        for number in 1...50 {
            let household = try KKNumber("35093112030\(String(format: "%05d", number))")
            #expect(readModel.key(for: household) == HouseholdKey(kk: household, secret: testSecret))
            #expect(readModel.key(for: kk) == key)
        }
    }

    @Test("a secret shorter than 16 bytes is refused with a clear error", arguments: [0, 1, 15])
    func shortSecret(length: Int) {
        #expect(throws: HouseholdKeyError.secretTooShort(byteCount: length)) {
            try HouseholdKeySecret(bytes: [UInt8](repeating: 7, count: length))
        }
        #expect(HouseholdKeyError.secretTooShort(byteCount: length).description.contains("openssl rand -hex 32"))
    }

    @Test(
        "hex secrets are read in either case; anything else is refused",
        arguments: ["0g", "abc", "zz" + String(repeating: "00", count: 16)])
    func hexSecret(text: String) throws {
        #expect(
            try HouseholdKeySecret(hex: String(repeating: "aB", count: 16)).bytes == [UInt8](repeating: 0xAB, count: 16)
        )
        #expect(throws: HouseholdKeyError.secretNotHex) { try HouseholdKeySecret(hex: text) }
        #expect(throws: HouseholdKeyError.secretTooShort(byteCount: 15)) {
            try HouseholdKeySecret(hex: String(repeating: "00", count: 15))
        }
    }

    @Test("printing a secret shows its length, never its bytes")
    func secretIsHidden() throws {
        let secret = try HouseholdKeySecret(bytes: Array("a very secret passphrase".utf8))
        #expect(String(describing: secret) == "HouseholdKeySecret(24 bytes, hidden)")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("secret passphrase") && !dumped.contains("97"))
    }

    @Test(
        "malformed key text is refused",
        arguments: ["", "ABC", String(repeating: "A", count: 64), String(repeating: "g", count: 64)])
    func malformedKey(text: String) {
        #expect(throws: HouseholdKeyError.malformedKey) { try HouseholdKey(text) }
    }
}
