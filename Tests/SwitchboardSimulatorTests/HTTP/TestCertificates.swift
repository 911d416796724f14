import Foundation
import NIOSSL

/// A certificate authority and two server certificates it signed, made with the `openssl` tool in a temporary
/// directory: `server` is for `localhost` and 127.0.0.1, `otherHost` only for `other.example`. No system trusts the
/// authority, so a client trusts these only when given ``authority`` as an extra root.
struct TestCertificates {
    var authority: NIOSSLCertificate
    var server: NIOSSLContext
    var otherHost: NIOSSLContext

    struct OpenSSLFailed: Error, CustomStringConvertible {
        var description: String
    }

    static func make() throws -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-tls-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl(
            ["req", "-x509"] + key + [
                "-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "1", "-subj", "/CN=Switchboard Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
            ])
        for (name, names) in [("server", "DNS:localhost,IP:127.0.0.1"), ("other", "DNS:other.example")] {
            try openssl(
                ["req", "-new"] + key + [
                    "-keyout", path("\(name).key"), "-out", path("\(name).csr"), "-subj", "/CN=\(name)",
                ])
            try "subjectAltName=\(names)\nextendedKeyUsage=serverAuth\n".write(
                toFile: path("\(name).ext"), atomically: true, encoding: .utf8)
            try openssl([
                "x509", "-req", "-in", path("\(name).csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
                "-CAcreateserial", "-days", "1", "-extfile", path("\(name).ext"), "-out", path("\(name).pem"),
            ])
        }
        let server = { (name: String) in
            try NIOSSLContext(
                configuration: .makeServerConfiguration(
                    certificateChain: NIOSSLCertificate.fromPEMFile(path("\(name).pem")).map { .certificate($0) },
                    privateKey: .privateKey(NIOSSLPrivateKey(file: path("\(name).key"), format: .pem))))
        }
        guard let authority = try NIOSSLCertificate.fromPEMFile(path("ca.pem")).first else {
            throw OpenSSLFailed(description: "openssl made no certificate authority")
        }
        return TestCertificates(authority: authority, server: try server("server"), otherHost: try server("other"))
    }

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OpenSSLFailed(
                description: "openssl \(arguments.first ?? ""): \(String(decoding: message, as: UTF8.self))")
        }
    }
}
