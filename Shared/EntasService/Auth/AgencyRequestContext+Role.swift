import EntasDomain

extension AgencyRequestContext {
    /// Lets the request through only when its token has the `admin` role: 401 without a token (the `/v1`
    /// middleware answers that first), 403 `admin-required` with a read or write one.
    /// - Parameters:
    ///   - action: what the route does, for the answer ("set targets"), in the catalogues.
    ///   - executable: the executable whose `token create --role admin` issues such a token.
    public func requireAdmin(to action: Message, executable: String) throws {
        guard let identity else { throw ProblemDocument.missingToken }
        guard identity.role == .admin else { throw ProblemDocument.adminRequired(to: action, executable: executable) }
    }
}

extension ProblemDocument {
    /// 403: the token is valid but not an admin token; `action` says what only an admin may do ("set targets").
    public static func adminRequired(to action: Message, executable: String) -> ProblemDocument {
        ProblemDocument(
            status: .forbidden, code: "admin-required", title: Message("service.problem.adminRequired.title"),
            detail: Message("service.problem.adminRequired.detail", .message(action), .text(executable)))
    }
}
