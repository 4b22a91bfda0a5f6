import Foundation

/// Random secrets (session cookies, API tokens, reset links) and the hashes stored in their place.
public enum SecureToken {
    /// 32 random bytes from the system's secure generator, base64url without padding.
    public static func make(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + text
    }

    /// SHA-256 of the token, hex: what the database keeps instead of the token.
    public static func hash(_ token: String) -> String {
        token.sha256Hex
    }
}
