/// A setting that is missing or malformed, with the variable or flag that sets it.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let setting: String
    public let problem: String
    public let fix: String

    public init(setting: String, problem: String, fix: String) {
        self.setting = setting
        self.problem = problem
        self.fix = fix
    }

    public var description: String { "Configuration \(setting): \(problem). \(fix)" }
}
