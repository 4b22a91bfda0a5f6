/// CSV as spreadsheets read it: fields quoted, quotes doubled, CRLF line ends, and text that a
/// spreadsheet would run as a formula (=, +, -, @) prefixed with an apostrophe.
public enum CSV {
    public static func field(_ text: String) -> String {
        let safe = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A header and rows; numbers and empty cells are written bare, text quoted.
    public static func table(header: [String], rows: [[String]]) -> String {
        ([header.joined(separator: ",")] + rows.map { row in row.map(cell).joined(separator: ",") }).joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        value.isEmpty || Double(value) != nil ? value : field(value)
    }
}
