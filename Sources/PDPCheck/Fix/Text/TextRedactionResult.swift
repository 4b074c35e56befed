/// A redacted copy of a text file or HTML page.
public struct TextRedactionResult: Sendable {
    /// The redacted file; equal to the input when nothing needed redacting.
    public var bytes: [UInt8]
    /// Every finding redacted, with the action taken.
    public var redactions: [Redaction]
    /// The byte edits of the first pass, against the input's offsets (later passes, which
    /// catch what only shows once the first is done, edit the first pass's output).
    public var edits: [SourceEdit]
    /// Passes made (a contact link whose text was masked is found and masked on the second).
    public var passes: Int
    /// Findings a fix could handle on its own that the re-scan still finds (should be none).
    public var remaining: [Finding]
    /// Findings left for a person (the policy says review or consent).
    public var needsPerson: [Finding]
    public var notes: [String]

    public var changed: Bool { !redactions.isEmpty }
}
