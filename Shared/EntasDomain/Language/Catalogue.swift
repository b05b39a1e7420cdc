import Foundation

/// Every text a person reads, one catalogue per language: `Resources/Language/<code>/*.json`, each
/// file a JSON object of key → text, the files of a language merged (a key in two files is an error).
/// Keys name where a text is used (`dashboard.coverage.heading`, `problem.notFound.title`); values name
/// what they show `{0}`, `{1}`, …
public struct Catalogue: Sendable {
    /// Each language's texts by key.
    public let texts: [Language: [String: String]]

    public init(texts: [Language: [String: String]]) {
        self.texts = texts
    }

    /// The catalogues bundled with EntasDomain.
    public static let standard: Catalogue = {
        do {
            return try loadBundled()
        } catch {
            // The bundle is installed beside every executable (as the region reference is); without it
            // no page or message could be written, so stop with what to fix.
            preconditionFailure("\(error)")
        }
    }()

    /// Loads `Resources/Language` from this module's bundle.
    public static func loadBundled() throws(CatalogueError) -> Catalogue {
        guard let resources = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw .bundleMissing
        }
        return try load(from: resources.appendingPathComponent("Language"))
    }

    /// Loads `<directory>/<code>/*.json` for every language.
    public static func load(from directory: URL) throws(CatalogueError) -> Catalogue {
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let folder = directory.appendingPathComponent(language.rawValue, isDirectory: true)
            let files: [URL]
            do {
                files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                    .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
            } catch {
                throw .unreadable(path: folder.path, reason: "\(error)")
            }
            var merged: [String: String] = [:]
            for file in files {
                let entries: [String: String]
                do {
                    entries = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
                } catch {
                    throw .unreadable(path: file.path, reason: "\(error)")
                }
                for (key, text) in entries {
                    guard merged.updateValue(text, forKey: key) == nil else {
                        throw .duplicateKey(key, language: language.rawValue, file: file.lastPathComponent)
                    }
                }
            }
            texts[language] = merged
        }
        return Catalogue(texts: texts)
    }

    /// The text of `key` in `language`, or nil when the catalogue has none.
    public func template(_ key: String, in language: Language) -> String? {
        texts[language]?[key]
    }

    /// `message` in `language`: its text with `{n}` replaced by the n-th value as the language writes it.
    public func render(_ message: Message, in language: Language) -> String {
        let firstCount = message.arguments.lazy.compactMap { argument -> Int? in
            if case .count(let value) = argument { return value }
            return nil
        }.first
        let singular = firstCount == 1 ? template(message.key + ".one", in: language) : nil
        guard let template = singular ?? template(message.key, in: language) else { return "⟦\(message.key)⟧" }
        guard !message.arguments.isEmpty, template.contains("{") else { return template }
        return Self.fill(template, with: message.arguments.map { $0.rendered(in: language) })
    }

    /// `template` with each `{n}` replaced by `values[n]`; other braces are kept.
    static func fill(_ template: String, with values: [String]) -> String {
        var result = ""
        result.reserveCapacity(template.utf8.count + 16)
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]), values.indices.contains(index) {
                result += values[index]
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        result += rest
        return result
    }

    /// The `{n}` placeholders a text names.
    public static func placeholders(in template: String) -> Set<Int> {
        var found: Set<Int> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            if let index = Int(rest[afterOpen..<close]) { found.insert(index) }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }
}

/// Why the language catalogues could not be loaded.
public enum CatalogueError: Error, Sendable, Hashable, CustomStringConvertible {
    case bundleMissing
    case unreadable(path: String, reason: String)
    case duplicateKey(String, language: String, file: String)

    public var description: String {
        switch self {
        case .bundleMissing:
            "the language catalogues are missing: install the Entas_EntasDomain.resources folder beside the executable, as the build puts it"
        case .unreadable(let path, let reason):
            "the language catalogue \(path) could not be read (\(reason)); it must be a JSON object of key → text"
        case .duplicateKey(let key, let language, let file):
            "the key \(key) is in two files of the \(language) catalogue (again in \(file)); keep it in one"
        }
    }
}
