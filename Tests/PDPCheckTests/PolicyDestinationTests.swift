import Foundation
import Testing
@testable import PDPCheck

/// `--destination`: the same photo is judged by where it is going, and the report says why.
@Suite("Policy destinations")
struct PolicyDestinationTests {
    static let gpsPhoto = TestSupport.corpus.appendingPathComponent("media/jpeg/gps-exif.jpg").path

    static func gps(_ destination: String?, photo: String = gpsPhoto, policy: Policy = .builtinDefault) async throws -> Finding {
        let target = try destination.map { try #require(policy.destination(named: $0)) }
        let scanner = PDPCheck.Scanner(policy: policy, options: ScanOptions(jobs: 1, destination: target))
        let report = await scanner.scan(paths: [photo])
        #expect(report.destination == destination)
        return try #require(report.files.first?.findings.first { $0.category == .gpsLocation })
    }

    @Test("the same GPS photo is high for telegram-file and lower for facebook-post, with the reason")
    func telegramFileVersusFacebook() async throws {
        let telegram = try await Self.gps("telegram-file")
        let facebook = try await Self.gps("facebook-post")
        #expect(telegram.severity == .high)
        #expect(facebook.severity < .high)
        #expect(facebook.severity == .low)
        let why = try #require(facebook.destination)
        #expect(why.name == "facebook-post" && why.metadata == "stripped" && why.originalSeverity == .high)
        #expect(why.reason.contains("Facebook"))
        #expect(telegram.destination?.metadata == "kept" && telegram.destination?.certainty == "confirmed")
        #expect(telegram.destination?.reason.contains("byte for byte") == true)
        let none = try await Self.gps(nil)
        #expect(none.severity == .high && none.destination == nil)
    }

    @Test("Zalo photos are uncertain and treated as kept; print lowers metadata to info")
    func zaloAndPrint() async throws {
        let zalo = try await Self.gps("zalo-photo")
        #expect(zalo.severity == .high)
        #expect(zalo.destination?.certainty == "uncertain")
        #expect(try await Self.gps("print").severity == .info)
    }

    @Test("a detector's cap still wins: a (0, 0) position stays low even where files are kept")
    func detectorCapWins() async throws {
        let zero = TestSupport.corpus.appendingPathComponent("media/jpeg/gps-zero.jpg").path
        let finding = try await Self.gps("telegram-file", photo: zero)
        #expect(finding.severity == .low)
    }

    @Test("text in the post is not adjusted by a destination")
    func textUntouched() async throws {
        let target = try #require(Policy.builtinDefault.destination(named: "facebook-post"))
        let scanner = PDPCheck.Scanner(options: ScanOptions(jobs: 1, destination: target))
        let report = await scanner.scan([InputItem(displayPath: "-", source: .bytes(Array("Gọi 0905 123 456".utf8)))])
        let phone = try #require(report.files[0].findings.first { $0.category == .phoneNumber })
        #expect(phone.severity == .high && phone.destination == nil)
    }

    @Test("a policy can correct a destination it knows better (here: Zalo photos tested as stripped)")
    func policyOverridesDestination() async throws {
        let policy = try PolicyLoader.parse(Array("""
            extends: default
            destinations:
              zalo-photo:
                metadata: stripped
                certainty: confirmed
                cap: low
                floor: {}
                reason: {vi: "Đã kiểm thử với Zalo 24.x: ảnh gửi thường mất EXIF.", en: "Tested with Zalo 24.x: photos sent normally lose EXIF."}
              intranet:
                label: {vi: "Mạng nội bộ", en: "Intranet"}
                metadata: kept
                certainty: confirmed
                reason: {vi: "Tệp gốc.", en: "Original files."}

            """.utf8), file: "tested.yaml")
        #expect(try await Self.gps("zalo-photo", policy: policy).severity == .low)
        #expect(try await Self.gps("intranet", policy: policy).severity == .high)
        #expect(policy.destinations.count == 12)
    }
}
