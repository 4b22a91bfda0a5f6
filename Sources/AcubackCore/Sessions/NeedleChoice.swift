/// The needle a practitioner names at the chair: a catalogue point (code or alias) with its side,
/// or an extra needle at a tender point: its area and spinal level on the body chart, its side,
/// and where it went in words.
public struct NeedleChoice: Sendable, Equatable {
    public var point: String?
    public var side: NeedleSide?
    public var site: Int?
    public var location: String?
    public var area: BodyArea?
    public var level: SpinalLevel?

    public init(
        point: String? = nil, side: NeedleSide? = nil, site: Int? = nil, location: String? = nil, area: BodyArea? = nil,
        level: SpinalLevel? = nil
    ) {
        self.point = point
        self.side = side
        self.site = site
        self.location = location
        self.area = area
        self.level = level
    }

    /// The ledger's key for this needle, under the catalogue's own code ("UB23" becomes "BL23").
    /// A point off the catalogue, or a side the point does not have, is refused naming the field.
    public func key(in catalogue: PointCatalogue) throws(ValidationError) -> NeedleKey {
        let code = point?.trimmingCharacters(in: .whitespaces) ?? ""
        let place = location?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !code.isEmpty else {
            guard !place.isEmpty || area != nil else {
                throw ValidationError(field: "point", rule: "is required: name a catalogue point, or place an extra needle on the body chart")
            }
            // The safety rules need to know where on the body a tender point is, not only its words.
            guard let area else {
                throw ValidationError(field: "area", rule: "is required for an extra needle: choose its spot on the body chart (area, and the spinal level on the back)")
            }
            guard let side else { throw ValidationError(field: "side", rule: "is required for an extra needle: left, right or midline") }
            let spot = BodyLocation(area: area, level: level, side: side, note: place)
            try spot.validate()
            return NeedleKey(at: spot)
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
