import ArgumentParser

/// How big a run is: the full figures of the issue by default, a small version with --quick.
struct BenchSizes: ParsableArguments {
    @Flag(help: "A small run (20,000 events; 10,000 and 20,000 households) that finishes in under two minutes.")
    var quick = false

    @Option(help: "Household events for items 1–3 (default 1,000,000; 20,000 with --quick).")
    var events: Int?

    @Option(help: "Household counts at which the overview's latency and the coordinator's memory are measured, comma-separated (default 100000,1000000,5000000; 10000,20000 with --quick).")
    var households: String?

    @Option(help: "Households imported at one cluster service for item 4 (default 100,000; 5,000 with --quick).")
    var ingestHouseholds: Int?

    @Option(help: "Households imported at the four services for item 5 (default 1,000,000; 5,000 with --quick).")
    var endToEndHouseholds: Int?

    @Option(help: "Overview requests timed over HTTP at each household count (default 1,000; 200 with --quick).")
    var httpSamples: Int?

    @Option(help: "`entas overview` runs timed at each household count (default 50; 10 with --quick).")
    var cliSamples: Int?

    /// The sizes with every default filled in.
    struct Resolved: Sendable {
        var quick: Bool
        var events: Int
        var households: [Int]
        var ingestHouseholds: Int
        var endToEndHouseholds: Int
        var httpSamples: Int
        var cliSamples: Int
    }

    var resolved: Resolved {
        Resolved(
            quick: quick, events: events ?? (quick ? 20_000 : 1_000_000),
            households: (parsedHouseholds ?? (quick ? [10_000, 20_000] : [100_000, 1_000_000, 5_000_000])).sorted(),
            ingestHouseholds: ingestHouseholds ?? (quick ? 5_000 : 100_000),
            endToEndHouseholds: endToEndHouseholds ?? (quick ? 5_000 : 1_000_000),
            httpSamples: httpSamples ?? (quick ? 200 : 1_000), cliSamples: cliSamples ?? (quick ? 10 : 50))
    }

    private var parsedHouseholds: [Int]? {
        households.map { $0.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")) } }
    }

    func validate() throws {
        if let households {
            guard let parsed = parsedHouseholds, parsed.count == households.split(separator: ",").count, parsed.allSatisfy({ $0 >= 1 }) else {
                throw ValidationError("--households takes positive counts separated by commas, e.g. 100000,1000000,5000000; not '\(households)'.")
            }
        }
        for (name, value) in [("events", events), ("ingest-households", ingestHouseholds), ("end-to-end-households", endToEndHouseholds),
            ("http-samples", httpSamples), ("cli-samples", cliSamples)] {
            if let value, value < 1 { throw ValidationError("--\(name) must be at least 1, not \(value).") }
        }
    }
}

/// The parts of a run.
enum BenchStep: String, CaseIterable, Sendable {
    case throughput, ingest, endToEnd = "end-to-end", scale
}

/// `--steps throughput,scale`.
struct BenchStepList: ExpressibleByArgument, Sendable {
    var steps: [BenchStep]

    init(_ steps: [BenchStep]) { self.steps = steps }

    init?(argument: String) {
        var steps: [BenchStep] = []
        for name in argument.split(separator: ",") {
            guard let step = BenchStep(rawValue: name.trimmingCharacters(in: .whitespaces)) else { return nil }
            steps.append(step)
        }
        guard !steps.isEmpty else { return nil }
        self.steps = BenchStep.allCases.filter(steps.contains)
    }

    var defaultValueDescription: String { steps.map(\.rawValue).joined(separator: ",") }
}
