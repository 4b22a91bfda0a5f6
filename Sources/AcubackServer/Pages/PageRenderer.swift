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
        let label: String
        /// Who sees the entry: nil for everyone.
        let action: Action?
        var anonymousOnly = false
    }

    let library: MustacheLibrary
    let chartFragments = ChartFragments()

    static let navigation = [
        NavItem(href: "/", label: "Home", action: nil),
        NavItem(href: "/learn/back-pain", label: "Acupuncture for back pain", action: nil),
        NavItem(href: "/practitioners", label: "Practitioners", action: nil),
        NavItem(href: "/reception", label: "Day view", action: .readSchedule),
        NavItem(href: "/reception/waitlist", label: "Waitlist", action: .readSchedule),
        NavItem(href: "/practitioner/day", label: "My day", action: .planTreatment),
        NavItem(href: "/chair", label: "At the chair", action: .treatPatient),
        NavItem(href: "/plan", label: "Plan a treatment", action: .planTreatment),
        NavItem(href: "/patients", label: "Patients", action: .listPatients),
        NavItem(href: "/me", label: "My record", action: .readOwnRecord),
        NavItem(href: "/me/visits", label: "My visits", action: .readOwnRecord),
        NavItem(href: "/reception/takings", label: "Takings", action: .takePayment),
        NavItem(href: "/admin/users", label: "Users", action: .manageUsers),
        NavItem(href: "/admin/practitioners", label: "Certificates", action: .manageUsers),
        NavItem(href: "/admin/clinic", label: "Clinic", action: .manageUsers),
        NavItem(href: "/admin/billing", label: "Billing", action: .manageBilling),
        NavItem(href: "/admin/messaging", label: "Messages", action: .manageUsers),
        NavItem(href: "/admin/audit", label: "Audit trail", action: .readAudit),
        NavItem(href: "/admin/incidents", label: "Incidents", action: .readIncidents),
        NavItem(href: "/clinic/analytics", label: "Outcomes", action: .readAnalytics),
        NavItem(href: "/account", label: "Account", action: .manageOwnAccount),
        NavItem(href: "/register", label: "Register", action: nil, anonymousOnly: true),
        NavItem(href: "/login", label: "Sign in", action: nil, anonymousOnly: true),
    ]

    static func load() async throws -> PageRenderer {
        PageRenderer(library: try await MustacheLibrary(directory: ServerResources.path("Templates")))
    }

    /// Renders `template` with the stored properties of `model` as its values, inside the layout.
    func render(
        _ template: String, _ context: AcubackRequestContext, path: String, model: some PageModel,
        status: HTTPResponse.Status = .ok
    ) throws -> HTML {
        var page = mustacheValues(of: LayoutModel(context, path: path))
        page.merge(mustacheValues(of: model)) { _, own in own }
        guard let html = library.render(page, withTemplate: template) else {
            throw PageError.missingTemplate(template)
        }
        return HTML(html: html, status: status)
    }

    /// A course's charts as HTML, drawn once for the same values (`ChartFragments`).
    func charts(_ progress: CourseProgress, settings: OutcomeSettings, zone: TimeZone, forPatient: Bool) -> String? {
        chartFragments.html(for: .init(progress: progress, settings: settings, zone: zone, forPatient: forPatient), library: library)
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

    init(_ context: AcubackRequestContext, path: String) {
        let actor = context.actor
        clinicName = context.clinicContact?.displayName ?? ClinicContact.fallbackName
        version = Acuback.version
        nav = PageRenderer.navigation.filter { item in
            if item.anonymousOnly { return actor == nil }
            guard let action = item.action else { return true }
            return actor.map { AccessPolicy.roles(for: action).contains($0.role) } ?? false
        }.map { NavLink(href: $0.href, label: $0.label, current: $0.href == path) }
        csrf = context.csrfToken ?? ""
        self.path = path
        clinicPhone = context.clinicContact.flatMap { $0.phone.isEmpty ? nil : $0.phone }
        clinicAddress = context.clinicContact.flatMap { $0.address.isEmpty ? nil : $0.address }
        self.actor = actor.map { SignedIn(name: $0.displayName, role: $0.role.rawValue) }
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
