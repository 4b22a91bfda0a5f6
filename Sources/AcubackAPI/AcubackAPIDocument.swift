// The generated API types and server protocol come from openapi.yaml through the build plugin.
import Foundation

public enum AcubackAPIDocument {
    /// The OpenAPI document, as shipped, for serving at /api/v1/openapi.yaml.
    public static func yaml() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }
}
