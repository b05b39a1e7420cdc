import EntasDomain

/// Region names as tables print them.
enum RegionNames {
    /// `Kabupaten Jember` → `Kab. Jember`, so narrow tables keep the part that differs.
    static func short(_ name: String) -> String {
        name.hasPrefix("Kabupaten ") ? "Kab. " + name.dropFirst("Kabupaten ".count) : name
    }

    /// What the regions one level below `level` are called: `kabupaten/kota` under the province.
    static func childrenWord(of level: RegionLevel, depth: Int) -> String {
        RegionLevel(rawValue: level.rawValue + depth)?.indonesianName ?? Message("cli.word.region").rendered()
    }
}
