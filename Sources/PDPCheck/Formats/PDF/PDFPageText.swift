import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Page text through poppler's `pdftotext` (laying out text from content streams and fonts is
/// poppler's job, not ours). The PDF goes in on stdin, so an embedded PDF never touches the
/// disk; the text comes back on stdout, capped in size and time.
enum PDFPageText {
    /// `pdftotext` on PATH, looked up once.
    static let defaultExecutable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/pdftotext"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static let missingNote = "page text not read: pdftotext (poppler-utils) is not installed"

    struct Options: Sendable {
        var executable: String? = PDFPageText.defaultExecutable
        var timeLimit: Double = 20
        var maxOutputBytes = 16 << 20
    }

    enum Input {
        case path(String)
        case bytes([UInt8])
    }

    struct Result {
        /// UTF-8 text (pages separated by form feeds), nil when none could be read.
        var text: [UInt8]?
        var notes: [String] = []
    }

    static func extract(_ input: Input, options: Options = Options()) -> Result {
        guard let executable = options.executable else { return Result(text: nil, notes: [missingNote]) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        var stdinPipe: Pipe?
        switch input {
        case .path(let path):
            // A relative name starting with "-" would be read as an option.
            process.arguments = ["-q", "-enc", "UTF-8", path.hasPrefix("-") ? "./" + path : path, "-"]
            process.standardInput = FileHandle.nullDevice
        case .bytes:
            process.arguments = ["-q", "-enc", "UTF-8", "-", "-"]
            let pipe = Pipe()
            process.standardInput = pipe
            stdinPipe = pipe
        }
        do {
            try process.run()
        } catch {
            return Result(text: nil, notes: ["page text not read: pdftotext could not be started (\(error.localizedDescription))"])
        }
        if let pipe = stdinPipe, case .bytes(let bytes) = input {
            let writer = pipe.fileHandleForWriting
            Thread.detachNewThread { feed(bytes, to: writer) }
        }
        let started = DispatchTime.now()
        let watchdog = DispatchWorkItem { [process] in stop(process) }
        DispatchQueue.global().asyncAfter(deadline: started + options.timeLimit, execute: watchdog)

        var text: [UInt8] = []
        var capped = false
        let reader = output.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            let room = options.maxOutputBytes - text.count
            if chunk.count > room {
                text.append(contentsOf: chunk.prefix(room))
                capped = true
                stop(process)
                break
            }
            text.append(contentsOf: chunk)
        }
        process.waitUntilExit()
        watchdog.cancel()
        try? reader.close()

        var result = Result()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        if capped {
            result.notes.append("page text cut at \(options.maxOutputBytes >> 20) MB")
            text = trimIncompleteUTF8(text)
        } else if process.terminationReason == .uncaughtSignal {
            if elapsed >= options.timeLimit {
                result.notes.append("page text not read: pdftotext took longer than \(Int(options.timeLimit)) s")
            } else {
                result.notes.append("page text not read: pdftotext stopped with signal \(process.terminationStatus)")
            }
            return result
        } else if process.terminationStatus != 0 && text.isEmpty {
            result.notes.append("page text not read: pdftotext failed (exit status \(process.terminationStatus))")
            return result
        }
        // pdftotext writes valid UTF-8; decoding again guards against anything else.
        result.text = Array(String(decoding: text, as: UTF8.self).utf8)
        return result
    }

    /// Writes the PDF to pdftotext's stdin on its own thread. SIGPIPE is blocked on this thread,
    /// so pdftotext exiting early makes `write` fail with EPIPE instead of killing the process.
    private static func feed(_ bytes: [UInt8], to handle: FileHandle) {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let fd = handle.fileDescriptor
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var written = 0
            while written < buffer.count {
                let n = write(fd, base + written, min(1 << 16, buffer.count - written))
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                written += n
            }
        }
        try? handle.close()
    }

    private static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { [process] in
            if process.isRunning { kill(pid, SIGKILL) }
        }
    }

    /// Drops a UTF-8 sequence cut off at the end.
    static func trimIncompleteUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var end = bytes.count
        var back = 0
        while end > 0 && back < 4 && bytes[end - 1] & 0xC0 == 0x80 {
            end -= 1
            back += 1
        }
        guard end > 0 else { return bytes }
        let lead = bytes[end - 1]
        let need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return need > back + 1 ? Array(bytes[0..<(end - 1)]) : bytes
    }
}
