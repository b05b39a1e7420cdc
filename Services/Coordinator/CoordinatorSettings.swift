import EntasAPI
import EntasService
import Foundation

/// The coordinator's own setting: the secret that keys households (HMAC of the KK number),
/// so that its store holds no raw KK. The same secret must be used for the life of a store;
/// a new secret needs a rebuild.
struct CoordinatorSettings {
    static let secretVariable = "ENTAS_HOUSEHOLD_KEY_SECRET"
    static let secretFileVariable = "ENTAS_HOUSEHOLD_KEY_SECRET_FILE"
    /// The variables only the coordinator reads (beside every service's, ``EnvironmentVariable``).
    static let variables = [secretVariable, secretFileVariable]

    /// The secret from `--household-key-secret-file`, `ENTAS_HOUSEHOLD_KEY_SECRET_FILE` or
    /// `ENTAS_HOUSEHOLD_KEY_SECRET` (hex, at least 16 bytes).
    static func secret(file: String?, environment: [String: String]) throws -> HouseholdKeySecret {
        let hex: String
        if let path = file ?? environment[secretFileVariable] {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(
                    setting: "--household-key-secret-file", problem: "cannot read '\(path)'",
                    fix: "Give a readable file holding the secret in hex, e.g. made with `openssl rand -hex 32 > \(path)`.")
            }
            hex = text.trimmingCharacters(in: .whitespacesAndNewlines)
        } else if let text = environment[secretVariable] {
            hex = text.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            throw ConfigurationError(
                setting: "\(secretVariable) / --household-key-secret-file", problem: "no household key secret was given",
                fix: "Set \(secretVariable) to at least 32 hex digits (e.g. `openssl rand -hex 32`) and keep it: the store's keys depend on it.")
        }
        do {
            return try HouseholdKeySecret(hex: hex)
        } catch {
            throw ConfigurationError(setting: secretVariable, problem: "\(error)", fix: "Use at least 32 hex digits, e.g. from `openssl rand -hex 32`.")
        }
    }
}

extension CoordinatorQueryError: ProblemConvertible {
    public var problem: ProblemDocument {
        switch self {
        case .unknownRegion: .invalidField("region", message)
        case .depthOutOfRange: .invalidField("depth", message)
        case .invalidPage: .invalidField("limit", message)
        case .invertedMonths, .tooManyMonths: .invalidField("from", message)
        }
    }
}
