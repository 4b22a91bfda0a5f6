import Testing

@testable import AcubackCore

@Suite struct DiagnosisCodingTests {
    func codes(_ regions: [BackRegion], _ side: PainSide, radiating: Bool) -> [String] {
        let assessment = Assessment(regions: regions, side: side, radiatesToLeg: radiating, onset: .chronic)
        return DiagnosisCoding.codes(for: assessment).map(\.code)
    }

    @Test func lowBackPainWithoutRadiationIsM5450() {
        #expect(codes([.lower], .both, radiating: false) == ["M54.50"])
    }

    @Test func sciaticaIsCodedBySide() {
        #expect(codes([.lower], .left, radiating: true) == ["M54.42"])
        #expect(codes([.lower], .right, radiating: true) == ["M54.41"])
        #expect(codes([.lower], .both, radiating: true) == ["M54.41", "M54.42"])
        #expect(codes([.lower], .midline, radiating: true) == ["M54.40"])
    }

    @Test func upperAndMiddleBackAreThoracic() {
        #expect(codes([.upper], .left, radiating: false) == ["M54.6"])
        #expect(codes([.middle, .lower], .right, radiating: false) == ["M54.50", "M54.6"])
    }

    @Test func theDeletedM545IsNeverUsed() {
        #expect(BillingCatalogue.diagnosis("M54.5") == nil)
        for region in BackRegion.allCases {
            for side in PainSide.allCases {
                for radiating in [false, true] { #expect(!codes([region], side, radiating: radiating).contains("M54.5")) }
            }
        }
    }

    @Test func everyCodeHasASource() {
        for code in BillingCatalogue.procedures + BillingCatalogue.diagnoses {
            #expect(!code.source.isEmpty && !code.summary.isEmpty)
        }
    }
}
