import Foundation

/// A one-shot command of an Entas executable (`entas-social-aid token create …`), run to its
/// end before anything else starts.
public enum OneShotCommand {
    /// Runs `executable` with `arguments` and returns what it printed, standard output and
    /// standard error together.
    public static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
