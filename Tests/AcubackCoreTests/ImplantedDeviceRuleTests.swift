import Testing

@testable import AcubackCore

@Suite struct ImplantedDeviceRuleTests {
    @Test func anImplantedDeviceSwitchesElectroacupunctureOff() throws {
        let result = try plan(.lower(electro: true, patient: RiskFactors(implantedDevice: true)))
        #expect(!result.electroacupuncture)
        let finding = try #require(result.finding("device.electroacupuncture"))
        #expect(finding.severity == .block && finding.resolution != nil)
        #expect(!result.hasUnresolvedBlock)
    }

    @Test func withoutADeviceElectroacupunctureIsKept() throws {
        let result = try plan(.lower(electro: true))
        #expect(result.electroacupuncture)
        #expect(result.finding("device.electroacupuncture") == nil)
    }

    @Test func aDeviceWithoutElectroacupunctureIsNotedOnly() throws {
        let result = try plan(.lower(patient: RiskFactors(implantedDevice: true)))
        #expect(result.finding("device.electroacupuncture")?.severity == .info)
        #expect(result.isUsable)
    }
}
