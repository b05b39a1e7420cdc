import EntasAPI
import Crypto
import EntasService
import Foundation
import GRDB
import Hummingbird

/// Dashboard sign-in sessions, kept in a cookie and nowhere else: the id of the token the user signed in
/// with, an expiry, and an HMAC-SHA256 over both under a key derived (HKDF) from the coordinator's secret.
/// The token itself never goes into the cookie. Every request checks the signature, the expiry, and that
/// the token is still live, so revoking a token (`entas-coordinator token revoke`) ends its sessions.
struct DashboardSessions: Sendable {
    static let cookieName = "entas_session"
    /// A working day.
    static let lifetime = 8 * 3600

    /// The signing key's bytes (`SymmetricKey` is not `Sendable`).
    private let keyBytes: [UInt8]
    private let database: any DatabaseReader
    private let service: String
    private let now: @Sendable () -> Date

    init(secret: HouseholdKeySecret, database: any DatabaseReader, service: String, now: @escaping @Sendable () -> Date = { Date() }) {
        keyBytes = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: secret.bytes), info: Data("entas-coordinator dashboard session v1".utf8),
            outputByteCount: 32
        ).withUnsafeBytes { Array($0) }
        self.database = database
        self.service = service
        self.now = now
    }

    /// The cookie that signs in the holder of `identity`'s token: HttpOnly, SameSite=Strict, for the whole
    /// site, for ``lifetime`` seconds; Secure when the request came over HTTPS.
    func cookie(for identity: TokenIdentity, secure: Bool) -> Cookie {
        Cookie(
            name: Self.cookieName, value: value(tokenID: identity.tokenID), maxAge: Self.lifetime, path: "/", secure: secure,
            httpOnly: true, sameSite: .strict)
    }

    /// The cookie that signs out: empty and expired.
    func clearingCookie(secure: Bool) -> Cookie {
        Cookie(name: Self.cookieName, value: "signed-out", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// `<token id>.<expiry in Unix seconds>.<base64url HMAC>`.
    func value(tokenID: UUID) -> String {
        let payload = "\(tokenID.lowercaseText).\(Int64(now().timeIntervalSince1970) + Int64(Self.lifetime))"
        let mac = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: SymmetricKey(data: keyBytes))
        return "\(payload).\(Self.base64URL(Data(mac)))"
    }

    /// True when `value` is a session this coordinator signed, not expired, whose token is still live.
    /// The holder a session cookie signs in (its token live), or nil for a cookie that is forged, expired or
    /// of a revoked token.
    func identity(_ value: String) async throws -> TokenIdentity? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, value.utf8.count < 200, let tokenID = UUID(uuidString: String(parts[0])),
            let expires = Int64(parts[1]), let mac = Self.data(base64URL: String(parts[2]))
        else { return nil }
        let payload = Data("\(parts[0]).\(parts[1])".utf8)
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: SymmetricKey(data: keyBytes)) else { return nil }
        let seconds = Int64(now().timeIntervalSince1970)
        guard expires > seconds, expires <= seconds + Int64(Self.lifetime) + 60 else { return nil }
        let record = try await database.read { db in try ServiceToken.fetchOne(db, key: tokenID) }
        guard let record, record.revokedAt == nil, record.service == service else { return nil }
        return TokenIdentity(record)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64URL text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
