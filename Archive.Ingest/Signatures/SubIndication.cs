namespace Archive.Ingest.Signatures;

/// <summary>
/// A sub-indication of ETSI EN 319 102-1 (clause 5.1.3, table 5), spelled as there, with the main
/// indication it belongs to and a Vietnamese explanation for the report. Only those the
/// validator can produce are listed.
/// </summary>
public sealed record SubIndication
{
    public static readonly SubIndication FormatFailure = Failed("FORMAT_FAILURE",
        "Cấu trúc chữ ký không đúng chuẩn (từ điển /Sig, /ByteRange, /Contents hoặc CMS hỏng).");
    public static readonly SubIndication HashFailure = Failed("HASH_FAILURE",
        "Nội dung đã ký bị thay đổi: giá trị băm không khớp với giá trị trong chữ ký.");
    public static readonly SubIndication SigCryptoFailure = Failed("SIG_CRYPTO_FAILURE",
        "Giá trị chữ ký không kiểm tra được bằng khoá công khai của người ký.");
    public static readonly SubIndication Revoked = Failed("REVOKED",
        "Chứng thư số của người ký đã bị thu hồi trước thời điểm ký.");
    public static readonly SubIndication Expired = Failed("EXPIRED",
        "Chữ ký được tạo sau khi chứng thư số hết hạn (theo dấu thời gian).");
    public static readonly SubIndication NotYetValid = Failed("NOT_YET_VALID",
        "Chữ ký được tạo trước khi chứng thư số có hiệu lực (theo dấu thời gian).");

    public static readonly SubIndication NoSigningCertificateFound = Unknown("NO_SIGNING_CERTIFICATE_FOUND",
        "Không xác định được chứng thư số của người ký.");
    public static readonly SubIndication NoCertificateChainFound = Unknown("NO_CERTIFICATE_CHAIN_FOUND",
        "Chứng thư số không dẫn về được chứng thư gốc tin cậy nào đã cấu hình.");
    public static readonly SubIndication ChainConstraintsFailure = Unknown("CHAIN_CONSTRAINTS_FAILURE",
        "Chứng thư số không đáp ứng ràng buộc (mục đích sử dụng khoá, chứng thư CA).");
    public static readonly SubIndication CryptoConstraintsFailure = Unknown("CRYPTO_CONSTRAINTS_FAILURE",
        "Thuật toán hoặc độ dài khoá không còn đủ an toàn theo chính sách (SHA-1, RSA dưới 2048 bit).");
    public static readonly SubIndication OutOfBoundsNoPoe = Unknown("OUT_OF_BOUNDS_NO_POE",
        "Chứng thư số đã hết hạn hoặc chưa có hiệu lực và không có bằng chứng (dấu thời gian) chữ ký được tạo trong thời hạn.");
    public static readonly SubIndication NotYetValidClaimed = Unknown("NOT_YET_VALID",
        "Thời điểm ký khai báo trước ngày chứng thư số có hiệu lực.");
    public static readonly SubIndication RevokedNoPoe = Unknown("REVOKED_NO_POE",
        "Chứng thư số đã bị thu hồi; không có bằng chứng chữ ký được tạo trước khi thu hồi.");
    public static readonly SubIndication RevokedCaNoPoe = Unknown("REVOKED_CA_NO_POE",
        "Một chứng thư CA trong chuỗi đã bị thu hồi.");
    public static readonly SubIndication TryLater = Unknown("TRY_LATER",
        "Không có thông tin thu hồi (CRL/OCSP) cho chứng thư số; cần bổ sung CRL rồi kiểm tra lại.");

    public static readonly IReadOnlyList<SubIndication> All =
    [
        FormatFailure, HashFailure, SigCryptoFailure, Revoked, Expired, NotYetValid, NoSigningCertificateFound, NoCertificateChainFound,
        ChainConstraintsFailure, CryptoConstraintsFailure, OutOfBoundsNoPoe, NotYetValidClaimed, RevokedNoPoe, RevokedCaNoPoe, TryLater,
    ];

    /// <summary>The sub-indication a stored report names under its indication (a name may serve two); null when unknown.</summary>
    public static SubIndication? Named(string? indication, string? name) =>
        All.FirstOrDefault(s => s.Name == name && s.Indication.Name == indication);

    private SubIndication(string name, SignatureIndication indication, string explanation)
    {
        Name = name;
        Indication = indication;
        Explanation = explanation;
    }

    public string Name { get; }

    /// <summary>The main indication this sub-indication qualifies.</summary>
    public SignatureIndication Indication { get; }

    public string Explanation { get; }

    private static SubIndication Failed(string name, string explanation) => new(name, SignatureIndication.TotalFailed, explanation);
    private static SubIndication Unknown(string name, string explanation) => new(name, SignatureIndication.Indeterminate, explanation);

    public override string ToString() => $"{Indication.Name}/{Name}";
}
