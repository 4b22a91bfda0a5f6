import AcubackCore
import Foundation
import Mustache

/// Renders the Mustache templates shipped with the server inside the shared layout.
struct PageRenderer: Sendable {
    struct NavItem: Sendable {
        let href: String
        let label: String
    }

    let library: MustacheLibrary
    let clinicName: String
    let navigation: [NavItem]

    static let publicNavigation = [
        NavItem(href: "/", label: "Home"),
        NavItem(href: "/learn/back-pain", label: "Acupuncture for back pain"),
        NavItem(href: "/plan", label: "Plan a treatment"),
    ]

    static func load(clinicName: String) async throws -> PageRenderer {
        let library = try await MustacheLibrary(directory: ServerResources.path("Templates"))
        return PageRenderer(library: library, clinicName: clinicName, navigation: publicNavigation)
    }

    /// Renders `template` with `values`, marking the navigation entry for `path` as current.
    func render(_ template: String, path: String, values: [String: Any] = [:]) throws -> HTML {
        var context: [String: Any] = [
            "clinicName": clinicName,
            "version": Acuback.version,
            "nav": navigation.map { ["href": $0.href, "label": $0.label, "current": $0.href == path] },
        ]
        context.merge(values) { _, new in new }
        guard let html = library.render(context, withTemplate: template) else {
            throw PageError.missingTemplate(template)
        }
        return HTML(html: html)
    }
}

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
