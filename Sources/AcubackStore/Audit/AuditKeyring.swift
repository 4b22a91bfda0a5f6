import AcubackCore
import Crypto
import Foundation

/// The secret keys that sign the audit chain, read from a file kept outside the database.
///
/// With a plain hash anyone who can write the database could rewrite an entry and recompute every
/// hash after it. Each entry's hash is an HMAC-SHA-256 under a key the database does not hold, so a
/// rewrite needs the key file too. The file holds one key per line (64 hex digits), oldest first;
/// the last signs new entries and the older ones stay to verify what they signed, which is how a
/// key is rotated. When the file is made for a database that already has unsigned entries (written
/// by a version before keys), it notes where each clinic's chain ended, so no later entry may be
/// unsigned: rewriting the whole chain without keys is found too.
public struct AuditKeyring: Sendable {
    public struct Key: Sendable {
        /// Stored with each entry: the first 16 hex digits of the key's SHA-256, never the key.
        public let id: String
        let secret: SymmetricKey
        let hex: String
    }

    public let file: String
    /// Oldest first; the last one signs.
    public let keys: [Key]
    /// Per clinic, the last entry that may be unsigned (entries written before the key file).
    public let unsignedUntil: [UUID: Int]

    public var current: Key { keys[keys.count - 1] }

    /// The hash an entry must carry: keyed with the key it names, or plain SHA-256 for entries from
    /// before the key file; nil when the file does not hold the key it names, or when the entry is
    /// unsigned but comes after the point the key file was made.
    public func hash(of event: AuditEvent) -> String? {
        guard let keyID = event.keyID else {
            return event.sequence <= unsignedUntil[event.clinicID, default: 0] ? event.canonicalText.sha256Hex : nil
        }
        return keys.first { $0.id == keyID }.map { Self.sign(event.canonicalText, with: $0) }
    }

    func sign(_ text: String) -> (keyID: String, hash: String) {
        (current.id, Self.sign(text, with: current))
    }

    static func sign(_ text: String, with key: Key) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key.secret).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads the key file, or makes it (readable by its owner only) with one new key when it is
    /// missing; `chainEnds` tells a new file where each clinic's unsigned entries end.
    public static func load(file: String, chainEnds: () async throws -> [UUID: Int] = { [:] }) async throws -> AuditKeyring {
        if !FileManager.default.fileExists(atPath: file) {
            let made = AuditKeyring(file: file, keys: [newKey()], unsignedUntil: try await chainEnds().filter { $0.value > 0 })
            try made.write(creating: true)
        }
        return try read(file: file)
    }

    /// Reads an existing key file.
    public static func read(file: String) throws(StoreError) -> AuditKeyring {
        var status = stat()
        guard stat(file, &status) == 0 else { throw .auditKeyUnusable(path: file, reason: String(cString: strerror(errno))) }
        guard status.st_mode & 0o077 == 0 else {
            throw .auditKeyUnusable(
                path: file, reason: "other users may read it (mode \(String(status.st_mode & 0o777, radix: 8))); run chmod 600 on it")
        }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw .auditKeyUnusable(path: file, reason: "it cannot be read")
        }
        var keys: [Key] = []
        var unsignedUntil: [UUID: Int] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(separator: " ").map(String.init)
            if words.isEmpty || words[0].hasPrefix("#") { continue }
            if words.count == 3, words[0] == "unsigned-until", let clinic = UUID(uuidString: words[1]), let sequence = Int(words[2]), sequence >= 0 {
                unsignedUntil[clinic] = sequence
            } else if words.count == 1, let key = key(hex: words[0]) {
                keys.append(key)
            } else {
                throw .auditKeyUnusable(path: file, reason: "line \(number + 1) is neither a key of 64 hex digits nor 'unsigned-until CLINIC SEQUENCE'")
            }
        }
        guard !keys.isEmpty else { throw .auditKeyUnusable(path: file, reason: "it holds no key") }
        return AuditKeyring(file: file, keys: keys, unsignedUntil: unsignedUntil)
    }

    /// Adds a new signing key at the end of the file; the older keys stay to verify what they signed.
    public static func rotate(file: String) throws(StoreError) -> Key {
        let existing = try read(file: file)
        let rotated = AuditKeyring(file: file, keys: existing.keys + [newKey()], unsignedUntil: existing.unsignedUntil)
        try rotated.write(creating: false)
        return rotated.current
    }

    /// Adds the keys of `other` that `file` lacks, before its own, so its signing key stays the same
    /// (a restored backup's entries stay verifiable).
    public static func merge(from other: String, into file: String) throws(StoreError) {
        let incoming = try read(file: other)
        guard FileManager.default.fileExists(atPath: file) else {
            try AuditKeyring(file: file, keys: incoming.keys, unsignedUntil: incoming.unsignedUntil).write(creating: true)
            return
        }
        let own = try read(file: file)
        let missing = incoming.keys.filter { key in !own.keys.contains { $0.id == key.id } }
        let boundaries = own.unsignedUntil.merging(incoming.unsignedUntil) { max($0, $1) }
        guard !missing.isEmpty || boundaries != own.unsignedUntil else { return }
        try AuditKeyring(file: file, keys: missing + own.keys, unsignedUntil: boundaries).write(creating: false)
    }

    private static func key(hex: String) -> Key? {
        guard hex.count == 64, let bytes = hexBytes(hex) else { return nil }
        return Key(id: String(Data(bytes).sha256Hex.prefix(16)), secret: SymmetricKey(data: bytes), hex: hex.lowercased())
    }

    private static func newKey() -> Key {
        key(hex: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined())!
    }

    /// Writes through a new file moved into place, so a reader never sees half a key file.
    private func write(creating: Bool) throws(StoreError) {
        let text = ["# Acuback audit chain keys, oldest first; the last signs new entries. Keep a copy apart from the database."]
            + unsignedUntil.sorted { $0.key.uuidString < $1.key.uuidString }.map { "unsigned-until \($0.key.uuidString.lowercased()) \($0.value)" }
            + keys.map(\.hex)
        let data = Data((text.joined(separator: "\n") + "\n").utf8)
        let staged = file + ".new-\(UUID().uuidString.prefix(8))"
        let descriptor = open(staged, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw .auditKeyUnusable(path: file, reason: "it cannot be written (\(String(cString: strerror(errno))))") }
        let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        fsync(descriptor)
        close(descriptor)
        guard written == data.count else {
            unlink(staged)
            throw .auditKeyUnusable(path: file, reason: "it could not be written in full")
        }
        if creating {
            // Linked only if no file appeared meanwhile: two servers starting at once keep one key.
            let linked = link(staged, file) == 0
            let failure = errno
            unlink(staged)
            if !linked && failure != EEXIST {
                throw .auditKeyUnusable(path: file, reason: "it cannot be created (\(String(cString: strerror(failure))))")
            }
        } else if rename(staged, file) != 0 {
            unlink(staged)
            throw .auditKeyUnusable(path: file, reason: "it cannot be replaced (\(String(cString: strerror(errno))))")
        }
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}

extension Data {
    var sha256Hex: String {
        SHA256.hash(data: self).map { String(format: "%02x", $0) }.joined()
    }
}
