import ArgumentParser
import EntasDomain
import EntasService

/// `--lang id|en`: the language of everything a command prints for a person (tables, legends,
/// messages, errors). Without it, `ENTAS_LANG`, then `LC_ALL`, `LC_MESSAGES`, `LANG`; else Bahasa
/// Indonesia. JSON and CSV output, `--help` and machine names stay as they are.
struct LanguageOptions: ParsableArguments, Sendable {
    @Option(
        name: .customLong("lang"),
        help: Message("clihelp.lang").help(valueName: "id|en"))
    var lang: Language?

    init() {}

    /// The language these options and `environment` choose.
    func chosen(environment: [String: String]) -> Language {
        Language.chosen(flag: lang, environment: environment)
    }


    /// The language `arguments` (`--lang en` or `--lang=en`, before any `--`) and `environment` choose, read
    /// before the arguments are parsed, so that parse and validation errors are in it too.
    static func chosen(arguments: some Sequence<String>, environment: [String: String]) -> Language {
        var flag: Language?
        var expectValue = false
        for argument in arguments {
            if expectValue {
                flag = Language(argument: argument) ?? flag
                expectValue = false
            } else if argument == "--" {
                break
            } else if argument == "--lang" {
                expectValue = true
            } else if argument.hasPrefix("--lang=") {
                flag = Language(argument: String(argument.dropFirst("--lang=".count))) ?? flag
            }
        }
        return Language.chosen(flag: flag, environment: environment)
    }
}

/// `--lang id` or `--lang en` (also `indonesia`, `english`, `id-ID`, `en_US`).
extension Language: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(tag: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    public var defaultValueDescription: String { rawValue }
}

/// A command that prints for a person: its `--lang`.
protocol LanguageChoosing {
    var language: LanguageOptions { get }
}

extension LanguageChoosing {
    /// Runs `work` with ``Language/current`` set to the `--lang` given; without one, the language stays the one
    /// `entas` chose from the environment at its start (``EntasCommand/main()``), or a test's.
    func inChosenLanguage<T>(_ work: () async throws -> T) async rethrows -> T {
        try await Language.$current.withValue(language.lang ?? Language.current) { try await work() }
    }

    /// Runs `work` (a validation) with ``Language/current`` set as the async form does.
    func inChosenLanguage<T>(_ work: () throws -> T) rethrows -> T {
        try Language.$current.withValue(language.lang ?? Language.current) { try work() }
    }
}
