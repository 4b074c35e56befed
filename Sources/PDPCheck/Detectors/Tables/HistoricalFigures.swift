/// Historical and revolutionary figures whose names Vietnamese streets, wards and schools bear
/// ("hẻm 42 Trần Văn Khéo" is a person; "khu Hào Nam – Tôn Đức Thắng", "trường Lê Quý Đôn",
/// "đường Nguyễn Thị Minh Khai" are places). A full name in this table is never a private
/// person's mention. Folded, without marks; two-syllable names only where no private person is
/// likely to be meant.
enum HistoricalFigures {
    static let folded: Set<String> = [
        // Kings, generals and scholars.
        "tran hung dao", "le loi", "nguyen hue", "quang trung", "ly thuong kiet", "hai ba trung", "ba trieu",
        "le thanh tong", "le thanh ton", "nguyen trai", "ngo quyen", "dinh tien hoang", "ly thai to",
        "tran nhan tong", "tran quoc toan", "pham ngu lao", "tran quang khai", "tran khat chan", "tran binh trong",
        "tran khanh du", "yet kieu", "ly nam de", "ly cong uan", "tran thai tong",
        "an duong vuong", "hung vuong", "to hien thanh", "chu van an", "le quy don", "nguyen binh khiem",
        "luong the vinh", "mac dinh chi", "le van huu", "ngo si lien", "nguyen du", "nguyen khuyen",
        "ho xuan huong", "nguyen dinh chieu", "nguyen cong tru", "nguyen gia thieu", "nguyen tri phuong",
        "hoang dieu", "ton that thuyet", "phan dinh phung", "hoang hoa tham", "doi can", "nguyen thai hoc",
        "phan boi chau", "phan chu trinh", "phan chau trinh", "huynh thuc khang", "tran quy cap", "tran cao van",
        "nguyen truong to", "truong dinh", "nguyen trung truc", "bui thi xuan", "le lai", "nguyen xi",
        "nguyen chi thanh", "ngo gia tu",
        // Revolutionaries, leaders and heroes.
        "tran phu", "le hong phong", "nguyen van cu", "ha huy tap", "truong chinh", "le duan", "pham van dong",
        "ton duc thang", "vo van kiet", "nguyen van linh", "vo nguyen giap", "le duc tho",
        "hoang van thu", "nguyen thi minh khai", "vo thi sau", "nguyen van troi", "ly tu trong", "kim dong",
        "vo van tan", "nguyen thi dinh", "nguyen huu canh", "nguyen huu tho", "nguyen luong bang",
        "hoang quoc viet", "le trong tan", "hoang van thai", "nguyen phong sac",
        "to vinh dien", "be van dan", "phan dinh giot", "cu chinh lan", "la van cau", "nguyen viet xuan",
        "ho tung mau", "nguyen tat thanh", "nguyen ai quoc", "ho chi minh", "tran dai nghia", "ta quang buu",
        "ton that tung", "dang thuy tram", "mac thi buoi", "nguyen thi thap", "ha huy giap", "phan dang luu",
        "phan xich long", "phan van tri", "tran duy hung",
        "cach mang thang tam", "dien bien phu", "nam ky khoi nghia",
        
        "dinh bo linh", "le dai hanh", "tran nguyen han", "to ngoc van",
        "vo chi cong", "phan ke binh", "ton thap tuong", "nguyen an ninh", "huynh tan phat",
    ]

    /// Whether `text[range]`, folded, is one of the figures.
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        folded.contains(ProseText.folded(text, range))
    }
}
