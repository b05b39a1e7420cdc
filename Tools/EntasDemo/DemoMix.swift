/// Derives independent random streams from the demo seed, so every household (and every household's
/// programme cycle) has its own generator and can be produced without producing the ones before it.
enum DemoMix {
    /// What a derived stream is for; a different salt gives an unrelated stream from the same seed.
    enum Salt: UInt64 {
        case household = 0x686F_7573_6568_6F6C
        case statusOrder = 0x7374_6174_7573_6F72
        case cycle = 0x6379_636C_6500_0000
        case kkSequence = 0x6B6B_7365_7100_0000
        case nikSequence = 0x6E69_6B73_6571_0000
        case layout = 0x6C61_796F_7574_0000
        case verification = 0x7665_7276_616C_0000
        case members = 0x6D65_6D62_6572_7300
    }

    /// A 64-bit value mixing `seed`, `salt` and `parts`; equal inputs give equal outputs.
    static func combine(_ seed: UInt64, _ salt: Salt, _ parts: UInt64...) -> UInt64 {
        var hash = SplitMix64.finalize(seed ^ salt.rawValue)
        for part in parts {
            hash = SplitMix64.finalize(hash &+ 0x9E37_79B9_7F4A_7C15 ^ part)
        }
        return hash
    }

    /// A generator for the stream named by `seed`, `salt` and `parts`.
    static func generator(_ seed: UInt64, _ salt: Salt, _ parts: UInt64...) -> SplitMix64 {
        var hash = SplitMix64.finalize(seed ^ salt.rawValue)
        for part in parts {
            hash = SplitMix64.finalize(hash &+ 0x9E37_79B9_7F4A_7C15 ^ part)
        }
        return SplitMix64(seed: hash)
    }

    /// FNV-1a of a text's UTF-8 bytes: a stable hash (unlike `Hasher`, which is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
