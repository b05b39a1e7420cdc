import ArgumentParser
import EntasDomain
import EntasService
import Foundation
import Testing

@testable import CLI
import EntasTestKit

/// `entas --help` and ArgumentParser's usage errors in Bahasa Indonesia (the default) and English: every
/// command's abstract, discussion and option help is a catalogue message, and ArgumentParser's own words
/// (headings, defaults, parse errors) go through the catalogue too.
@Suite("entas --help in Bahasa Indonesia and English")
struct HelpLanguageTests {
    /// `entas` and every command under it.
    static var commands: [any ParsableCommand.Type] {
        var all: [any ParsableCommand.Type] = []
        var pending: [any ParsableCommand.Type] = [EntasCommand.self]
        while let command = pending.popLast() {
            all.append(command)
            pending += command.configuration.subcommands
        }
        return all
    }

    /// The help screen of `command` in `language`, as `entas <command> --help` prints it in 80 columns.
    static func help(_ command: any ParsableCommand.Type, in language: Language) -> String {
        Language.$current.withValue(language) {
            ArgumentParserText.translated(EntasCommand.helpMessage(for: command, columns: 80))
        }
    }

    /// Words a help screen shares in both languages: command, option and value names, environment variables.
    static func sharedWords(_ help: String) -> Set<String> {
        var words: Set<String> = ["env", "json", "csv", "table", "url", "token", "sql", "kafka", "svg", "uuid", "yyyy", "mm", "dd"]
        for command in commands { words.formUnion(UntranslatedText.words(command._commandName)) }
        for cluster in Cluster.allCases { words.formUnion(UntranslatedText.words(cluster.serviceName)) }
        for token in help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "[" || $0 == "]" })
        where token.contains("-") || token.hasPrefix("<") || token.contains("_") || token.contains(".") || token.contains("=") {
            words.formUnion(UntranslatedText.words(String(token)))
        }
        return words
    }

    @Test("every command's help is in the catalogues: no missing key, no line the same in both languages")
    func everyCommand() {
        #expect(Self.commands.count >= 19)
        for command in Self.commands {
            let indonesian = Self.help(command, in: .indonesian)
            let english = Self.help(command, in: .english)
            #expect(!indonesian.contains("⟦") && !english.contains("⟦"), "\(indonesian)\n\(english)")
            let lines = { (text: String) in text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
            let untranslated = UntranslatedText.pieces(
                lines(indonesian), sameIn: lines(english), alsoShared: Self.sharedWords(indonesian + "\n" + english))
            #expect(untranslated.isEmpty, "\(command._commandName): \(untranslated)\n\(indonesian)")
        }
    }

    @Test("ArgumentParser's headings, defaults and parse errors in Indonesian")
    func frame() {
        let flat = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let overview = flat(Self.help(OverviewCommand.self, in: .indonesian))
        for text in ["TENTANG: Rumah tangga menurut status", "PENGGUNAAN: entas overview", "OPSI:", "Tampilkan bantuan ini.", "(bawaan: 1)", "(pilihan: table, json, csv; bawaan: table)"] {
            #expect(overview.contains(text), "\(text)\n\(overview)")
        }
        let english = flat(Self.help(OverviewCommand.self, in: .english))
        for text in ["OVERVIEW: Households by status", "USAGE: entas overview", "OPTIONS:", "Show help information.", "(default: 1)"] {
            #expect(english.contains(text), "\(text)\n\(english)")
        }
        let root = Self.help(EntasCommand.self, in: .indonesian)
        #expect(root.contains("SUBPERINTAH:") && root.contains("Lihat 'entas help <subperintah>' untuk bantuan terperinci."), "\(root)")

        let missing = Language.$current.withValue(.indonesian) {
            ArgumentParserText.translated(EntasCommand.fullMessage(for: CLIParseError.of(["household"])))
        }
        #expect(missing.hasPrefix("Kesalahan: Argumen '<kk>' belum diberikan"), "\(missing)")
        #expect(missing.contains("Lihat 'entas household --help' untuk keterangan lebih lanjut."), "\(missing)")
        let invalid = Language.$current.withValue(.indonesian) {
            ArgumentParserText.translated(EntasCommand.fullMessage(for: CLIParseError.of(["overview", "--format", "xml"])))
        }
        #expect(invalid.hasPrefix("Kesalahan: Nilai 'xml' tidak sah untuk '--format <format>'. Pilih salah satu: 'table', 'json' atau 'csv'."), "\(invalid)")
        let unknown = Language.$current.withValue(.indonesian) {
            ArgumentParserText.translated(EntasCommand.fullMessage(for: CLIParseError.of(["overview", "--regio", "35", "--token", "t"])))
        }
        #expect(unknown.hasPrefix("Kesalahan: Opsi '--regio' tidak dikenal. Maksud Anda '--region'?"), "\(unknown)")
        let englishError = Language.$current.withValue(.english) {
            ArgumentParserText.translated(EntasCommand.fullMessage(for: CLIParseError.of(["household"])))
        }
        #expect(englishError.hasPrefix("Error: Missing expected argument '<kk>'"), "\(englishError)")
    }

    @Test("the entas executable: --help in Indonesian by default, in English with --lang en; usage errors too", .enabled(if: BinaryTests.executable != nil))
    func executable() throws {
        let indonesian = try BinaryTests.run(["overview", "--help"], english: false)
        #expect(indonesian.status == 0)
        #expect(indonesian.out.contains("PENGGUNAAN: entas overview") && indonesian.out.contains("Wilayahnya: 35 (provinsi)"), "\(indonesian.out)")
        let english = try BinaryTests.run(["overview", "--help", "--lang", "en"], english: false)
        #expect(english.out.contains("USAGE: entas overview") && english.out.contains("The region: 35 (province)"), "\(english.out)")
        let root = try BinaryTests.run(["--help"], environment: ["LANG": "en_US.UTF-8"], english: false)
        #expect(root.out.contains("SUBCOMMANDS:") && root.out.contains("Households by status"), "\(root.out)")
        let usage = try BinaryTests.run(["household"], english: false)
        #expect(usage.status == 64)
        #expect(usage.error.hasPrefix("Kesalahan: Argumen '<kk>' belum diberikan"), "\(usage.error)")
    }
}

/// The error ArgumentParser throws for a command line, to render as `entas` would.
enum CLIParseError {
    static func of(_ arguments: [String]) -> any Error {
        do {
            _ = try EntasCommand.parseAsRoot(arguments)
            return CleanExit.message("parsed")
        } catch {
            return error
        }
    }
}
