import AcubackCore
import AcubackServices
import Foundation
import Hummingbird

/// The admin's messaging page: what the clinic sends about bookings (confirmations and
/// reminders, by e-mail and by text) and how long before a visit the reminder goes.
struct AdminMessagingController {
    let renderer: PageRenderer
    let services: AppServices

    func addRoutes(to router: RouterGroup<AcubackRequestContext>) {
        router.get("messaging") { request, context in
            let actor = try context.signedIn
            let settings = try await services.messaging.settings(by: actor)
            let saved = FormFields(request.uri.queryParameters).text("saved") == "1"
            return try renderer.render("admin-messaging", context, path: "/admin/messaging", model: AdminMessagingPage(settings, saved: saved))
                .response(from: request, context: context)
        }
        router.post("messaging") { request, context in
            let actor = try context.signedIn
            let form = try await FormFields.of(request)
            let settings = Self.settings(from: form)
            do {
                try await services.messaging.save(settings, by: actor, from: context.clientAddress)
                return Response.redirect(to: "/admin/messaging?saved=1", type: .normal)
            } catch let error as ValidationError {
                var page = AdminMessagingPage(settings, saved: false)
                page.message = error.inWords
                page.reminderHours = form.text("reminderHours")
                return try renderer.render("admin-messaging", context, path: "/admin/messaging", model: page, status: .badRequest)
                    .response(from: request, context: context)
            }
        }
    }

    /// The form read into settings; a number that is not one is refused by the rule's range.
    static func settings(from form: FormFields) -> MessagingSettings {
        MessagingSettings(
            confirmByEmail: form.flag("confirmByEmail"), confirmByText: form.flag("confirmByText"),
            remindByEmail: form.flag("remindByEmail"), remindByText: form.flag("remindByText"),
            reminderHours: Int(form.text("reminderHours")) ?? 0)
    }
}

/// The admin-messaging template's values.
struct AdminMessagingPage: PageModel {
    var confirmByEmail: Bool
    var confirmByText: Bool
    var remindByEmail: Bool
    var remindByText: Bool
    var reminderHours: String
    var minHours = MessagingSettings.reminderHoursRange.lowerBound
    var maxHours = MessagingSettings.reminderHoursRange.upperBound
    var saved: Bool
    var message: String?

    init(_ settings: MessagingSettings, saved: Bool) {
        confirmByEmail = settings.confirmByEmail
        confirmByText = settings.confirmByText
        remindByEmail = settings.remindByEmail
        remindByText = settings.remindByText
        reminderHours = String(settings.reminderHours)
        self.saved = saved
    }
}
