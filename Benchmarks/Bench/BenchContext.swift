import Foundation
import Logging

/// What every step needs: where the executables are, the run's folder, the two reference
/// consumers, and a way to say how far it got.
struct BenchContext: Sendable {
    /// Where the release executables of Entas are.
    let binaries: URL
    /// A fresh folder for this run's stores and logs.
    let directory: URL
    let logger: Logger
    /// The C limit and the Python peer.
    let limit: ConsumerProgram
    let peer: ConsumerProgram
    let started = ContinuousClock.now

    /// Prints a progress line with the time since the run started.
    func say(_ text: String) {
        let seconds = CountWatch.seconds(ContinuousClock.now - started)
        FileHandle.standardOutput.write(Data((String(format: "[%6.1f s] ", seconds) + text + "\n").utf8))
    }

    /// A folder of its own for one step.
    func folder(_ name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
