import EntasDomain
import Foundation
import Testing

@Suite struct RegionReferenceTests {
    let reference = RegionReference.eastJava

    @Test("the bundled reference has 38 kabupaten/kota, 666 kecamatan and 8,494 desa/kelurahan")
    func counts() {
        #expect(reference.problems.isEmpty, "\(reference.problems)")
        #expect(reference.count(at: .province) == 1)
        #expect(reference.kabupatenCount == 38)
        #expect(reference.kecamatanCount == 666)
        #expect(reference.desaCount == 8_494)
        #expect(reference.totalCount == 1 + 38 + 666 + 8_494)
        #expect(reference.regions(at: .kabupaten).filter { $0.kind == .kota }.count == 9)
        #expect(reference.regions(at: .desa).filter { $0.kind == .kelurahan }.count == 773)
    }

    @Test("lookups give names and kinds as published")
    func lookups() throws {
        #expect(reference.region(.eastJava)?.name == "Jawa Timur")
        #expect(reference.region(try RegionCode("35.09"))?.name == "Kabupaten Jember")
        #expect(reference.region(try RegionCode("35.09"))?.kind == .kabupaten)
        #expect(reference.region(try RegionCode("35.78"))?.kind == .kota)
        let desa = try #require(reference.region(try RegionCode("35.09.31.2006")))
        #expect(desa.name == "Sumberjambe")
        #expect(desa.kind == .desa)
        #expect(desa.level == .desa)
        #expect(reference.region(try RegionCode("35.26.07.2007"))?.name == "Ra'as")
        #expect(reference.kecamatan(forDigits: "350931")?.name == "Sumberjambe")
        #expect(reference.kecamatan(forDigits: "350999") == nil)
        #expect(reference.kecamatan(forDigits: "3509") == nil)
        #expect(reference.kecamatan(forDigits: "35093x") == nil)
        #expect(!reference.contains(try RegionCode("35.09.31.2999")))
    }

    @Test("the children of 35.09.31 are Sumberjambe's nine desa, sorted by code")
    func children() throws {
        let children = reference.children(of: try RegionCode("35.09.31"))
        #expect(
            children.map(\.name) == [
                "Plerean", "Sumberpakem", "Pringgondani", "Randuagung", "Cumedak", "Sumberjambe", "Gunungmalang",
                "Jambearum", "Rowosari",
            ])
        #expect(children.map(\.code) == children.map(\.code).sorted())
        #expect(reference.children(of: .eastJava).count == 38)
        #expect(reference.children(of: try RegionCode("35.09.31.2006")).isEmpty)
    }

    @Test("parents lead from a desa to the province")
    func parents() throws {
        let desa = try RegionCode("35.09.31.2006")
        #expect(reference.parent(of: desa)?.name == "Sumberjambe")
        #expect(reference.parent(of: try RegionCode("35.09.31"))?.name == "Kabupaten Jember")
        #expect(reference.parent(of: try RegionCode("35.09"))?.name == "Jawa Timur")
        #expect(reference.parent(of: .eastJava) == nil)
        #expect(reference.descendants(of: try RegionCode("35.09"), at: .kecamatan).count == 31)
    }

    @Test("require names the unknown code and checks the level")
    func require() throws {
        let unknown = try RegionCode("35.09.99")
        let error = try #require(throws: RegionCodeError.self) { try reference.require(unknown) }
        #expect(error == .unknown(unknown))
        #expect(error.description.contains("35.09.99"))
        let kecamatan = try RegionCode("35.09.31")
        #expect(throws: RegionCodeError.wrongLevel(kecamatan, expected: .desa)) {
            try reference.require(kecamatan, level: .desa)
        }
        #expect(try reference.require(try RegionCode("35.09.31.2006"), level: .desa).name == "Sumberjambe")
    }

    @Test("loading the bundled files takes well under a second")
    func loadingIsFast() throws {
        let clock = ContinuousClock()
        var loaded: RegionReference?
        let elapsed = try clock.measure { loaded = try RegionReference.loadBundled() }
        #expect(loaded?.desaCount == 8_494)
        #expect(elapsed < .milliseconds(1000), "took \(elapsed)")
    }
}

@Suite struct RegionReferenceLoadingTests {
    /// Writes the three CSV files to a fresh temporary directory.
    func directory(kabupaten: String, kecamatan: String, desa: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("regions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(kabupaten.utf8).write(to: url.appendingPathComponent("kabupaten.csv"))
        try Data(kecamatan.utf8).write(to: url.appendingPathComponent("kecamatan.csv"))
        try Data(desa.utf8).write(to: url.appendingPathComponent("desa.csv"))
        return url
    }

    @Test("malformed lines are skipped and recorded, good lines kept")
    func skipsBadLines() throws {
        let url = try directory(
            kabupaten:
                "code,name,kind\n35.09,Kabupaten Jember,kabupaten\n35.10,Kabupaten X,regency\n36.01,Aceh,kabupaten\n",
            kecamatan:
                "code,name,kabupaten_code\r\n35.09.31,Sumberjambe,35.09\r\n35.09.32,Wrong Parent,35.10\r\n35.09.33\r\n",
            desa: "code,name,kecamatan_code,kind\n35.09.31.2006,Sumberjambe,35.09.31,desa\n"
                + "35.09.31.2007,\"Quoted, Name\",35.09.31,desa\n35.09.31.2008,,35.09.31,desa\n"
                + "35.09.31.1001,Orphan Kind,35.09.31,kabupaten\n35.09.99.2001,Orphan,35.09.99,desa\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let reference = try RegionReference.load(from: url)
        #expect(reference.kabupatenCount == 1)
        #expect(reference.kecamatanCount == 1)
        #expect(reference.desaCount == 2)
        #expect(reference.region(try RegionCode("35.09.31.2007"))?.name == "\"Quoted, Name\"")
        let lines = reference.problems.map { "\($0.file):\($0.line)" }
        #expect(lines.contains("kabupaten.csv:3"))
        #expect(lines.contains("kabupaten.csv:4"))
        #expect(lines.contains("kecamatan.csv:3"))
        #expect(lines.contains("kecamatan.csv:4"))
        #expect(lines.contains("desa.csv:4"))
        #expect(lines.contains("desa.csv:5"))
        #expect(reference.problems.contains { $0.reason.contains("35.09.99.2001") })
    }

    @Test("a wrong header is a typed error naming the file")
    func wrongHeader() throws {
        let url = try directory(kabupaten: "kode,nama\n", kecamatan: "", desa: "")
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: RegionReferenceError.self) { try RegionReference.load(from: url) }
        #expect(error == .unexpectedHeader(file: "kabupaten.csv", found: "kode,nama", expected: "code,name,kind"))
    }

    @Test("a missing directory is a typed error, not a crash")
    func missingDirectory() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)")
        let error = try #require(throws: RegionReferenceError.self) { try RegionReference.load(from: url) }
        guard case .unreadable(let file, _) = error else {
            Issue.record("expected unreadable, got \(error)")
            return
        }
        #expect(file == "kabupaten.csv")
    }

    @Test("a reference built in code drops orphans and duplicates")
    func builtInCode() throws {
        let reference = RegionReference(regions: [
            Region(code: try RegionCode("35.09.31"), name: "Sumberjambe", kind: .kecamatan),
            RegionReference.provinceRegion,
            Region(code: try RegionCode("35.09"), name: "Kabupaten Jember", kind: .kabupaten),
            Region(code: try RegionCode("35.09"), name: "Duplicate", kind: .kabupaten),
            Region(code: try RegionCode("35.10.01"), name: "Orphan", kind: .kecamatan),
        ])
        #expect(reference.totalCount == 3)
        #expect(reference.region(try RegionCode("35.09"))?.name == "Kabupaten Jember")
        #expect(reference.problems.count == 2)
    }
}
