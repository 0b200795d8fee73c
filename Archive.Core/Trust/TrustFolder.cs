using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Storage;

namespace Archive.Core.Trust;

/// <summary>
/// The data folder's trust store (<c>trust/anchors</c>, <c>trust/crls</c>): what the signature
/// validator trusts. Files are checked to be what they claim before they are added, names are kept
/// inside their folder, and every addition is audited.
/// </summary>
public sealed class TrustFolder(ArchiveStore store, AccessPolicy? policy = null)
{
    private readonly AccessPolicy _policy = policy ?? new AccessPolicy();

    private const int MaxFileBytes = 16 << 20;

    public TrustMaterial Add(TrustMaterialKind kind, string sourcePath, string? name, Actor actor)
    {
        Demand(actor, Operation.TrustManage);
        return Keep(kind, ReadBounded(sourcePath), name ?? Path.GetFileName(sourcePath), actor);
    }

    /// <summary>Adds a file sent by a client (an upload): read up to the size a certificate or a CRL can have, then as from
    /// a path.</summary>
    public async Task<TrustMaterial> AddAsync(TrustMaterialKind kind, Stream content, string name, Actor actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Demand(actor, Operation.TrustManage);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
                throw new TrustMaterialException(
                    $"Tệp '{name}' lớn hơn {MaxFileBytes} byte: không phải chứng thư số hay danh sách thu hồi.");
            buffer.Write(chunk, 0, read);
        }
        return Keep(kind, buffer.ToArray(), name, actor);
    }

    private TrustMaterial Keep(TrustMaterialKind kind, byte[] bytes, string name, Actor actor)
    {
        var material = Describe(kind, bytes, name);
        var folder = kind == TrustMaterialKind.Anchor ? store.Folder.TrustAnchors : store.Folder.TrustCrls;
        var target = store.Folder.ResolveInside(Path.Combine(Path.GetRelativePath(store.Folder.Root, folder), material.Name));
        if (File.Exists(target))
            throw new CatalogConflictException($"Kho tin cậy đã có tệp '{material.Name}'; hãy đặt tên khác cho tệp.");

        var temp = target + ".part";
        File.WriteAllBytes(temp, bytes);
        var moved = false;
        try
        {
            return store.Catalog.Write(actor, session =>
            {
                _policy.Demand(session, actor, Operation.TrustManage);
                // Moved into place inside the transaction: a failed move rolls the audit entry back.
                File.Move(temp, target);
                moved = true;
                session.Record(new AuditChange($"trust.add-{kind.ToString().ToLowerInvariant()}", "TrustMaterial", material.Name, null,
                    System.Text.Json.JsonSerializer.Serialize(new { material.Subject, material.Sha256 })));
                return material;
            });
        }
        catch
        {
            File.Delete(moved ? target : temp);
            throw;
        }
    }

    public IReadOnlyList<TrustMaterial> List(Actor actor)
    {
        Demand(actor, Operation.CatalogRead);
        var list = new List<TrustMaterial>();
        foreach (var (kind, folder) in new[] { (TrustMaterialKind.Anchor, store.Folder.TrustAnchors), (TrustMaterialKind.Crl, store.Folder.TrustCrls) })
            if (Directory.Exists(folder))
                foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
                    list.Add(Describe(kind, File.ReadAllBytes(file), Path.GetFileName(file)));
        return list;
    }

    private void Demand(Actor actor, Operation operation) => store.Catalog.Read(s =>
    {
        _policy.Demand(s, actor, operation);
        return 0;
    });

    private static byte[] ReadBounded(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"Không tìm thấy tệp '{path}'.", path);
        if (info.Length > MaxFileBytes)
            throw new TrustMaterialException($"Tệp '{info.Name}' lớn {info.Length} byte: không phải chứng thư số hay danh sách thu hồi.");
        return File.ReadAllBytes(path);
    }

    private static TrustMaterial Describe(TrustMaterialKind kind, byte[] bytes, string name)
    {
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name is "." or "..")
            throw new PathOutsideDataFolderException(name, "trust");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        try
        {
            if (kind == TrustMaterialKind.Anchor)
            {
                using var certificate = X509CertificateLoader.LoadCertificate(bytes.AsSpan().StartsWith("-----BEGIN"u8)
                    ? X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(bytes)).RawData
                    : bytes);
                return new TrustMaterial(kind, name, certificate.Subject, sha256, certificate.NotAfter);
            }
            _ = bytes.AsSpan().StartsWith("-----BEGIN"u8)
                ? CertificateRevocationListBuilder.LoadPem(System.Text.Encoding.ASCII.GetString(bytes), out var crlNumber)
                : CertificateRevocationListBuilder.Load(bytes, out crlNumber);
            return new TrustMaterial(kind, name, $"CRL số {crlNumber}", sha256, null);
        }
        catch (CryptographicException e)
        {
            throw new TrustMaterialException(kind == TrustMaterialKind.Anchor
                ? $"Tệp '{name}' không phải chứng thư số X.509 (DER hoặc PEM): {e.Message}"
                : $"Tệp '{name}' không phải danh sách chứng thư số bị thu hồi (CRL, DER hoặc PEM): {e.Message}");
        }
    }
}
