namespace Archive.Core.Catalog;

/// <summary>
/// The field table of TT 02/2019 (document §1, dossier §2, fonds §3 of TT02.md). The
/// Vietnamese field names live only here so that a correction is one edit; validation
/// messages take their names from these instances.
/// </summary>
public static class Tt02Fields
{
    /// <summary>Văn bản — the 22 fields of TT 02 in their regulatory order, plus the archive's own.</summary>
    public static class Document
    {
        public static readonly Tt02Field DocCode = new("DocCode", "Mã định danh văn bản", 25);
        public static readonly Tt02Field FileCode = new("FileCode", "Mã hồ sơ", 30);
        public static readonly Tt02Field Identifier = new("Identifier", "Mã cơ quan lưu trữ lịch sử", 13);
        public static readonly Tt02Field OrganId = new("OrganId", "Mã phông/công trình/sưu tập lưu trữ", 13);
        public static readonly Tt02Field FileCatalog = new("FileCatalog", "Mục lục số hoặc năm hình thành hồ sơ", 4);
        public static readonly Tt02Field FileNotation = new("FileNotation", "Số và ký hiệu hồ sơ", 20);
        public static readonly Tt02Field DocOrdinal = new("DocOrdinal", "Số thứ tự văn bản trong hồ sơ", 4);
        public static readonly Tt02Field TypeName = new("TypeName", "Tên loại văn bản", 100);
        public static readonly Tt02Field CodeNumber = new("CodeNumber", "Số của văn bản", 11);
        public static readonly Tt02Field CodeNotation = new("CodeNotation", "Ký hiệu của văn bản", 30);
        public static readonly Tt02Field IssuedDate = new("IssuedDate", "Ngày, tháng, năm văn bản");
        public static readonly Tt02Field OrganName = new("OrganName", "Tên cơ quan, tổ chức ban hành văn bản", 200);
        public static readonly Tt02Field Subject = new("Subject", "Trích yếu nội dung", 500);
        public static readonly Tt02Field Language = new("Language", "Ngôn ngữ");
        public static readonly Tt02Field PageAmount = new("PageAmount", "Số lượng trang của văn bản", 4);
        public static readonly Tt02Field Description = new("Description", "Ghi chú", 500);
        public static readonly Tt02Field InforSign = new("InforSign", "Ký hiệu thông tin", 30);
        public static readonly Tt02Field Keyword = new("Keyword", "Từ khóa", 100);
        public static readonly Tt02Field Mode = new("Mode", "Chế độ sử dụng", 20);
        public static readonly Tt02Field ConfidenceLevel = new("ConfidenceLevel", "Mức độ tin cậy", 30);
        public static readonly Tt02Field Autograph = new("Autograph", "Bút tích", 2000);
        public static readonly Tt02Field Format = new("Format", "Tình trạng vật lý", 50);

        // Not TT 02 fields: the archive's own id and how the file came to be (TT02.md §1 item 20 note).
        public static readonly Tt02Field Id = new("Id", "Mã văn bản trong kho lưu trữ");
        public static readonly Tt02Field Origin = new("Origin", "Nguồn gốc tài liệu");

        /// <summary>The 22 TT 02 fields, in the order of the circular (the XML export order).</summary>
        public static readonly IReadOnlyList<Tt02Field> All =
        [
            DocCode, FileCode, Identifier, OrganId, FileCatalog, FileNotation, DocOrdinal, TypeName,
            CodeNumber, CodeNotation, IssuedDate, OrganName, Subject, Language, PageAmount, Description,
            InforSign, Keyword, Mode, ConfidenceLevel, Autograph, Format,
        ];
    }

    /// <summary>Hồ sơ — TT 02 §2, plus Người lập hồ sơ from NĐ 30.</summary>
    public static class Dossier
    {
        public static readonly Tt02Field FileCode = new("FileCode", "Mã hồ sơ", 30);
        public static readonly Tt02Field Identifier = new("Identifier", "Mã cơ quan lưu trữ lịch sử", 13);
        public static readonly Tt02Field OrganId = new("OrganId", "Mã phông", 13);
        public static readonly Tt02Field FileCatalog = new("FileCatalog", "Mục lục số hoặc năm hình thành hồ sơ", 4);
        public static readonly Tt02Field FileNotation = new("FileNotation", "Số và ký hiệu hồ sơ", 20);
        public static readonly Tt02Field Title = new("Title", "Tiêu đề hồ sơ", 1000);
        public static readonly Tt02Field Maintenance = new("Maintenance", "Thời hạn bảo quản");
        public static readonly Tt02Field Rights = new("Rights", "Chế độ sử dụng", 30);
        public static readonly Tt02Field Language = new("Language", "Ngôn ngữ");
        public static readonly Tt02Field StartDate = new("StartDate", "Thời gian bắt đầu");
        public static readonly Tt02Field EndDate = new("EndDate", "Thời gian kết thúc");
        public static readonly Tt02Field DocTotal = new("DocTotal", "Tổng số văn bản trong hồ sơ", 10);
        public static readonly Tt02Field Description = new("Description", "Chú giải", 2000);
        public static readonly Tt02Field InforSign = new("InforSign", "Ký hiệu thông tin", 30);
        public static readonly Tt02Field Keyword = new("Keyword", "Từ khóa", 100);
        public static readonly Tt02Field SheetTotal = new("SheetTotal", "Số lượng tờ", 10);
        public static readonly Tt02Field PageTotal = new("PageTotal", "Số lượng trang", 10);
        public static readonly Tt02Field Format = new("Format", "Tình trạng vật lý", 50);
        public static readonly Tt02Field Creator = new("Creator", "Người lập hồ sơ", 30);

        public static readonly IReadOnlyList<Tt02Field> All =
        [
            FileCode, Identifier, OrganId, FileCatalog, FileNotation, Title, Maintenance, Rights, Language,
            StartDate, EndDate, DocTotal, Description, InforSign, Keyword, SheetTotal, PageTotal, Format, Creator,
        ];
    }

    /// <summary>Phông — TT 02 §3.</summary>
    public static class Fonds
    {
        public static readonly Tt02Field Identifier = new("Identifier", "Mã cơ quan lưu trữ lịch sử", 13);
        public static readonly Tt02Field OrganId = new("OrganId", "Mã phông", 13);
        public static readonly Tt02Field FondName = new("FondName", "Tên phông", 200);
        public static readonly Tt02Field FondHistory = new("FondHistory", "Lịch sử đơn vị hình thành phông");
        public static readonly Tt02Field ArchivesTime = new("ArchivesTime", "Thời gian tài liệu", 30);
        public static readonly Tt02Field PaperTotal = new("PaperTotal", "Tổng số tài liệu giấy", 10);
        public static readonly Tt02Field PaperDigital = new("PaperDigital", "Số lượng tài liệu giấy đã số hóa", 10);
        public static readonly Tt02Field KeyGroups = new("KeyGroups", "Các nhóm tài liệu chủ yếu", 300);
        public static readonly Tt02Field OtherTypes = new("OtherTypes", "Các loại hình tài liệu khác", 300);
        public static readonly Tt02Field Language = new("Language", "Ngôn ngữ");
        public static readonly Tt02Field LookupTools = new("LookupTools", "Công cụ tra cứu", 50);
        public static readonly Tt02Field CopyNumber = new("CopyNumber", "Số lượng trang tài liệu đã lập bản sao bảo hiểm", 10);
        public static readonly Tt02Field Description = new("Description", "Ghi chú", 1000);

        public static readonly IReadOnlyList<Tt02Field> All =
        [
            Identifier, OrganId, FondName, FondHistory, ArchivesTime, PaperTotal, PaperDigital, KeyGroups,
            OtherTypes, Language, LookupTools, CopyNumber, Description,
        ];
    }

    /// <summary>
    /// Cơ quan — not a TT 02 record; the archive's agency register. Kept here so that every
    /// Vietnamese field name is in this one table. Code length is the QĐ 20/2020 maximum.
    /// </summary>
    public static class Agency
    {
        public static readonly Tt02Field Code = new("Code", "Mã định danh cơ quan", AgencyCode.MaxLength);
        public static readonly Tt02Field Name = new("Name", "Tên cơ quan", 200);
        public static readonly Tt02Field ParentCode = new("ParentCode", "Mã định danh cơ quan cấp trên", AgencyCode.MaxLength);

        public static readonly IReadOnlyList<Tt02Field> All = [Code, Name, ParentCode];
    }
}
