/// Why a region reference could not be loaded at all. (A bad row is only skipped and recorded in
/// ``RegionReference/problems``; these errors concern whole files.)
public enum RegionReferenceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bundled `Resources` folder is not in the module's bundle.
    case bundleMissing
    /// A file could not be read; `reason` is the system's message.
    case unreadable(file: String, reason: String)
    /// A file is not valid UTF-8 text.
    case notUTF8(file: String)
    /// A file's first line is not the expected header.
    case unexpectedHeader(file: String, found: String, expected: String)

    public var description: String {
        switch self {
        case .bundleMissing:
            "the EntasDomain resource bundle has no Resources folder; rebuild the package so that "
                + "Shared/EntasDomain/Resources/regions is copied"
        case .unreadable(let file, let reason):
            "cannot read \(file) (\(reason)); check that the directory holds kabupaten.csv, kecamatan.csv and desa.csv"
        case .notUTF8(let file):
            "\(file) is not UTF-8 text; save it as UTF-8"
        case .unexpectedHeader(let file, let found, let expected):
            "\(file) starts with \(SafeEcho.quoted(found)) but the header must be \"\(expected)\"; "
                + "keep the columns of the reference Entas ships (Shared/EntasDomain/Resources/regions/SOURCE.md): kabupaten.csv code,name,kind; kecamatan.csv code,name,kabupaten_code; desa.csv code,name,kecamatan_code,kind"
        }
    }
}
