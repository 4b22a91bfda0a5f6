import AcubackServices
import AcubackAPI
import AcubackCore
import OpenAPIRuntime

extension APIService {
    func listPoints(_ input: Operations.ListPoints.Input) async throws -> Operations.ListPoints.Output {
        let query = input.query
        let catalogue = PointCatalogue.standard
        let matches = catalogue.points(
            region: query.region.flatMap { PointRegion(rawValue: $0.rawValue) },
            meridian: query.meridian.flatMap { Meridian(rawValue: $0.rawValue) },
            level: query.level.flatMap { SpinalLevel(rawValue: $0.rawValue) },
            code: query.code,
            prescribableOnly: query.prescribable ?? false)
        let page = try Page(limit: query.limit, offset: query.offset)
        let items = page.slice(matches).map(Components.Schemas.Point.init)
        return .ok(.init(body: .json(.init(
            items: items, total: matches.count, limit: page.limit, offset: page.offset,
            catalogueVersion: catalogue.version))))
    }

    func getPoint(_ input: Operations.GetPoint.Input) async throws -> Operations.GetPoint.Output {
        guard let point = PointCatalogue.standard.point(input.path.code) else {
            return .notFound(.init(body: .applicationProblemJson(.init(
                Problem.notFound("'\(input.path.code)' is not a point in the catalogue", instance: "/api/v1/points/\(input.path.code)")))))
        }
        return .ok(.init(body: .json(.init(point))))
    }
}

/// Paging for every list: `limit` items from `offset`, with limits that keep answers small.
struct Page: Sendable {
    static let defaultLimit = 100
    static let maximumLimit = 500
    /// Far beyond any list a clinic keeps; it also keeps `offset + limit` clear of overflow.
    static let maximumOffset = 1_000_000

    let limit: Int
    let offset: Int

    init(limit: Int?, offset: Int?) throws(ValidationError) {
        var errors = FieldErrorCollector()
        let limit = limit ?? Self.defaultLimit
        let offset = offset ?? 0
        errors.check((1...Self.maximumLimit).contains(limit), "limit", "must be from 1 to \(Self.maximumLimit)")
        errors.check((0...Self.maximumOffset).contains(offset), "offset", "must be from 0 to \(Self.maximumOffset)")
        try errors.throwIfAny()
        self.limit = limit
        self.offset = offset
    }

    func slice<T>(_ items: [T]) -> [T] {
        guard offset < items.count else { return [] }
        return Array(items[offset..<min(items.count, offset + limit)])
    }
}
