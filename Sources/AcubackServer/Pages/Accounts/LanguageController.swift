import AcubackCore
import AcubackServices
import Foundation
import Hummingbird

/// The language switch on every page. It is remembered in a cookie for this browser and, for
/// someone signed in, on their account, so their pages on any device and their mails follow it.
struct LanguageController {
    let services: AppServices

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.post("/language") { request, context in
            let form = try await FormFields.of(request)
            guard let language = Language(tag: form.text("lang")), language.tag == form.text("lang") else {
                throw HTTPError(.badRequest, message: "lang: must be one of \(Language.allCases.map(\.tag).joined(separator: ", "))")
            }
            if let actor = context.actor {
                try await services.accounts.setLanguage(language, by: actor, from: context.clientAddress)
            }
            var response = Response.redirect(to: Self.localPath(form.text("back")), type: .normal)
            response.setCookie(AuthCookie.make(name: AuthCookie.language, value: language.tag, maxAge: 365 * 86_400, secure: AuthCookie.isSecure(request)))
            return response
        }
    }

    /// Where to go back to: a path on this site only, so the switch cannot send anyone elsewhere.
    static func localPath(_ back: String) -> String {
        guard back.hasPrefix("/"), !back.hasPrefix("//"), !back.contains("\\"), !back.contains("\n"), !back.contains("\r") else { return "/" }
        return back
    }
}
