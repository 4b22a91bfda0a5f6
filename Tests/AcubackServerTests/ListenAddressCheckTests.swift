import NIOCore
import NIOPosix
import Testing

@testable import AcubackServer
@testable import AcubackServices

@Suite struct ListenAddressCheckTests {
    @Test func aPortInUseIsReportedBeforeAnythingElseHappens() async throws {
        let taken = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(taken.localAddress?.port)
        await #expect {
            try await ListenAddressCheck.verify(host: "127.0.0.1", port: port)
        } throws: { error in
            "\(error)" == "cannot listen on 127.0.0.1:\(port): the address is already in use (is another acuback running?)"
        }
        try await taken.close()
        try await ListenAddressCheck.verify(host: "127.0.0.1", port: port)
    }
}
