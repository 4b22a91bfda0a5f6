import AcubackServices
import AcubackAPI
import AcubackCore
import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import Prometheus

/// Builds the Acuback HTTP application over the services of an open, migrated database.
/// - Parameters:
///   - metrics: the registry `/metrics` serves; nil leaves the route out (tests build many apps,
///     but the metrics system can be bootstrapped once per process).
///   - backgroundWork: run the outbox dispatcher beside the server; tests of routes leave it out.
public func buildApplication(
    configuration: AcubackConfiguration, services: AppServices, logger: Logger,
    metrics: PrometheusCollectorRegistry? = nil, backgroundWork: Bool = true
) async throws -> some ApplicationProtocol {
    let address = services.publicAddress
    let router = try await buildRouter(
        services: services, logger: logger, metrics: metrics, metricsToken: configuration.metricsToken, pseudoLocale: configuration.pseudoLocale)
    let host = configuration.host
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(host, port: configuration.port), serverName: "Acuback"),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            address.learn(host: host, port: port)
            logger.notice("Acuback is serving at http://\(host):\(port)/ (database \(services.databaseLocation))")
        },
        logger: logger)
    if backgroundWork {
        app.addServices(services.outboxDispatcher(sender: try messageSender(configuration, logger: logger), logger: logger))
        app.addServices(services.waitlistAdvancer(logger: logger))
    }
    return app
}

/// E-mail through the SMTP relay and text messages through the SMS gateway, when configured;
/// whatever has none goes to the log.
func messageSender(_ configuration: AcubackConfiguration, logger: Logger) throws -> any MessageSender {
    let log = LogMessageSender(logger: logger)
    let email: any MessageSender = try configuration.smtpURL.map { try SMTPMessageSender(url: $0, from: configuration.mailFrom) } ?? log
    let sms: any MessageSender = try configuration.smsURL.map { try HTTPTextMessageSender(url: $0, token: configuration.smsToken) } ?? log
    return ChannelRouter(email: email, sms: sms)
}

func buildRouter(
    services: AppServices, logger: Logger, metrics: PrometheusCollectorRegistry?, metricsToken: String? = nil, pseudoLocale: Bool = false
) async throws
    -> Router<AcubackRequestContext>
{
    let router = Router(context: AcubackRequestContext.self)
    let renderer = try await PageRenderer.load(pseudoLocale: pseudoLocale)
    router.middlewares.add(LogRequestsMiddleware(.debug))
    router.middlewares.add(SecurityHeadersMiddleware())
    if metrics != nil { router.middlewares.add(MetricsMiddleware()) }
    router.middlewares.add(ProblemMiddleware())
    if let metrics { router.middlewares.add(MetricsEndpointMiddleware(registry: metrics, token: metricsToken)) }
    router.middlewares.add(
        FileMiddleware(ServerResources.path("Public"), urlBasePath: "/static", searchForIndexHtml: false, logger: logger))
    router.middlewares.add(AuthMiddleware(services: services))
    router.middlewares.add(LanguageMiddleware())
    router.middlewares.add(ClinicContactMiddleware(services: services))
    router.middlewares.add(PageErrorMiddleware(renderer: renderer))
    router.middlewares.add(BodyLimitMiddleware())
    router.middlewares.add(CSRFMiddleware())

    // Compact JSON: the API is read by programs, and indenting a 10 kB plan is work for no one.
    try APIService(services: services).registerHandlers(
        on: router, configuration: .init(dateTranscoder: FlexibleDateTranscoder(), jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]),
        middlewares: [APIAccessMiddleware()])

    PublicPagesController(renderer: renderer).addRoutes(to: router)
    PlanPageController(renderer: renderer).addRoutes(to: router)
    AuthPagesController(renderer: renderer, services: services).addRoutes(to: router)
    AccountPagesController(renderer: renderer, services: services).addRoutes(to: router)
    LanguageController(services: services).addRoutes(to: router)
    PatientPagesController(renderer: renderer, services: services).addRoutes(to: router)
    PatientBookingController(renderer: renderer, services: services).addRoutes(to: router)
    DayViewController(renderer: renderer, services: services).addRoutes(to: router)
    WaitlistPagesController(renderer: renderer, services: services).addRoutes(to: router)
    CalendarFeedController(services: services).addRoutes(to: router)
    ChairPagesController(renderer: renderer, services: services).addRoutes(to: router)
    CheckInPagesController(renderer: renderer, services: services).addRoutes(to: router)
    CoursePagesController(renderer: renderer, services: services).addRoutes(to: router)
    AnalyticsPagesController(renderer: renderer, services: services).addRoutes(to: router)
    StrictaPagesController(renderer: renderer, services: services).addRoutes(to: router)
    SuperbillPagesController(renderer: renderer, services: services).addRoutes(to: router)
    PatientAccountPagesController(renderer: renderer, services: services).addRoutes(to: router)

    let admin = router.group("admin").add(middleware: AdminOnlyMiddleware())
    AdminUsersController(renderer: renderer, services: services).addRoutes(to: admin)
    AdminAuditController(renderer: renderer, services: services).addRoutes(to: admin)
    AdminPractitionersController(renderer: renderer, services: services).addRoutes(to: admin)
    AdminIncidentsController(renderer: renderer, services: services).addRoutes(to: admin)
    AdminClinicController(renderer: renderer, services: services).addRoutes(to: admin)
    AdminBillingController(renderer: renderer, services: services).addRoutes(to: admin)
    AdminMessagingController(renderer: renderer, services: services).addRoutes(to: admin)

    return router
}
