/// Cue words that tie details to a person: honorifics, family words, child and school words,
/// birth and age words, address words, credential words (reference/vn-personal-data.md §4.3).
enum PersonalCueKeywords {
    static let entries: [LexiconEntry] =
        words(.credentialCue, ["mat khau", "pass", "password", "mk", "otp", "ma otp", "ten dang nhap", "username",
                               "user", "ma pin", "pin", "tai khoan dang nhap", "login", "passcode", "mat ma",
                               "ma xac thuc", "ma bao mat", "user name", "id dang nhap", "api key", "apikey",
                               "secret key", "access token", "token", "ma du phong", "cvv", "cvc", "cvv2", "ma cvv"])
        + words(.childCue, ["be", "chau", "con gai", "con trai", "con toi", "con minh", "con em", "em be",
                            "so sinh", "tre", "tre em", "hoc sinh", "hs", "thieu nhi", "be nha minh", "con",
                            "cu", "nhoc", "con be", "chau noi", "chau ngoai", "be nha em",
                            "dua nho", "dua con", "con nho"])
        + words(.schoolCue, ["truong", "lop", "mam non", "mau giao", "tieu hoc", "thcs", "thpt", "trung hoc",
                             "co giao chu nhiem", "co chu nhiem", "gvcn", "nha tre"])
        + words(.ageCue, ["tuoi", "thang tuoi", "tuoi roi", "tuoi ruoi"])
        + words(.birthCue, ["sinh", "ngay sinh", "sinh ngay", "sn", "ns", "sinh nam", "nam sinh", "dob",
                            "date of birth", "sinh nhat", "born", "ngay thang nam sinh", "sinh vao", "sinh ra",
                            "chao doi", "d o b", "ngay sn", "birthday", "sanh", "sanh nam", "nam sanh", "ngay sanh",
                            "sanh ngay", "sanh ra"])
        + words(.addressCue, ["dia chi", "d c", "dc", "nha rieng", "nha o", "so nha", "nha so", "thuong tru",
                              "tam tru", "noi o", "que quan", "nguyen quan", "dia chi giao hang", "ship den",
                              "ship toi", "o tai", "song tai", "nha minh o", "nha em o", "nha o tai",
                              "tru tai", "cu tru", "noi cu tru", "ho khau", "dia chi nha", "nha toi o", "nha chau o", "cho o", "hktt", "dkhktt", "noi dkhktt",
                              "tu gia", "giao den", "giao hang den", "ship ve", "gui ve",
                              "ngu tai", "ngu o", "cu ngu", "tru o", "dia chi nhan hang", "dia chi nhan qua",
                              "giao ve", "giao toi", "gui den", "gui toi", "dia chi nhan", "que"])
        + words(.addressUnit, ["thon", "to", "ap", "xom", "phuong", "xa", "quan", "huyen", "ngo", "ngach", "hem",
                               "kiet", "duong", "pho", "khu pho", "to dan pho", "thi tran", "tinh", "thanh pho",
                               "tp", "chung cu", "toa", "can ho", "tang", "phong", "block", "ban", "khu do thi",
                               "kdt", "p", "q", "tx", "thi xa", "kp", "tdp", "dac khu",
                               "khu dan cu", "kdc", "tap the", "khu tap the", "buon", "lang", "plei", "khom",
                               "khu vuc", "kv", "khu"])
        + words(.directionCue, ["nha thu", "can thu"])
        + words(.locationCue, ["vi tri", "dinh vi", "toa do", "check in", "dang o", "live location",
                               "chia se vi tri", "google maps", "gps"])
        + words(.familyCue, ["vo", "chong", "bo", "me", "ba", "ma", "anh trai", "chi gai", "em trai", "em gai",
                             "ong noi", "ong ngoai", "ba noi", "ba ngoai", "cha", "con trai", "con gai", "con", "ong",
                             "anh", "chi", "chau"])
        + words(.honorific, ["anh", "chi", "em", "co", "chu", "bac", "ong", "ba", "ban", "be", "chau", "cu",
                             "thay", "mr", "ms", "mrs"])
        + words(.photoCue, ["hinh", "hinh anh", "clip", "video", "tam anh", "buc anh", "tam hinh", "chup",
                            "anh chup", "hinh chup", "photo", "selfie"])
        + words(.columnLabel, ColumnRole.lexiconWords)
        + words(.newsCue, ["cho biet", "theo cao trang", "bi cao", "tand", "vksnd", "tam giu hinh su", "khoi to",
                           "phong vien", "pv", "ttxvn", "co quan cong an", "co quan chuc nang", "doi tuong",
                           "nghi pham", "tuyen phat", "xet xu", "phien toa", "so tham", "phuc tham",
                           "theo thong tin tu", "nghe nhan", "le hoi", "dieu tra", "bat giu", "truy to",
                           "cong an tinh", "cong an huyen", "cong an quan", "cong an thanh pho"])
        + words(.callOutCue, ["minh bi", "em bi", "toi bi", "tui bi", "e bi", "nha minh", "gia dinh minh",
                              "em gai minh", "em trai minh", "chong minh", "vo minh", "ban minh", "con minh",
                              "me minh", "bo minh", "chi minh", "ck minh", "vk minh", "ck e", "ck t", "lien he minh",
                              "ib minh", "inbox minh", "nhan tin cho minh", "share giup", "chia se giup",
                              "share cho", "ai biet", "ai quen", "ai tung bi", "boc phot", "moi nguoi can than",
                              "mn can than", "ae can than", "anh em can than", "moi nguoi canh giac",
                              "xin moi nguoi", "giup minh", "giup em", "lien he em", "ib em", "inbox em"])

    static func words(_ topic: Topic, _ list: [String]) -> [LexiconEntry] {
        list.map { LexiconEntry($0, topic) }
    }
}
