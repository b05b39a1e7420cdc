import EntasAPI
import ArgumentParser
import EntasDomain
import Foundation

/// `entas household KK`: what the coordinator knows of one household. The KK is sent to the
/// coordinator, which hashes it; only the masked number is printed.
struct HouseholdCommand: CoordinatorReadCommand {
    static let configuration = CommandConfiguration(
        commandName: "household",
        abstract: "One household: each cluster's status, enrolments, referrals, deliveries and history (KK masked).")

    @OptionGroup var coordinator: CoordinatorOptions

    @Argument(help: ArgumentHelp("The household's No. KK: 16 digits, the first six its kecamatan.", valueName: "kk"))
    var kk: String

    func validateArguments() throws {
        do {
            _ = try KKNumber(kk)
        } catch {
            throw ValidationError(Message("cli.validation.kk", .text(IdentityNumberMask.mask(kk.prefix(40))), .message(error.message)))
        }
    }

    func output(using client: APIClient) async throws -> String {
        let number = try KKNumber(kk)
        return try await fetch(
            HouseholdDetail.self, "/v1/households/\(number.rawValue)", using: client,
            table: { HouseholdDetailOutput.table($0) }, csv: HouseholdDetailOutput.csv)
    }
}
