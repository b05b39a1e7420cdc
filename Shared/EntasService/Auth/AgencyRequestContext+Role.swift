extension AgencyRequestContext {
    /// Lets the request through only when its token has the `admin` role: 401 without a token (the `/v1`
    /// middleware answers that first), 403 `admin-required` with a read or write one.
    /// - Parameters:
    ///   - action: what the route does, for the answer ("set targets").
    ///   - executable: the executable whose `token create --role admin` issues such a token.
    public func requireAdmin(to action: String, executable: String) throws {
        guard let identity else { throw ProblemDocument.missingToken }
        guard identity.role == .admin else { throw ProblemDocument.adminRequired(to: action, executable: executable) }
    }
}

extension ProblemDocument {
    /// 403: the token is valid but not an admin token.
    public static func adminRequired(to action: String, executable: String) -> ProblemDocument {
        ProblemDocument(
            status: .forbidden, code: "admin-required", title: "An admin token is needed",
            detail: "Only an admin token may \(action); this token is not one. Ask the operator for one issued with "
                + "`\(executable) token create --name <who> --role admin`.")
    }
}
