/// The needle a practitioner names at the chair: a catalogue point (code or alias) with its side,
/// or an extra needle at a tender point described by where it went.
public struct NeedleChoice: Sendable, Equatable {
    public var point: String?
    public var side: NeedleSide?
    public var site: Int?
    public var location: String?

    public init(point: String? = nil, side: NeedleSide? = nil, site: Int? = nil, location: String? = nil) {
        self.point = point
        self.side = side
        self.site = site
        self.location = location
    }

    /// The ledger's key for this needle, under the catalogue's own code ("UB23" becomes "BL23").
    /// A point off the catalogue, or a side the point does not have, is refused naming the field.
    public func key(in catalogue: PointCatalogue) throws(ValidationError) -> NeedleKey {
        let code = point?.trimmingCharacters(in: .whitespaces) ?? ""
        let place = location?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !code.isEmpty else {
            guard !place.isEmpty else {
                throw ValidationError(field: "point", rule: "is required: name a catalogue point, or give the location of an extra needle")
            }
            guard place.count <= 200 else { throw ValidationError(field: "location", rule: "must be at most 200 characters") }
            return NeedleKey(extraAt: place)
        }
        guard let found = catalogue.point(code) else {
            throw ValidationError(
                field: "point", rule: "'\(code)' is not in the point catalogue; record a needle elsewhere as an extra needle with its location")
        }
        let midline = found.meridian?.isMidline == true || found.needling?.bilateral == false
        let chosenSide: NeedleSide
        switch (side, midline) {
        case (nil, true), (.midline?, true): chosenSide = .midline
        case (nil, false): throw ValidationError(field: "side", rule: "is required: \(found.code) lies on both sides of the body (left or right)")
        case (.midline?, false): throw ValidationError(field: "side", rule: "must be left or right: \(found.code) lies on both sides of the body")
        case (let given?, true): throw ValidationError(field: "side", rule: "must be midline: \(found.code) lies on the midline, not \(given.rawValue)")
        case (let given?, false): chosenSide = given
        }
        let sites = found.needling?.chart.count ?? 1
        if sites > 1 {
            guard let site, (1...sites).contains(site) else {
                throw ValidationError(field: "site", rule: "must be 1 to \(sites): \(found.code) has \(sites) sites on each side")
            }
            return NeedleKey(point: found.code, side: chosenSide, site: site)
        }
        return NeedleKey(point: found.code, side: chosenSide)
    }
}

extension ChairSession {
    /// The deepest a needle may go here: the plan's limit for a planned needle (which carries the
    /// patient's safety caps), the catalogue's typical maximum for another point, 100 mm otherwise.
    public func depthLimit(for key: NeedleKey, in catalogue: PointCatalogue) -> Int {
        if let planned = planned.first(where: { $0.point == key.point && $0.side == key.side && $0.site == key.site }) {
            return planned.maxDepthMm
        }
        if let code = key.point, let depth = catalogue.point(code)?.needling?.depthMm { return depth.max }
        return 100
    }

    /// Checks an insertion against the depth limit before it goes into the ledger.
    public func checkDepth(_ insertion: Insertion, in catalogue: PointCatalogue) throws(ValidationError) {
        let limit = depthLimit(for: insertion.key, in: catalogue)
        guard insertion.depthMm <= limit else {
            throw ValidationError(field: "depthMm", rule: "\(insertion.depthMm) mm is deeper than the \(limit) mm allowed for \(insertion.key) in this patient's plan")
        }
    }
}
