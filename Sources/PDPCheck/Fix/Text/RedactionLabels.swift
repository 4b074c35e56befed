/// The bracketed labels `replace` writes in place of a value, in the report language. They
/// name what was there without any of it, and hold no digit a detector could read again.
enum RedactionLabels {
    static func label(for category: Category, language: Language) -> String {
        let (vi, en) = texts(category)
        return "[" + (language == .vi ? vi : en) + "]"
    }

    private static func texts(_ category: Category) -> (String, String) {
        switch category {
        case .phoneNumber: return ("số điện thoại đã ẩn", "phone number removed")
        case .nationalID: return ("số định danh đã ẩn", "ID number removed")
        case .passportNumber: return ("số hộ chiếu đã ẩn", "passport number removed")
        case .driverLicense: return ("số giấy phép lái xe đã ẩn", "driving licence number removed")
        case .taxCode: return ("mã số thuế đã ẩn", "tax code removed")
        case .insuranceNumber: return ("số bảo hiểm đã ẩn", "insurance number removed")
        case .bankAccount: return ("số tài khoản đã ẩn", "bank account number removed")
        case .paymentCard: return ("số thẻ đã ẩn", "card number removed")
        case .emailAddress: return ("email đã ẩn", "e-mail address removed")
        case .licensePlate: return ("biển số xe đã ẩn", "licence plate removed")
        case .dateOfBirth: return ("ngày sinh đã ẩn", "date of birth removed")
        case .homeAddress: return ("địa chỉ đã ẩn", "address removed")
        case .preciseLocation: return ("vị trí đã ẩn", "location removed")
        case .childData: return ("thông tin về trẻ em đã ẩn", "child's details removed")
        case .credentials: return ("mật khẩu đã ẩn", "credential removed")
        case .personName: return ("tên đã ẩn", "name removed")
        case .sensitiveHealth, .sensitiveCriminal, .sensitiveReligion, .sensitivePolitics, .sensitiveEthnicity,
             .sensitiveSexuality, .sensitivePrivateLife:
            return ("thông tin nhạy cảm đã ẩn", "sensitive information removed")
        case .gpsLocation, .locationName: return ("vị trí đã ẩn", "location removed")
        case .faceRegion, .personTag: return ("người trong ảnh đã ẩn", "person removed")
        case .deviceIdentity: return ("số máy đã ẩn", "device identity removed")
        case .authorIdentity: return ("tác giả đã ẩn", "author removed")
        case .captureTime: return ("thời điểm đã ẩn", "time removed")
        case .embeddedPreview, .hiddenContent: return ("nội dung ẩn đã xóa", "hidden content removed")
        }
    }
}
