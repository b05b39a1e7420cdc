import EntasDomain
import Foundation

/// A one-shot command of an Entas executable (`entas-social-aid token create …`), run to its
/// end before anything else starts.
///
/// The caller awaits the child's exit without holding a thread while it runs: on two cores the
/// cooperative pool has two threads, and a command that blocked one (a rebuild, an import) would stall
/// every other task of the process, the HTTP servers of `entas dev` and of the tests among them.
public enum OneShotCommand {
    /// Runs `executable` with `arguments` and returns what it printed, standard output and
    /// standard error together.
    public static func run(_ executable: URL, _ arguments: [String]) async throws -> String {
        try await outcome(executable, arguments).output
    }

    /// Runs `executable` with `arguments` (in `environment` and `directory` when given, with no
    /// standard input) and returns its exit status and what it printed, standard output and
    /// standard error together. It speaks ``Language/current`` (`ENTAS_LANG`) unless `environment` names one.
    /// - Throws: ``ChildProcessError`` when there is no such executable; `CancellationError` when the
    ///   awaiting task is cancelled first (the child is then killed).
    public static func outcome(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil
    ) async throws -> (status: Int32, output: String) {
        // The output goes to a file rather than a pipe: a pipe must be drained while the child runs, or a
        // child printing more than the pipe holds would wait on it for ever.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("entas-command-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let child = try ChildProcess.started(
            executable: executable, arguments: arguments, environment: environment, directory: directory, log: log)
        guard let status = await child.exited() else {
            await child.killHard()
            throw CancellationError()
        }
        return (status, child.output)
    }
}

extension OneShotCommand {
    /// ``outcome(_:_:environment:directory:)`` of `executable`: an absolute path, or the name of an
    /// executable built beside the running one (``ChildProcess/builtExecutables``).
    public static func outcome(
        built executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil
    ) async throws -> (status: Int32, output: String) {
        let url = executable.hasPrefix("/") ? URL(fileURLWithPath: executable) : ChildProcess.builtExecutables.appendingPathComponent(executable)
        return try await outcome(url, arguments, environment: environment, directory: directory)
    }
}
