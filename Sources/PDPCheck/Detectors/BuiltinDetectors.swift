/// Every built-in text detector, in priority order (earlier wins a tie on the same span).
public enum BuiltinDetectors {
    public static var text: [any TextDetector] {
        [PhoneNumberDetector(), NationalIDDetector()]
    }
}
