import Foundation

extension HouseholdRegistered {
    /// The event's JSON value written field by field, the same bytes as ``EventJSON``'s encoder (sorted keys,
    /// no whitespace, absent optionals left out), for the usual registration: no member list, and a name and
    /// an address of printable ASCII without a quote or a backslash. Nil for any other registration, which
    /// the encoder writes. An import encodes one registration a row; the encoder's generic coding cost more
    /// than the row's insert.
    func plainJSON() -> Data? {
        guard members == nil, Self.isPlain(headName), Self.isPlain(address) else { return nil }
        var json: [UInt8] = []
        json.reserveCapacity(160 + headName.utf8.count + address.utf8.count + criteriaMet.count * 40)
        func key(_ name: StaticString, first: Bool = false) {
            if !first { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "\""))
            json.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            json.append(contentsOf: "\":".utf8)
        }
        func text(_ value: String) {
            json.append(UInt8(ascii: "\""))
            json.append(contentsOf: value.utf8)
            json.append(UInt8(ascii: "\""))
        }
        json.append(UInt8(ascii: "{"))
        // Keys in the encoder's order (byte order: `headNIK` before `headName`).
        key("address", first: true)
        text(address)
        if let baselinePeriod {
            key("baselinePeriod")
            text(baselinePeriod.jsonText)
        }
        if let baselineStatus {
            key("baselineStatus")
            text(baselineStatus.rawValue)
        }
        key("criteriaMet")
        json.append(UInt8(ascii: "["))
        for (index, criterion) in criteriaMet.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            text(criterion.rawValue)
        }
        json.append(UInt8(ascii: "]"))
        key("desaCode")
        text(desaCode.jsonText)
        key("headNIK")
        text(headNIK.jsonText)
        key("headName")
        text(headName)
        key("kkNumber")
        text(kkNumber.jsonText)
        key("memberCount")
        json.append(contentsOf: String(memberCount).utf8)
        key("registeredBy")
        text(registeredBy.rawValue)
        json.append(UInt8(ascii: "}"))
        return Data(json)
    }

    /// True for text JSON writes as it is: printable ASCII without `"` or `\`.
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x20...0x7E).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }
}
