import ArgumentParser
import EntasAPI
import EntasDomain
import EntasService
import Foundation

/// `entas household KK`: what the coordinator knows of one household. The KK is sent to the
/// coordinator, which hashes it; only the masked number is printed.
struct HouseholdCommand: CoordinatorReadCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "household",
            abstract: Message("clihelp.household.abstract").rendered())
    }

    @OptionGroup var coordinator: CoordinatorOptions

    @Argument(help: Message("clihelp.household.kk").help(valueName: "kk"))
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
