import Foundation
import Testing
@testable import PDPCheck

@Suite("Sniffer")
struct SnifferTests {
    let sniffer = MediaSniffer()

    func sniff(_ bytes: [UInt8], name: String? = nil) -> SniffResult {
        sniffer.sniff(head: bytes, isWholeFile: true, fileName: name)
    }

    @Test("own signatures decide image, video, document and archive formats")
    func signatures() {
        #expect(sniff([0xFF, 0xD8, 0xFF, 0xE1, 0, 0]).format == .jpeg)
        #expect(sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]).format == .png)
        #expect(sniff(Array("GIF89a....".utf8)).format == .gif)
        #expect(sniff(Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8X".utf8)).format == .webp)
        #expect(sniff([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]).format == .tiff)
        #expect(sniff(Array("%PDF-1.7\n".utf8)).format == .pdf)
        #expect(sniff([0x50, 0x4B, 0x03, 0x04, 0x14, 0]).format == .zip)
        let heic: [UInt8] = [0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8)
        #expect(sniff(heic) == SniffResult(mediaType: "image/heic", format: .heif))
        let mov: [UInt8] = [0, 0, 0, 20] + Array("ftypqt  ".utf8) + [0, 0, 2, 0] + Array("qt  ".utf8)
        #expect(sniff(mov) == SniffResult(mediaType: "video/quicktime", format: .isobmffVideo))
        let mp4: [UInt8] = [0, 0, 0, 24] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isomiso2".utf8)
        #expect(sniff(mp4).format == .isobmffVideo)
    }

    @Test("text encodings: UTF-8 with and without BOM, UTF-16 with and without BOM")
    func textEncodings() {
        #expect(sniff(Array("Xin chào 0905".utf8)) == SniffResult(mediaType: "text/plain", format: .text(.utf8)))
        #expect(sniff([0xEF, 0xBB, 0xBF] + Array("abc".utf8)).format == .text(.utf8))
        #expect(sniff([0xFF, 0xFE, 0x61, 0x00]).format == .text(.utf16LE))
        #expect(sniff([0xFE, 0xFF, 0x00, 0x61]).format == .text(.utf16BE))
        let le = Array("Hello world".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(sniff(le).format == .text(.utf16LE))
        #expect(sniff([]).format == .text(.utf8))
        #expect(sniff(Array("# Tiêu đề".utf8), name: "post.MD").mediaType == "text/markdown")
        #expect(sniff(Array("<!DOCTYPE html><p>x".utf8)).format == .html)
    }

    @Test("a head cut in the middle of a UTF-8 character is still text")
    func truncatedHead() {
        let bytes = Array("Nguyễ".utf8)
        let cut = Array(bytes.prefix(bytes.count - 1))
        #expect(sniffer.sniff(head: cut, isWholeFile: false, fileName: nil).format == .text(.utf8))
        #expect(TextSniffer.isValidUTF8(cut, allowTruncatedTail: false) == false)
        #expect(TextSniffer.isValidUTF8([0xC0, 0x80], allowTruncatedTail: true) == false, "overlong")
        #expect(TextSniffer.isValidUTF8([0xED, 0xA0, 0x80], allowTruncatedTail: true) == false, "surrogate")
    }

    @Test("unknown binary goes to libmagic and is not text")
    func binaryGoesToLibmagic() {
        var elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 8)
        elf += [2, 0, 0x3E, 0, 1, 0, 0, 0] + Array(repeating: 0, count: 40)
        let result = sniff(elf)
        #expect(result.format == .other)
        #expect(result.mediaType.hasPrefix("application/"))
    }

    @Test("sniffing from many tasks at once is safe (one libmagic cookie per call)")
    func concurrentSniffing() async {
        let sniffer = self.sniffer
        let blob: [UInt8] = [0x7F, 0x45, 0x4C, 0x46] + Array(repeating: 1, count: 60)
        let types = await withTaskGroup(of: String.self) { group in
            for _ in 0..<64 { group.addTask { sniffer.sniff(head: blob, isWholeFile: true, fileName: nil).mediaType } }
            var all: [String] = []
            for await t in group { all.append(t) }
            return all
        }
        #expect(Set(types).count == 1)
    }
}
