import AcubackServices
import Foundation
import HTTPTypes
import Hummingbird

/// The cookies Acuback sets: the session, and the CSRF token for forms shown before sign-in.
enum AuthCookie {
    static let session = "acuback_session"
    static let csrf = "acuback_csrf"
    /// The language chosen with the switch on every page, for a browser not signed in.
    static let language = "acuback_lang"

    /// HttpOnly always, SameSite=Lax, and Secure when the request reached us over TLS (directly
    /// or through a proxy that says so).
    static func make(name: String, value: String, maxAge: Int, secure: Bool) -> String {
        var parts = ["\(name)=\(value)", "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=\(maxAge)"]
        if secure { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }

    static func clear(name: String, secure: Bool) -> String {
        make(name: name, value: "", maxAge: 0, secure: secure)
    }

    static func value(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == name, !parts[1].isEmpty { return parts[1] }
            }
        }
        return nil
    }

    static func isSecure(_ request: Request) -> Bool {
        request.uri.scheme == .https || request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
    }
}

extension Response {
    mutating func setCookie(_ value: String) {
        headers.append(HTTPField(name: .setCookie, value: value))
    }
}
