import AcubackAPI
import AcubackCore
import AcubackStore
import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import Prometheus

/// Builds the Acuback HTTP application over an open, migrated store.
/// - Parameters:
///   - metrics: the registry `/metrics` serves; nil leaves the route out (tests build many apps,
///     but the metrics system can be bootstrapped once per process).
public func buildApplication(
    configuration: AcubackConfiguration, store: AcubackDatabase, logger: Logger,
    metrics: PrometheusCollectorRegistry? = nil
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(store: store, logger: logger, metrics: metrics)
    let host = configuration.host
    return Application(
        router: router,
        configuration: .init(address: .hostname(host, port: configuration.port), serverName: "Acuback"),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            logger.notice("Acuback is serving at http://\(host):\(port)/ (database \(store.location))")
        },
        logger: logger)
}

func buildRouter(store: AcubackDatabase, logger: Logger, metrics: PrometheusCollectorRegistry?) async throws
    -> Router<AcubackRequestContext>
{
    let router = Router(context: AcubackRequestContext.self)
    router.middlewares.add(LogRequestsMiddleware(.debug))
    if metrics != nil { router.middlewares.add(MetricsMiddleware()) }
    router.middlewares.add(ProblemMiddleware())
    router.middlewares.add(
        FileMiddleware(ServerResources.path("Public"), urlBasePath: "/static", searchForIndexHtml: false, logger: logger))

    try APIService(store: store).registerHandlers(on: router)

    let renderer = try await PageRenderer.load(clinicName: "Acuback")
    PublicPagesController(renderer: renderer).addRoutes(to: router)
    PlanPageController(renderer: renderer).addRoutes(to: router)

    if let metrics {
        router.get("/metrics") { _, _ in
            var bytes: [UInt8] = []
            metrics.emit(into: &bytes)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
    return router
}
