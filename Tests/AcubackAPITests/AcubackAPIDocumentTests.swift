import Foundation
import Testing

@testable import AcubackAPI

@Suite struct AcubackAPIDocumentTests {
    @Test func theShippedDocumentIsOpenAPI31() throws {
        let text = String(decoding: try AcubackAPIDocument.yaml(), as: UTF8.self)
        #expect(text.hasPrefix("openapi: 3.1"))
    }

    @Test func everyGeneratedOperationIsInTheShippedDocument() throws {
        let text = String(decoding: try AcubackAPIDocument.yaml(), as: UTF8.self)
        for id in [Operations.GetHealth.id, Operations.GetReadiness.id, Operations.GetOpenAPIDocument.id] {
            #expect(text.contains("operationId: \(id)"))
        }
    }
}
