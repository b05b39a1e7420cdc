import EntasDomain

/// How a household's situation developed between PPLS 2008 and the 2025–2026 cycle; it decides what the
/// clusters say about it and do for it.
public enum DemoTrajectory: String, Sendable, Hashable, Codable, CaseIterable {
    /// Unchanged: assessed with its baseline status.
    case steady
    /// One band better: SM→M, M→HM, HM→not poor.
    case improved
    /// One band worse: M→SM, HM→M.
    case worsened
    /// Served as usual, then graduated in 2026 by every cluster that assessed or enrolled it.
    case graduating
    /// An SM household no cluster enrols: the coordinator's gap list.
    case gap

    /// The status clusters find in 2025 for a household with `baseline` (dissenting assessments aside).
    public func status(from baseline: PovertyStatus) -> PovertyStatus {
        switch self {
        case .steady, .graduating, .gap: baseline
        case .improved:
            switch baseline {
            case .sangatMiskin: .miskin
            case .miskin: .hampirMiskin
            case .hampirMiskin, .tidakMiskin, .graduated: .tidakMiskin
            }
        case .worsened:
            switch baseline {
            case .miskin, .sangatMiskin: .sangatMiskin
            case .hampirMiskin: .miskin
            case .tidakMiskin, .graduated: .hampirMiskin
            }
        }
    }

    /// Draws a trajectory for a household with `baseline`.
    static func draw(for baseline: PovertyStatus, rates: DemoRates, using generator: inout SplitMix64) -> DemoTrajectory {
        let shares = rates.trajectories(for: baseline)
        let steady = max(0, 1 - shares.gap - shares.graduating - shares.improved - shares.worsened)
        let cases: [DemoTrajectory] = [.gap, .graduating, .improved, .worsened, .steady]
        return cases[generator.index(weights: [shares.gap, shares.graduating, shares.improved, shares.worsened, steady])]
    }
}
