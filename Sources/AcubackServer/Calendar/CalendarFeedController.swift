import AcubackServices
import AcubackCore
import Foundation
import Hummingbird

/// Serves the secret calendar links, and lets a practitioner or patient make (or replace) theirs.
struct CalendarFeedController {
    let services: AppServices
    var feeds: CalendarFeedService { CalendarFeedService(services: services) }

    func addRoutes(to router: Router<AcubackRequestContext>) {
        router.get("/calendar/{token}") { _, context in
            let token = (context.parameters.get("token") ?? "").replacingOccurrences(of: ".ics", with: "")
            guard let text = try await feeds.feed(token: token) else { throw HTTPError(.notFound) }
            return Response(
                status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "private, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.post("/account/calendar") { _, context in
            try context.require(.manageOwnAccount)
            do {
                let token = try await feeds.renew(by: context.actor!, from: context.clientAddress)
                return Response.redirect(to: "/account?feed=\(token)", type: .normal)
            } catch CalendarFeedService.FeedError.noCalendar {
                throw HTTPError(.badRequest, message: "Only practitioners and patients have a calendar of appointments.")
            }
        }
    }
}
