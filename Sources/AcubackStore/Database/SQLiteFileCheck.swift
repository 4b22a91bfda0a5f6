import Foundation

/// Checks a SQLite path before SQLite touches it, so a bad path fails with a plain reason and
/// leaves nothing behind.
enum SQLiteFileCheck {
    static func verifyUsable(path: String) throws(StoreError) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw .sqliteNotUsable(path: path, reason: "it is a folder, not a file")
            }
            guard files.isReadableFile(atPath: path), files.isWritableFile(atPath: path) else {
                throw .sqliteNotUsable(path: path, reason: "the file is not readable and writable by this user")
            }
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        let parent = folder.isEmpty ? "." : folder
        guard files.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .sqliteNotUsable(path: path, reason: "the folder \(parent) does not exist")
        }
        guard files.isWritableFile(atPath: parent) else {
            throw .sqliteNotUsable(path: path, reason: "the folder \(parent) is not writable")
        }
    }
}
