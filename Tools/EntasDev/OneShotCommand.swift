import EntasDomain
import Foundation

/// A one-shot command of an Entas executable (`entas-social-aid token create …`), run to its
/// end before anything else starts.
public enum OneShotCommand {
    /// Runs `executable` with `arguments` and returns what it printed, standard output and
    /// standard error together.
    public static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        try outcome(executable, arguments).output
    }

    /// Runs `executable` with `arguments` (in `environment` and `directory` when given, with no
    /// standard input) and returns its exit status and what it printed, standard output and
    /// standard error together. It speaks ``Language/current`` (`ENTAS_LANG`) unless `environment` names one.
    public static func outcome(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ChildProcess.inCurrentLanguage(environment)
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

extension OneShotCommand {
    /// ``outcome(_:_:environment:directory:)`` of `executable`: an absolute path, or the name of an
    /// executable built beside the running one (``ChildProcess/builtExecutables``).
    public static func outcome(
        built executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil
    ) throws -> (status: Int32, output: String) {
        let url = executable.hasPrefix("/") ? URL(fileURLWithPath: executable) : ChildProcess.builtExecutables.appendingPathComponent(executable)
        return try outcome(url, arguments, environment: environment, directory: directory)
    }
}
