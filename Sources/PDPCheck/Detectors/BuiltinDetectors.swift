/// Every built-in text detector, in priority order (earlier wins a tie on the same span).
/// Identifier detectors come first; relational detectors run in the second phase and see
/// what the first found.
public enum BuiltinDetectors {
    public static var text: [any TextDetector] {
        [
            PhoneNumberDetector(), NationalIDDetector(),
            TaxCodeDetector(), InsuranceNumberDetector(), BankAccountDetector(), PaymentCardDetector(),
            PassportNumberDetector(), DriverLicenseDetector(),
            LicensePlateDetector(), PreciseLocationDetector(), MapLinkDetector(), EmailAddressDetector(),
            DateOfBirthDetector(), HomeAddressDetector(), CredentialsDetector(),
            ChildDataDetector(),
        ] + SensitiveTopicDetector.all.map { $0 as any TextDetector } + [PersonNameDetector()]
    }
}
