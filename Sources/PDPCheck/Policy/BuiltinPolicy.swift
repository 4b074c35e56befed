/// The default policy, as data. Issue #6 moves policies to Policies/*.yaml; until then this
/// table is the single place where severities, actions, advice and legal bases live.
/// Article references follow reference/vn-personal-data.md §1 (Decree 356 Art. 3 = basic
/// personal data items 1–11, Art. 4 = sensitive personal data points a–m).
extension Policy {
    public static let builtinDefault = Policy(name: "default", minimumConfidence: 0.5, rules: BuiltinRules.all)
}

enum BuiltinRules {
    static let decree = "Decree 356/2025/NĐ-CP"
    static let law = "Law 91/2025/QH15"
    static let civil = "Civil Code 2015"

    static func basic(_ item: Int) -> [LegalReference] {
        [LegalReference(instrument: decree, article: "Art. 3(\(item))"),
         LegalReference(instrument: law, article: "Art. 16")]
    }

    static func sensitive(_ point: String) -> [LegalReference] {
        [LegalReference(instrument: decree, article: "Art. 4(\(point))"),
         LegalReference(instrument: law, article: "Art. 16")]
    }

    static func rule(_ severity: Severity, _ action: FixAction, automatic: Bool? = nil,
                     vi: String, en: String, _ legal: [LegalReference]) -> CategoryRule {
        let auto = automatic ?? [.mask, .replace, .remove, .stripMetadata].contains(action)
        return CategoryRule(severity: severity, action: action, automatic: auto,
                            advice: LocalizedText(vi: vi, en: en), legal: legal)
    }

    static let all: [Category: CategoryRule] = [
        .phoneNumber: rule(.high, .mask,
            vi: "Che số điện thoại (giữ vài số đầu/cuối) hoặc chỉ để liên hệ qua tin nhắn; số của người khác cần họ đồng ý.",
            en: "Mask the phone number (keep a few leading/trailing digits) or ask people to message you; someone else's number needs their consent.",
            basic(7)),
        .nationalID: rule(.high, .mask,
            vi: "Không đăng số định danh/CCCD/CMND. Che toàn bộ số; nếu cần xác minh, gửi riêng cho người có trách nhiệm.",
            en: "Never publish a personal ID / CCCD / CMND number. Mask it fully; if someone must verify it, send it privately.",
            basic(7)),
        .passportNumber: rule(.high, .mask,
            vi: "Che số hộ chiếu trước khi đăng.", en: "Mask the passport number before publishing.", basic(7)),
        .driverLicense: rule(.high, .mask,
            vi: "Che số giấy phép lái xe.", en: "Mask the driving-licence number.", basic(7)),
        .taxCode: rule(.medium, .mask,
            vi: "Mã số thuế cá nhân là dữ liệu cá nhân: che đi, trừ mã số thuế doanh nghiệp công khai.",
            en: "A personal tax code is personal data: mask it, unless it is a business's public tax code.",
            basic(11)),
        .insuranceNumber: rule(.high, .mask,
            vi: "Che mã số BHXH/BHYT.", en: "Mask the social or health insurance number.", basic(11)),
        .bankAccount: rule(.medium, .mask,
            vi: "Số tài khoản kèm tên chủ tài khoản dễ bị lợi dụng để lừa đảo; chỉ đăng khi thật cần (kêu gọi từ thiện) và là tài khoản của chính bạn.",
            en: "An account number with the holder's name invites scams; publish it only when you must (a charity appeal) and only your own.",
            basic(11)),
        .paymentCard: rule(.high, .mask,
            vi: "Không bao giờ đăng số thẻ ngân hàng: che toàn bộ.", en: "Never publish a card number: mask it fully.",
            sensitive("k")),
        .emailAddress: rule(.medium, .mask,
            vi: "Che địa chỉ email của người khác; email của bạn chỉ đăng nếu bạn muốn được liên hệ công khai.",
            en: "Mask other people's e-mail addresses; publish your own only if you want public contact.",
            basic(11)),
        .licensePlate: rule(.medium, .mask,
            vi: "Biển số định danh gắn với chủ xe: che biển số.", en: "Identity plates follow their owner: mask the plate number.",
            basic(7)),
        .dateOfBirth: rule(.medium, .mask,
            vi: "Ngày sinh giúp kẻ gian mạo danh: chỉ để năm hoặc bỏ hẳn.", en: "A birth date helps impersonation: keep only the year or drop it.",
            basic(2)),
        .homeAddress: rule(.high, .mask,
            vi: "Không đăng địa chỉ nhà: chỉ nêu phường/xã hoặc tỉnh/thành.", en: "Don't publish a home address: give only the ward or province.",
            basic(4)),
        .preciseLocation: rule(.high, .remove,
            vi: "Tọa độ/đường dẫn bản đồ chỉ đúng chỗ ở: xóa hoặc thay bằng địa danh chung.",
            en: "Coordinates or map links pinpoint where someone is: remove them or name a general area.",
            sensitive("h")),
        .childData: rule(.high, .obtainConsent,
            vi: "Thông tin trẻ em (tên, tuổi, trường, lớp, ảnh) cần sự đồng ý của cha mẹ và của trẻ từ đủ 7 tuổi; tốt nhất là bỏ tên trường/lớp.",
            en: "A child's details (name, age, school, class, photo) need consent from a parent and from the child if aged 7 or over; better drop school and class.",
            [LegalReference(instrument: law, article: "Art. 24"), LegalReference(instrument: decree, article: "Art. 3(11)")]),
        .sensitiveHealth: rule(.high, .review,
            vi: "Tình trạng sức khỏe của một người cụ thể là dữ liệu nhạy cảm: cần sự đồng ý của người đó.",
            en: "An identifiable person's health is sensitive data: it needs that person's consent.", sensitive("d")),
        .sensitiveCriminal: rule(.high, .review,
            vi: "Thông tin tiền án, vi phạm pháp luật của một người là dữ liệu nhạy cảm; đăng sai có thể bị xử lý.",
            en: "A person's criminal record or violations is sensitive data; publishing it wrongly can be punished.", sensitive("g")),
        .sensitiveReligion: rule(.high, .review,
            vi: "Tôn giáo, tín ngưỡng của một người cụ thể là dữ liệu nhạy cảm.", en: "An identifiable person's religion or belief is sensitive data.",
            sensitive("b")),
        .sensitivePolitics: rule(.high, .review,
            vi: "Quan điểm chính trị của một người cụ thể là dữ liệu nhạy cảm.", en: "An identifiable person's political views are sensitive data.",
            sensitive("b")),
        .sensitiveEthnicity: rule(.high, .review,
            vi: "Nguồn gốc dân tộc, chủng tộc của một người cụ thể là dữ liệu nhạy cảm.", en: "An identifiable person's ethnic or racial origin is sensitive data.",
            sensitive("a")),
        .sensitiveSexuality: rule(.high, .review,
            vi: "Đời sống tình dục, xu hướng tính dục của một người là dữ liệu nhạy cảm: không công khai thay họ.",
            en: "A person's sex life or orientation is sensitive data: never out someone.", sensitive("e")),
        .sensitivePrivateLife: rule(.high, .review,
            vi: "Đời tư, bí mật cá nhân, gia đình chỉ được công khai khi người đó đồng ý.",
            en: "Private life and personal or family secrets may be published only with the person's consent.",
            sensitive("c") + [LegalReference(instrument: civil, article: "Art. 38")]),
        .credentials: rule(.high, .remove,
            vi: "Xóa mật khẩu, mã OTP, tên đăng nhập và đổi mật khẩu ngay nếu đã lộ.",
            en: "Remove passwords, OTPs and user names, and change any password that leaked.", sensitive("i")),
        .personName: rule(.low, .review,
            vi: "Tên người đi kèm dữ liệu cá nhân khác giúp xác định họ: cân nhắc viết tắt.",
            en: "A name next to other personal data identifies the person: consider initials.", basic(1)),
        .gpsLocation: rule(.high, .stripMetadata,
            vi: "Ảnh/video chứa tọa độ GPS nơi chụp (thường là nhà bạn): xóa metadata trước khi gửi.",
            en: "The photo or video carries the GPS position where it was taken (often a home): strip its metadata before sending.",
            sensitive("h")),
        .locationName: rule(.medium, .stripMetadata,
            vi: "Metadata ghi tên địa điểm: xóa trước khi gửi.", en: "Metadata names the place: strip it before sending.", basic(4)),
        .faceRegion: rule(.medium, .stripMetadata,
            vi: "Ảnh có vùng nhận diện khuôn mặt; người trong ảnh cần đồng ý cho đăng.",
            en: "The image carries face regions; the people shown must consent to publication.",
            basic(6) + [LegalReference(instrument: civil, article: "Art. 32")]),
        .personTag: rule(.high, .stripMetadata,
            vi: "Metadata gắn tên người trong ảnh: xóa thẻ tên và hỏi ý kiến họ.",
            en: "Metadata names the people in the image: strip the tags and ask them.",
            basic(1) + [LegalReference(instrument: civil, article: "Art. 32")]),
        .deviceIdentity: rule(.low, .stripMetadata,
            vi: "Số serial/chủ máy ảnh liên kết các ảnh với bạn: xóa metadata.", en: "Camera serials and owner names link photos to you: strip them.",
            basic(11)),
        .authorIdentity: rule(.medium, .stripMetadata,
            vi: "Tài liệu ghi tên tác giả/người sửa: xóa thuộc tính tài liệu.", en: "The document names its author or editors: clear its properties.",
            basic(1)),
        .captureTime: rule(.info, .stripMetadata,
            vi: "Thời điểm chụp kết hợp vị trí cho biết thói quen của bạn.", en: "Capture time combined with place reveals routines.",
            basic(11)),
        .embeddedPreview: rule(.low, .stripMetadata,
            vi: "Ảnh thu nhỏ nhúng có thể còn phần đã cắt khỏi ảnh: xóa.", en: "An embedded thumbnail may still show what a crop removed: strip it.",
            basic(6)),
        .hiddenContent: rule(.medium, .review,
            vi: "Có nội dung ẩn (bình luận, lịch sử sửa, ghi chú): kiểm tra và xóa.", en: "Hidden content (comments, revisions, notes): check and remove it.",
            basic(11)),
    ]
}
