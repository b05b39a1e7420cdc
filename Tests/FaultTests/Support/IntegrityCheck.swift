import Testing

extension Verdict {
    /// `PRAGMA integrity_check` of every store of `systems` (each service's SQLite file) as one
    /// check of this verdict, after `what`; returns the words for the scenario's summary row.
    @discardableResult
    func checkIntegrity(of systems: FaultSystem..., after what: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let failures = systems.flatMap { $0.integrityFailures() }
        let stores = systems.reduce(0) { $0 + $1.storeCount }
        check(failures.isEmpty, "integrity_check after \(what): \(failures.joined(separator: "; "))", sourceLocation: sourceLocation)
        return failures.isEmpty ? "integrity_check ok on \(stores) stores" : "integrity_check FAILED: \(failures.joined(separator: "; "))"
    }
}
