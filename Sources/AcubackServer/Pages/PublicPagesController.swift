import AcubackServices
import AcubackCore
import Hummingbird

/// Pages anyone may read without signing in.
struct PublicPagesController {
    let renderer: PageRenderer

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/") { _, context in try renderer.render("home", context, path: "/") }
        router.get("/learn/back-pain") { _, context in
            try renderer.render(
                "learn-back-pain", context, path: "/learn/back-pain",
                values: ["sources": Self.patientPageSources.map(Self.entry)])
        }
    }

    static func entry(_ source: ClinicalSource) -> [String: Any] {
        var entry: [String: Any] = ["id": source.id, "citation": source.citation]
        if let link = source.link { entry["link"] = link }
        return entry
    }

    /// The sources behind the facts on the patient page, in the order the page uses them.
    static let patientPageSources: [ClinicalSource] = [
        ClinicalSources.who2008, ClinicalSources.haake2007, ClinicalSources.cherkin2009,
        ClinicalSources.brinkhaus2006, ClinicalSources.macPherson2005, ClinicalSources.witt2009,
        ClinicalSources.white2001,
    ]
}
