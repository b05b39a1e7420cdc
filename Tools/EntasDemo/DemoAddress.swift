import EntasDomain

/// Synthetic addresses: `Dusun Krajan RT 002 RW 001` in a desa, `Jl. Kenanga Gg. 3 No. 12, RT 004 RW 002`
/// in a kelurahan (the comma makes the CSV quote the field). Dusun and street names are common
/// generic place words, not real addresses.
enum DemoAddress {
    /// Common dusun names of East Javanese and Madurese villages; every desa has a Krajan (its centre).
    static let dusunNames = [
        "Krajan", "Tegalrejo", "Sumberan", "Karanganyar", "Gumuk", "Curah", "Tanjung", "Sumbersari", "Pandean",
        "Ampel", "Gudang", "Tengah", "Lor", "Kidul", "Wetan", "Kulon", "Bendungan", "Manggis", "Duren", "Jati",
        "Sawahan", "Talang", "Gunungsari", "Baban", "Langsepan", "Poreng", "Tamansari", "Sumbercandik", "Paleran",
        "Rembangan",
    ]

    /// Generic street names (flowers and trees) for kelurahan addresses.
    static let streetNames = [
        "Melati", "Kenanga", "Mawar", "Dahlia", "Cempaka", "Flamboyan", "Anggrek", "Teratai", "Nusa Indah",
        "Seruni", "Kemuning", "Sawo", "Asem", "Randu", "Bambu",
    ]

    /// The places a desa's addresses use: 3–6 dusun for a desa (Krajan first), 3–6 streets for a
    /// kelurahan. Fixed per region code, whatever the seed.
    static func places(for region: Region) -> [String] {
        let names = region.kind == .kelurahan ? streetNames : dusunNames
        var generator = DemoMix.generator(DemoMix.stableHash(region.code.digits), .layout, 1)
        let count = 3 + generator.next(below: 4)
        var chosen = region.kind == .kelurahan ? [] : [names[0]]
        var candidates = region.kind == .kelurahan ? names : Array(names.dropFirst())
        while chosen.count < count, !candidates.isEmpty {
            chosen.append(candidates.remove(at: generator.next(below: candidates.count)))
        }
        return chosen
    }

    /// One household's address in `desa`. A dusun's RW is its position (RW 001 for the first); RT numbers
    /// restart in every RW.
    static func address(in desa: DemoLayout.Desa, using generator: inout SplitMix64) -> String {
        let placeIndex = generator.next(below: max(desa.places.count, 1))
        let place = desa.places.isEmpty ? "Krajan" : desa.places[placeIndex]
        if desa.isUrban {
            let gang = 1 + generator.next(below: 9)
            let number = 1 + generator.next(below: 60)
            let rt = 1 + generator.next(below: 10)
            let rw = 1 + generator.next(below: 12)
            return "Jl. \(place) Gg. \(gang) No. \(number), RT \(DemoDigits.padded(rt, 3)) RW \(DemoDigits.padded(rw, 3))"
        }
        let rtCount = 2 + Int(DemoMix.combine(DemoMix.stableHash(desa.region.code.digits), .layout, UInt64(placeIndex)) % 5)
        let rt = 1 + generator.next(below: rtCount)
        return "Dusun \(place) RT \(DemoDigits.padded(rt, 3)) RW \(DemoDigits.padded(placeIndex + 1, 3))"
    }
}
