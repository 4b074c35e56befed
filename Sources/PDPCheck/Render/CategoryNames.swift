/// Human names of categories, in both languages.
public enum CategoryNames {
    public static func name(_ category: Category, _ language: Language) -> String {
        let (vi, en) = pair(category)
        return language == .vi ? vi : en
    }

    static func pair(_ category: Category) -> (String, String) {
        switch category {
        case .phoneNumber: return ("Số điện thoại", "Phone number")
        case .nationalID: return ("Số định danh / CCCD / CMND", "Personal ID number (CCCD/CMND)")
        case .passportNumber: return ("Số hộ chiếu", "Passport number")
        case .driverLicense: return ("Số giấy phép lái xe", "Driving-licence number")
        case .taxCode: return ("Mã số thuế", "Tax code")
        case .insuranceNumber: return ("Mã số BHXH / BHYT", "Insurance number")
        case .bankAccount: return ("Số tài khoản ngân hàng", "Bank account")
        case .paymentCard: return ("Số thẻ ngân hàng", "Payment card")
        case .emailAddress: return ("Địa chỉ email", "E-mail address")
        case .licensePlate: return ("Biển số xe", "Licence plate")
        case .dateOfBirth: return ("Ngày sinh", "Date of birth")
        case .homeAddress: return ("Địa chỉ nhà", "Home address")
        case .preciseLocation: return ("Vị trí chính xác", "Precise location")
        case .childData: return ("Thông tin trẻ em", "Child's data")
        case .sensitiveHealth: return ("Sức khỏe (nhạy cảm)", "Health (sensitive)")
        case .sensitiveCriminal: return ("Tiền án, vi phạm (nhạy cảm)", "Criminal record (sensitive)")
        case .sensitiveReligion: return ("Tôn giáo (nhạy cảm)", "Religion (sensitive)")
        case .sensitivePolitics: return ("Chính trị (nhạy cảm)", "Political views (sensitive)")
        case .sensitiveEthnicity: return ("Dân tộc (nhạy cảm)", "Ethnicity (sensitive)")
        case .sensitiveSexuality: return ("Tình dục, xu hướng tính dục (nhạy cảm)", "Sexuality (sensitive)")
        case .sensitivePrivateLife: return ("Đời tư (nhạy cảm)", "Private life (sensitive)")
        case .credentials: return ("Mật khẩu, OTP", "Credentials")
        case .personName: return ("Họ tên", "Person's name")
        case .gpsLocation: return ("Vị trí GPS", "GPS location")
        case .locationName: return ("Tên địa điểm", "Place name")
        case .faceRegion: return ("Vùng khuôn mặt", "Face region")
        case .personTag: return ("Thẻ tên người", "Person tag")
        case .deviceIdentity: return ("Danh tính thiết bị", "Device identity")
        case .authorIdentity: return ("Tác giả", "Author")
        case .captureTime: return ("Thời điểm chụp", "Capture time")
        case .embeddedPreview: return ("Ảnh xem trước nhúng", "Embedded preview")
        case .hiddenContent: return ("Nội dung ẩn", "Hidden content")
        }
    }
}
