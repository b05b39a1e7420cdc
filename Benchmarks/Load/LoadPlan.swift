import EntasDev
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The schedule of a run: request i is due at i / rate seconds; each is sent at its time
/// whatever the answers before it (open loop), and its latency counts from when it was due.
struct LoadPlan: Sendable {
    let rate: Int
    let duration: Int
    let readShare: Double
    let maximumInFlight: Int

    enum Kind: String, Sendable, CaseIterable {
        case register = "POST /v1/households"
        case readOne = "GET /v1/households/{kk}"
        case readPage = "GET /v1/households?limit=20"
    }

    struct Outcome: Sendable {
        var kind: Kind
        var status: Int
        var milliseconds: Double
        var number: Int
    }

    struct Results: Sendable {
        var samples: [Kind: LatencySample] = [:]
        var statuses: [Kind: [Int: Int]] = [:]
        var errors = 0
        var registered: [Int] = []
        var late = 0
        var seconds = 0.0
        var requests: Int { samples.values.reduce(0) { $0 + $1.count } }
    }

    /// Households registered before the run, for the reads.
    static let preloaded = 1_000
    /// Numbers of the households the run registers start here.
    static let firstNew = 1_000_000

    /// The preloaded household the `read`-th read asks for: a stride prime to their number, so
    /// the reads go round all of them, in an order that every run repeats.
    static func preloadedHousehold(read: Int) -> Int { read * 7_919 % preloaded + 1 }

    func kind(of index: Int) -> Kind {
        // A fixed interleaving: out of every 100 requests, readShare × 100 are reads,
        // three quarters of them of one household, one quarter of a page.
        let slot = index % 100
        let readSlots = Int((readShare * 100).rounded())
        guard slot < readSlots else { return .register }
        return slot % 4 == 3 ? .readPage : .readOne
    }

    func run(against service: ServiceUnderLoad) async -> Results {
        let total = rate * duration
        let inFlight = Gauge()
        let start = ContinuousClock.now
        var late = 0
        var reads = 0
        var results = Results()
        await withTaskGroup(of: Outcome.self) { group in
            for index in 0..<total {
                let due = start + .nanoseconds(Int64(index) * 1_000_000_000 / Int64(rate))
                try? await Task.sleep(until: due, clock: .continuous)
                if inFlight.value >= maximumInFlight {
                    late += 1
                    while inFlight.value >= maximumInFlight { try? await Task.sleep(for: .milliseconds(1)) }
                }
                let kind = kind(of: index)
                let number: Int
                if kind == .register {
                    number = Self.firstNew + index
                } else {
                    number = Self.preloadedHousehold(read: reads)
                    reads += 1
                }
                inFlight.add(1)
                group.addTask {
                    defer { inFlight.add(-1) }
                    let status = await service.send(kind, number: number)
                    let elapsed = ContinuousClock.now - due
                    let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
                    return Outcome(kind: kind, status: status, milliseconds: milliseconds, number: number)
                }
            }
            for await outcome in group {
                results.samples[outcome.kind, default: LatencySample()].add(outcome.milliseconds)
                results.statuses[outcome.kind, default: [:]][outcome.status, default: 0] += 1
                let expected = outcome.kind == .register ? 201 : 200
                if outcome.status == expected {
                    if outcome.kind == .register { results.registered.append(outcome.number) }
                } else {
                    results.errors += 1
                }
            }
        }
        let elapsed = ContinuousClock.now - start
        results.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        results.late = late
        return results
    }
}

/// A count shared by the scheduler and the requests it started.
final class Gauge: Sendable {
    private let count = Atomic<Int>(0)
    func add(_ amount: Int) { count.add(amount, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
