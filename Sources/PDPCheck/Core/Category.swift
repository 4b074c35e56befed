/// The fixed vocabulary of `category` in reports (DESIGN.md, "Categories").
/// Raw values are the contract; never rename one.
public enum Category: String, CaseIterable, Codable, Sendable, Comparable {
    // Text
    case phoneNumber = "phone_number"
    case nationalID = "national_id"
    case passportNumber = "passport_number"
    case driverLicense = "driver_license"
    case taxCode = "tax_code"
    case insuranceNumber = "insurance_number"
    case bankAccount = "bank_account"
    case paymentCard = "payment_card"
    case emailAddress = "email_address"
    case licensePlate = "license_plate"
    case dateOfBirth = "date_of_birth"
    case homeAddress = "home_address"
    case preciseLocation = "precise_location"
    case childData = "child_data"
    case sensitiveHealth = "sensitive_health"
    case sensitiveCriminal = "sensitive_criminal"
    case sensitiveReligion = "sensitive_religion"
    case sensitivePolitics = "sensitive_politics"
    case sensitiveEthnicity = "sensitive_ethnicity"
    case sensitiveSexuality = "sensitive_sexuality"
    case sensitivePrivateLife = "sensitive_private_life"
    case credentials = "credentials"
    case personName = "person_name"
    // Metadata
    case gpsLocation = "gps_location"
    case locationName = "location_name"
    case faceRegion = "face_region"
    case personTag = "person_tag"
    case deviceIdentity = "device_identity"
    case authorIdentity = "author_identity"
    case captureTime = "capture_time"
    case embeddedPreview = "embedded_preview"
    case hiddenContent = "hidden_content"

    public enum Kind: String, Sendable { case text, metadata }

    public var kind: Kind {
        switch self {
        case .gpsLocation, .locationName, .faceRegion, .personTag, .deviceIdentity,
             .authorIdentity, .captureTime, .embeddedPreview, .hiddenContent:
            return .metadata
        default:
            return .text
        }
    }

    /// Declaration order, so reports list categories the way DESIGN.md does.
    public static func < (lhs: Category, rhs: Category) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
