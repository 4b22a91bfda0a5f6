import AcubackServices
import AcubackCore
import Hummingbird

/// Pages anyone may read without signing in.
struct PublicPagesController {
    let renderer: PageRenderer

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/") { _, context in try renderer.render("home", context, path: "/", model: HomePage(context, words: renderer.words(context))) }
        router.get("/learn/back-pain") { _, context in
            try renderer.render(
                "learn-back-pain", context, path: "/learn/back-pain",
                model: LearnBackPainPage(sources: Self.patientPageSources.map(LearnBackPainPage.Source.init)))
        }
    }

    /// The sources behind the facts on the patient page, in the order the page uses them.
    static let patientPageSources: [ClinicalSource] = [
        ClinicalSources.who2008, ClinicalSources.haake2007, ClinicalSources.cherkin2009,
        ClinicalSources.brinkhaus2006, ClinicalSources.macPherson2005, ClinicalSources.witt2009,
        ClinicalSources.white2001,
    ]
}

/// The home page's sentences that name the clinic.
struct HomePage: PageModel {
    let heroLead: String
    let contactHeading: String

    init(_ context: AcubackRequestContext, words: Catalogue) {
        let clinic = ["clinicName": context.clinicContact?.displayName ?? ClinicContact.fallbackName]
        heroLead = words.text("home.hero.lead", clinic)
        contactHeading = words.text("home.contact.heading", clinic)
    }
}

/// The learn-back-pain template's values: the sources its facts cite.
struct LearnBackPainPage: PageModel {
    struct Source: Sendable {
        let id: String
        let citation: String
        let link: String?

        init(_ source: ClinicalSource) {
            id = source.id
            citation = source.citation
            link = source.link
        }
    }

    let sources: [Source]
}
