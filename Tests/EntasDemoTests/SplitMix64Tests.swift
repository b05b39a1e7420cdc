import EntasDemo
import Testing

@Suite struct SplitMix64Tests {
    @Test("matches the reference SplitMix64 outputs")
    func referenceOutputs() {
        var generator = SplitMix64(seed: 1_234_567)
        #expect(generator.next() == 6_457_827_717_110_365_317)
        #expect(generator.next() == 3_203_168_211_198_807_973)
        #expect(generator.next() == 9_817_491_932_198_370_423)
    }

    @Test("bounded draws stay in range and cover it")
    func bounded() {
        var generator = SplitMix64(seed: 7)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let value = generator.next(below: 10)
            #expect((0..<10).contains(value))
            seen.insert(value)
            let ranged = generator.next(in: 3...5)
            #expect((3...5).contains(ranged))
            let unit = generator.unit()
            #expect(unit >= 0 && unit < 1)
        }
        #expect(seen.count == 10)
        #expect(generator.next(below: 0) == 0 && generator.next(below: 1) == 0)
    }

    @Test("weighted draws never pick a zero weight")
    func weighted() {
        var generator = SplitMix64(seed: 9)
        var counts = [0, 0, 0, 0]
        for _ in 0..<4_000 { counts[generator.index(weights: [1, 0, 3, -2])] += 1 }
        #expect(counts[1] == 0 && counts[3] == 0)
        #expect(counts[2] > counts[0] * 2)
        #expect(generator.index(weights: []) == 0)
        #expect(generator.element(of: [Int]()) == nil)
    }
}
