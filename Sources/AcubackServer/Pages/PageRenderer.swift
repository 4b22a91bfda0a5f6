import AcubackServices
import AcubackCore
import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates shipped with the server inside the shared layout, with the
/// navigation the signed-in person's role allows.
struct PageRenderer: Sendable {
    struct NavItem: Sendable {
        let href: String
        /// The label's catalogue key.
        let key: String
        /// Who sees the entry: nil for everyone.
        let action: Action?
        var anonymousOnly = false
    }

    let library: MustacheLibrary
    let catalogues: Catalogues
    let templateStrings: TemplateStrings
    let chartFragments = ChartFragments()

    static let navigation = [
        NavItem(href: "/", key: "nav.home", action: nil),
        NavItem(href: "/learn/back-pain", key: "nav.guide", action: nil),
        NavItem(href: "/practitioners", key: "nav.practitioners", action: nil),
        NavItem(href: "/reception", key: "nav.dayView", action: .readSchedule),
        NavItem(href: "/reception/waitlist", key: "nav.waitlist", action: .readSchedule),
        NavItem(href: "/practitioner/day", key: "nav.myDay", action: .planTreatment),
        NavItem(href: "/chair", key: "nav.chair", action: .treatPatient),
        NavItem(href: "/plan", key: "nav.plan", action: .planTreatment),
        NavItem(href: "/patients", key: "nav.patients", action: .listPatients),
        NavItem(href: "/me", key: "nav.myRecord", action: .readOwnRecord),
        NavItem(href: "/me/visits", key: "nav.myVisits", action: .readOwnRecord),
        NavItem(href: "/reception/takings", key: "nav.takings", action: .takePayment),
        NavItem(href: "/admin/users", key: "nav.users", action: .manageUsers),
        NavItem(href: "/admin/practitioners", key: "nav.certificates", action: .manageUsers),
        NavItem(href: "/admin/clinic", key: "nav.clinic", action: .manageUsers),
        NavItem(href: "/admin/billing", key: "nav.billing", action: .manageBilling),
        NavItem(href: "/admin/messaging", key: "nav.messages", action: .manageUsers),
        NavItem(href: "/admin/audit", key: "nav.audit", action: .readAudit),
        NavItem(href: "/admin/incidents", key: "nav.incidents", action: .readIncidents),
        NavItem(href: "/clinic/analytics", key: "nav.outcomes", action: .readAnalytics),
        NavItem(href: "/account", key: "nav.account", action: .manageOwnAccount),
        NavItem(href: "/register", key: "nav.register", action: nil, anonymousOnly: true),
        NavItem(href: "/login", key: "nav.signIn", action: nil, anonymousOnly: true),
    ]

    /// - Parameter pseudoLocale: every catalogue text marked `⟦…⟧` (`Catalogues.pseudo`), for the test
    ///   that finds text outside the catalogues.
    static func load(pseudoLocale: Bool = false) async throws -> PageRenderer {
        let shipped = try Catalogues.load()
        let catalogues = pseudoLocale ? shipped.pseudo : shipped
        return PageRenderer(
            library: try await MustacheLibrary(directory: ServerResources.path("Templates")), catalogues: catalogues,
            templateStrings: TemplateStrings(catalogues))
    }

    /// Renders `template` with the stored properties of `model` as its values, inside the layout.
    func render(
        _ template: String, _ context: AcubackRequestContext, path: String, model: some PageModel,
        status: HTTPResponse.Status = .ok
    ) throws -> HTML {
        var page = mustacheValues(of: LayoutModel(context, path: path, words: catalogues[context.language]))
        page.merge(mustacheValues(of: model)) { _, own in own }
        // The catalogue's texts as `{{t.key.path}}`, and the language for `<html lang>`.
        page["t"] = templateStrings[context.language]
        page["lang"] = context.language.tag
        guard let html = library.render(page, withTemplate: template) else {
            throw PageError.missingTemplate(template)
        }
        return HTML(html: html, status: status)
    }

    /// The words of the request's language, for the texts a page's model fills in.
    func words(_ context: AcubackRequestContext) -> Catalogue { catalogues[context.language] }

    /// A course's charts as HTML, drawn once for the same values (`ChartFragments`).
    func charts(_ progress: CourseProgress, settings: OutcomeSettings, zone: TimeZone, forPatient: Bool, language: Language) -> String? {
        chartFragments.html(
            for: .init(progress: progress, settings: settings, zone: zone, forPatient: forPatient, language: language), library: library)
    }

    /// Renders a template that needs nothing but the layout.
    func render(_ template: String, _ context: AcubackRequestContext, path: String, status: HTTPResponse.Status = .ok) throws -> HTML {
        try render(template, context, path: path, model: LayoutOnly(), status: status)
    }
}

/// What the shared layout reads on every page: the clinic, the navigation the person's role
/// allows, who is signed in, and the form token.
struct LayoutModel: PageModel {
    struct NavLink: Sendable {
        let href: String
        let label: String
        let current: Bool
    }

    struct SignedIn: Sendable {
        let name: String
        let role: String
    }

    /// The clinic the request belongs to, found by ClinicContactMiddleware; a page drawn without
    /// one (no clinic yet) carries the software's name.
    let clinicName: String
    let version: String
    let nav: [NavLink]
    let csrf: String
    let path: String
    /// Nil rather than empty, so that `{{#clinicPhone}}` sections stay out.
    let clinicPhone: String?
    let clinicAddress: String?
    let actor: SignedIn?
    /// The language switch: each offered language by its own name, and where it comes back to.
    let languages: [LanguageChoice]
    let requestedPath: String

    struct LanguageChoice: Sendable {
        let tag: String
        let name: String
        let current: Bool
    }

    init(_ context: AcubackRequestContext, path: String, words: Catalogue) {
        let actor = context.actor
        clinicName = context.clinicContact?.displayName ?? ClinicContact.fallbackName
        version = Acuback.version
        nav = PageRenderer.navigation.filter { item in
            if item.anonymousOnly { return actor == nil }
            guard let action = item.action else { return true }
            return actor.map { AccessPolicy.roles(for: action).contains($0.role) } ?? false
        }.map { NavLink(href: $0.href, label: words.text($0.key), current: $0.href == path) }
        csrf = context.csrfToken ?? ""
        self.path = path
        clinicPhone = context.clinicContact.flatMap { $0.phone.isEmpty ? nil : $0.phone }
        clinicAddress = context.clinicContact.flatMap { $0.address.isEmpty ? nil : $0.address }
        self.actor = actor.map { SignedIn(name: $0.displayName, role: $0.role.rawValue) }
        languages = Language.allCases.map { LanguageChoice(tag: $0.tag, name: $0.ownName, current: $0 == context.language) }
        requestedPath = context.requestedPath
    }
}

/// A page with nothing of its own beyond the layout.
struct LayoutOnly: PageModel {}

enum PageError: Error, CustomStringConvertible {
    case missingTemplate(String)

    var description: String {
        switch self {
        case .missingTemplate(let name): "no page template named \(name)"
        }
    }
}

/// Files shipped inside the server's resource bundle: templates and static assets.
enum ServerResources {
    static func path(_ folder: String) -> String {
        Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent(folder).path
    }
}
