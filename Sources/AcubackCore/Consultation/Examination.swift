/// The short examination of a first consultation: free text where words serve best, and the
/// structured items the prescription engine reads (the tender levels and radiation live on the
/// assessment itself).
public struct Examination: Codable, Sendable, Equatable {
    public var rangeOfMovement: String
    /// Straight-leg raise: the angle in degrees at which leg pain came on, nil when not tested or painless.
    public var straightLegRaiseLeft: Int?
    public var straightLegRaiseRight: Int?
    /// Tender points by location, in words (the palpated levels are on the assessment).
    public var tenderPoints: String
    public var neurologicalSigns: String

    public init(
        rangeOfMovement: String = "", straightLegRaiseLeft: Int? = nil, straightLegRaiseRight: Int? = nil,
        tenderPoints: String = "", neurologicalSigns: String = ""
    ) {
        self.rangeOfMovement = rangeOfMovement
        self.straightLegRaiseLeft = straightLegRaiseLeft
        self.straightLegRaiseRight = straightLegRaiseRight
        self.tenderPoints = tenderPoints
        self.neurologicalSigns = neurologicalSigns
    }

    public static let none = Examination()
    public static let angleRange = 0...90
    public static let textLimit = 2000

    enum CodingKeys: String, CodingKey {
        case rangeOfMovement, straightLegRaiseLeft, straightLegRaiseRight, tenderPoints, neurologicalSigns
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        rangeOfMovement = try values.decodeIfPresent(String.self, forKey: .rangeOfMovement) ?? ""
        straightLegRaiseLeft = try values.decodeIfPresent(Int.self, forKey: .straightLegRaiseLeft)
        straightLegRaiseRight = try values.decodeIfPresent(Int.self, forKey: .straightLegRaiseRight)
        tenderPoints = try values.decodeIfPresent(String.self, forKey: .tenderPoints) ?? ""
        neurologicalSigns = try values.decodeIfPresent(String.self, forKey: .neurologicalSigns) ?? ""
    }

    func check(into errors: inout FieldErrorCollector) {
        for (field, angle) in [("straightLegRaiseLeft", straightLegRaiseLeft), ("straightLegRaiseRight", straightLegRaiseRight)] {
            if let angle { errors.check(Self.angleRange.contains(angle), "examination.\(field)", "must be from 0 to 90 degrees") }
        }
        for (field, text) in [("rangeOfMovement", rangeOfMovement), ("tenderPoints", tenderPoints), ("neurologicalSigns", neurologicalSigns)] {
            errors.check(text.count <= Self.textLimit, "examination.\(field)", "must be at most \(Self.textLimit) characters")
        }
    }
}
