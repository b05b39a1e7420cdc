import Crypto
import EntasDomain
import Foundation
import GRDB

/// Issues, checks and revokes a service's bearer tokens.
public struct TokenStore: Sendable {
    private let writer: any DatabaseWriter
    public let service: String

    public init(_ writer: any DatabaseWriter, service: String) {
        self.writer = writer
        self.service = service
    }

    /// Issues a token for `name` with `role` in `region` (the province unless given); the token itself is returned
    /// once and never stored.
    public func create(
        name: String, role: TokenRole = .write, region: RegionCode = .eastJava, at date: Date = Date()
    ) async throws -> (token: String, record: ServiceToken) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw ProblemDocument.invalidField("name", Message("service.token.nameRequired"))
        }
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let token = "entas.\(service).\(secret.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: ""))"
        let record = ServiceToken(id: UUID(), name: trimmed, service: service, tokenHash: ServiceToken.hash(token), createdAt: date, revokedAt: nil, role: role, region: region)
        try await writer.write { db in try record.insert(db) }
        return (token, record)
    }

    /// Who a presented token belongs to, or the problem to answer.
    public func authenticate(_ token: String) async throws -> Result<TokenIdentity, ProblemDocument> {
        if let named = ServiceToken.service(of: token), named != service {
            return .failure(.wrongService(tokenService: named, thisService: service))
        }
        let hash = ServiceToken.hash(token)
        let record = try await writer.read { db in
            try ServiceToken.filter(ServiceToken.Columns.tokenHash == hash).filter(ServiceToken.Columns.revokedAt == nil).fetchOne(db)
        }
        guard let record else { return .failure(.unknownToken) }
        return .success(TokenIdentity(record))
    }

    /// Sets the region of every live token named `name`; returns how many.
    @discardableResult
    public func scope(name: String, to region: RegionCode) async throws -> Int {
        try await writer.write { db in
            try ServiceToken.filter(ServiceToken.Columns.name == name).filter(ServiceToken.Columns.revokedAt == nil)
                .updateAll(db, ServiceToken.Columns.region.set(to: region))
        }
    }

    public func list() async throws -> [ServiceToken] {
        try await writer.read { db in try ServiceToken.order(ServiceToken.Columns.name).fetchAll(db) }
    }

    /// Revokes every live token named `name`; returns how many.
    @discardableResult
    public func revoke(name: String, at date: Date = Date()) async throws -> Int {
        try await writer.write { db in
            try ServiceToken.filter(ServiceToken.Columns.name == name).filter(ServiceToken.Columns.revokedAt == nil)
                .updateAll(db, ServiceToken.Columns.revokedAt.set(to: date))
        }
    }
}

/// Who made a request: the token's id and holder, and the service that issued it.
public struct TokenIdentity: Sendable, Hashable {
    public var tokenID: UUID
    public var name: String
    public var service: String
    public var role: TokenRole
    /// The region the token may read and write (``RegionScope``).
    public var region: RegionCode

    /// Who holds `record`.
    public init(_ record: ServiceToken) {
        tokenID = record.id
        name = record.name
        service = record.service
        role = record.role
        region = record.region
    }
}
