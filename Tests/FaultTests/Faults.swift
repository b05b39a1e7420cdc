import EntasTestKit
import Testing

/// Everything `make faults` runs, one part at a time (each part starts its own processes and
/// the parts share the two cores badly), with the summary table printed at the end.
@Suite("Faults, bad input, security", .serialized, .faultSummary, .english)
struct Faults {}
