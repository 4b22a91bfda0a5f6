import Crypto
import Foundation

extension String {
    /// SHA-256 of the UTF-8 text, as 64 lowercase hex digits.
    var sha256Hex: String {
        SHA256.hash(data: Data(utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
