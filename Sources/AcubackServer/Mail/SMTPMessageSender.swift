import AcubackServices
import Foundation
import NIOCore
import NIOPosix

/// Sends mail to an SMTP relay (`ACUBACK_SMTP_URL=smtp://user:pass@host:port`): EHLO, AUTH PLAIN
/// when a user is given, MAIL FROM, RCPT TO, DATA, QUIT. Meant for the clinic's own relay on a
/// trusted network; it does not speak TLS.
struct SMTPMessageSender: MessageSender {
    let host: String
    let port: Int
    let username: String?
    let password: String?
    let from: String
    var timeout: TimeAmount = .seconds(20)

    init(url: String, from: String) throws {
        guard let parts = URLComponents(string: url), parts.scheme == "smtp", let host = parts.host, !host.isEmpty else {
            throw ConfigurationError.invalid(name: "ACUBACK_SMTP_URL", value: url, rule: "a URL such as smtp://user:pass@mail.example:25")
        }
        self.host = host
        self.port = parts.port ?? 25
        self.username = parts.user?.removingPercentEncoding
        self.password = parts.password?.removingPercentEncoding
        self.from = from
    }

    struct SMTPError: Error, CustomStringConvertible {
        let description: String
    }

    func send(_ message: OutboxMessage) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var lines = SMTPReplyReader(inbound.makeAsyncIterator())
            func expect(_ code: Int) async throws {
                let reply = try await lines.reply()
                guard reply.code == code else { throw SMTPError(description: "SMTP server answered \(reply.text) where \(code) was expected") }
            }
            func say(_ line: String, expect code: Int) async throws {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                try await expect(code)
            }
            try await expect(220)
            try await say("EHLO acuback", expect: 250)
            if let username {
                let credentials = Data("\u{0}\(username)\u{0}\(password ?? "")".utf8).base64EncodedString()
                try await say("AUTH PLAIN \(credentials)", expect: 235)
            }
            try await say("MAIL FROM:<\(from)>", expect: 250)
            try await say("RCPT TO:<\(message.recipient)>", expect: 250)
            try await say("DATA", expect: 354)
            try await outbound.write(ByteBuffer(string: Self.data(for: message, from: from)))
            try await expect(250)
            try await say("QUIT", expect: 221)
        }
    }

    /// Headers and body, with lines starting with a dot doubled (RFC 5321 §4.5.2).
    static func data(for message: OutboxMessage, from: String) -> String {
        let subject = message.subject.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: " ")
        let headers = [
            "From: Acuback <\(from)>", "To: <\(message.recipient)>", "Subject: \(subject)",
            "Date: \(DateFormatters.string(Date(), "EEE, dd MMM yyyy HH:mm:ss Z", in: .current, locale: "en_US_POSIX"))", "Message-ID: <\(message.id.uuidString)@acuback>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
        ]
        let body = message.body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        return (headers + [""] + body).joined(separator: "\r\n") + "\r\n.\r\n"
    }
}

/// Reads SMTP replies (possibly multi-line, "250-…" then "250 …") from the connection.
struct SMTPReplyReader {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending = ""

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
        self.iterator = iterator
    }

    mutating func reply() async throws -> (code: Int, text: String) {
        while true {
            while let range = pending.range(of: "\r\n") {
                let line = String(pending[..<range.lowerBound])
                pending.removeSubrange(..<range.upperBound)
                guard line.count >= 3, let code = Int(line.prefix(3)) else { continue }
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " { return (code, line) }
            }
            guard let buffer = try await iterator.next() else {
                throw SMTPMessageSender.SMTPError(description: "the SMTP server closed the connection")
            }
            pending += String(buffer: buffer)
        }
    }
}
