import Foundation

/// Plain output for people and scripts, written straight through so that a reader on a pipe sees
/// each line as soon as it is printed.
enum Console {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
