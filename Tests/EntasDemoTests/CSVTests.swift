import EntasDemo
import EntasDomain
import Testing

@Suite struct CSVTests {
    /// A minimal RFC 4180 reader for one line: quoted fields with doubled quotes inside.
    static func fields(of line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        current.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    @Test("the header names ImportController's columns in order")
    func header() {
        let importColumns = [
            "kkNumber", "headNIK", "headName", "address", "desaCode", "memberCount", "criteriaMet", "baselineStatus",
        ]
        #expect(DemoCSV.columns == importColumns)
        #expect(DemoFixture.plan.csvHeader == importColumns.joined(separator: ","))
    }

    @Test("every row reads back as its household, the way the import parses it")
    func rowsReadBack() throws {
        var quotedRows = 0
        for household in DemoFixture.households {
            let row = DemoFixture.plan.csvRow(for: household)
            if row.contains("\"") { quotedRows += 1 }
            let fields = Self.fields(of: row)
            #expect(fields.count == 8)
            #expect(fields[0] == household.kkNumber && fields[1] == household.headNIK)
            #expect(fields[2] == household.headName && fields[3] == household.address)
            #expect(try RegionCode(fields[4]) == household.desaCode)
            #expect(Int(fields[5]) == household.memberCount)
            let criteria = fields[6].split(separator: ";").compactMap { PovertyCriterion(rawValue: String($0)) }
            #expect(criteria == household.criteriaMet)
            #expect(PovertyStatus(abbreviation: fields[7]) == household.baselineStatus)
        }
        #expect(quotedRows > 0)
    }

    @Test("fields with commas, quotes or line breaks are quoted")
    func escaping() {
        #expect(DemoCSV.escaped("Dusun Krajan RT 001") == "Dusun Krajan RT 001")
        #expect(DemoCSV.escaped("Jl. Melati, RT 001") == "\"Jl. Melati, RT 001\"")
        #expect(DemoCSV.escaped("Mat \"Sani\"") == "\"Mat \"\"Sani\"\"\"")
        #expect(DemoCSV.escaped("a\nb") == "\"a\nb\"")
        #expect(Self.fields(of: DemoCSV.escaped("x, \"y\"")) == ["x, \"y\""])
    }

    @Test("chunks join to the whole text, header first")
    func chunks() {
        let households = DemoFixture.plan.households(seed: 5, scale: 0.1)
        let chunks = Array(DemoCSVChunks(households: households, rowsPerChunk: 1_000))
        #expect(chunks.count == (households.count + 999) / 1_000)
        #expect(chunks.first?.hasPrefix(DemoCSV.header + "\n") == true)
        #expect(chunks.joined() == DemoCSV.text(for: households))
        #expect(chunks.joined().split(separator: "\n").count == households.count + 1)
        let empty = DemoPlan(reference: RegionReference(regions: [RegionReference.provinceRegion]))
        #expect(Array(empty.csvChunks(seed: 1)) == [DemoCSV.header + "\n"])
    }
}
