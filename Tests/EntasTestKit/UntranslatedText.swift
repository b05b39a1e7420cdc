import EntasDomain

/// Finds text that reads the same in Bahasa Indonesia and in English although it holds words: a text that
/// did not go through the language catalogues. Names and codes are the same in both languages and do not
/// count: regions, clusters and their agencies, strategies, programmes, statuses, abbreviations, months.
public enum UntranslatedText {
    /// The pieces of `indonesian` (text nodes of a page, lines of a table) that `english` has word for word and
    /// that hold a word other than the shared ones (and `alsoShared`).
    public static func pieces(_ indonesian: [String], sameIn english: [String], alsoShared: Set<String> = []) -> [String] {
        let englishPieces = Set(english)
        return indonesian.filter { piece in
            englishPieces.contains(piece)
                && !words(piece).allSatisfy { sharedWords.contains($0) || alsoShared.contains($0) }
        }
    }

    /// The words of `text`, lowercased (runs of letters).
    public static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
    }

    /// Words that are the same in both languages: the programme's own names and codes.
    public static let sharedWords: Set<String> = {
        var words: Set<String> = [
            "entas", "jatim", "tanpa", "keluarga", "sangat", "miskin", "hampir", "sm", "m", "hm", "tm", "g", "kk", "wib", "bahasa",
            "indonesia", "english", "jiwa", "desa", "kelurahan", "kecamatan", "kabupaten", "kota", "provinsi", "html", "pdf", "rp",
            "nik", "kab", "grad",
        ]
        func add(_ text: String) { words.formUnion(Self.words(text)) }
        var pending = [RegionCode.eastJava]
        while let code = pending.popLast() {
            if let region = RegionReference.eastJava.region(code) { add(region.name); add(region.kind.title) }
            pending += RegionReference.eastJava.children(of: code).map(\.code)
        }
        for cluster in Cluster.allCases {
            add(cluster.indonesianName)
            for language in Language.allCases { add(Language.$current.withValue(language) { cluster.agency }) }
        }
        for strategy in Strategy.allCases { add(strategy.indonesianName) }
        for programme in ProgrammeCatalogue.all { add(programme.code); add(programme.indonesianName) }
        for status in PovertyStatus.allCases { add(status.label) }
        // Month abbreviations some of which both languages share (Jan, Mar, Apr, Jun, Jul, Sep, Nov).
        for month in 1...12 { add(Language.indonesian.monthName(month, abbreviated: true)) }
        return words
    }()
}
