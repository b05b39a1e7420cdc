import EntasDomain
import Testing

@Suite("Clean text: no control or bidirectional override characters, trimmed, NFC")
struct CleanTextTests {
    @Test("control characters, DEL, C1, bidirectional embeddings, overrides and isolates are found; letters of any script are not")
    func forbidden() {
        for text in ["Siti\u{0}", "Siti\u{1B}[31m", "\u{7F}", "a\u{9B}b", "Siti \u{202E}hanimA", "\u{202A}x", "\u{2066}x\u{2069}", "x\u{2068}"] {
            #expect(CleanText.forbidden(in: text) != nil, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        for text in ["Siti Aminah", "Dusun Krajan\nRT 01", "Siti\t", "a\u{85}b", "Dusun Krajan, RT 01/RW 02", "Ṣāliḥ", "محمد", "José", "東京", "\u{200F}"] {
            #expect(CleanText.forbidden(in: text) == nil, "\(text)")
        }
        #expect(CleanText.describe("\u{202E}") == "U+202E, a bidirectional embedding or override character")
        #expect(CleanText.describe("\u{0}") == "U+0000, a control character")
        #expect(CleanText.describe("\u{2067}") == "U+2067, a bidirectional isolate character")
    }

    @Test("text is trimmed, its line breaks and tabs folded into a space, and put in NFC; plain ASCII comes back as it is")
    func normalized() {
        #expect(CleanText.normalized("  Siti Aminah ") == "Siti Aminah")
        #expect(CleanText.normalized("Jose\u{301}").unicodeScalars.count == 4, "e + combining acute becomes é")
        #expect(CleanText.normalized("Jose\u{301}") == "José")
        #expect(CleanText.normalized("Siti") == "Siti")
        #expect(CleanText.normalized("\u{3000}Siti\u{A0}") == "Siti", "ideographic and no-break spaces are trimmed too")
        #expect(CleanText.normalized("Dusun Krajan\r\n\tRT 02\n") == "Dusun Krajan RT 02", "line breaks and tabs fold into one space")
    }
}
