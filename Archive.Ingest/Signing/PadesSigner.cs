using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Archive.Ingest.PdfSyntax;
using Archive.Ingest.Signatures;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Utilities.Collections;
using Serilog;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.CrossReference;
using UglyToad.PdfPig.Tokens;
using Attribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using AttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;

namespace Archive.Ingest.Signing;

/// <summary>
/// Adds a PAdES baseline B signature (ETSI.CAdES.detached with signing-certificate-v2; B-T with a
/// timestamp) to a PDF as an incremental update: the original bytes are copied unchanged and the
/// catalog, the page and the new field are appended with a classic cross-reference section, so
/// every earlier signature still covers its revision.
/// </summary>
public sealed class PadesSigner(TimeProvider clock, ILogger log)
{
    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public Task<SigningResult> SignAsync(string inputPath, string outputPath, ISigningKey key, SignaturePlacement placement,
        ITimestampAuthority? timestampAuthority, CancellationToken cancellationToken) =>
        AppendAsync(inputPath, outputPath, key, placement, timestampAuthority,
            content => CreateCmsAsync(content, key, timestampAuthority, cancellationToken), cancellationToken);

    /// <summary>
    /// Adds a document timestamp (ETSI.RFC3161, PAdES B-LTA): a TSA's token over the whole document so
    /// far, which proves every earlier signature existed at that time.
    /// </summary>
    public Task<SigningResult> TimestampAsync(string inputPath, string outputPath, ITimestampAuthority timestampAuthority,
        CancellationToken cancellationToken) =>
        AppendAsync(inputPath, outputPath, null, SignaturePlacement.Invisible, timestampAuthority, async content =>
        {
            using var sha = SHA256.Create();
            await using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write, leaveOpen: true))
                content.WriteTo(hashing);
            return await timestampAuthority.StampAsync(sha.Hash!, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private async Task<SigningResult> AppendAsync(string inputPath, string outputPath, ISigningKey? key, SignaturePlacement placement,
        ITimestampAuthority? timestampAuthority, Func<ISignedContent, Task<byte[]>> createCms, CancellationToken cancellationToken)
    {
        if (Path.GetFullPath(inputPath) == Path.GetFullPath(outputPath))
            throw new ArgumentException("Tệp ký ra phải khác tệp gốc: bản gốc không bao giờ bị ghi đè.");
        var now = clock.GetUtcNow().ToOffset(AgencyRules.VietnamOffset);
        Update update;
        using (var document = OpenForSigning(inputPath))
            update = Plan(document, key, placement, now);

        try
        {
            await using var output = new FileStream(outputPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
            await using (var input = File.OpenRead(inputPath))
                await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            var originalLength = output.Length;
            var (contentsAt, byteRangeAt) = WriteUpdate(output, update);
            var gapEnd = contentsAt + update.ContentsBytes * 2 + 2;
            var range = $"0 {contentsAt} {gapEnd} {output.Length - gapEnd}";
            var paddedRange = ("[" + range + "]").PadRight(ByteRangePlaceholder.Length);
            output.Position = byteRangeAt;
            output.Write(Latin1.GetBytes(paddedRange));
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);

            ByteRange.TryCreate([0, contentsAt, gapEnd, output.Length - gapEnd], output.Length, out var byteRange, out _);
            var cms = await createCms(new ByteRangeContent(output, byteRange!)).ConfigureAwait(false);
            if (cms.Length > update.ContentsBytes)
                throw new InvalidOperationException($"The CMS ({cms.Length} bytes) does not fit the /Contents placeholder ({update.ContentsBytes}).");
            output.Position = contentsAt + 1;
            output.Write(Latin1.GetBytes(Convert.ToHexString(cms)));
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            log.Information("Signed {Input} into {Output} as field {Field} ({Algorithm}, timestamp {Timestamped})",
                inputPath, outputPath, update.FieldName, key?.SignatureAlgorithm ?? "document timestamp", timestampAuthority is not null);
            return new SigningResult(update.FieldName, now, timestampAuthority is not null, originalLength, output.Length);
        }
        catch
        {
            File.Delete(outputPath);
            throw;
        }
    }

    private static PdfDocument OpenForSigning(string path)
    {
        try
        {
            var document = PdfDocument.Open(path, Parsing.Strict);
            if (document.IsEncrypted)
            {
                document.Dispose();
                throw new InvalidDataException("Không ký được tệp PDF đã mã hoá.");
            }
            return document;
        }
        catch (UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException e)
        {
            throw new InvalidDataException($"Tệp '{path}' đặt mật khẩu mở: không ký được.", e);
        }
        catch (Exception e) when (Parsing.IsPdfFailure(e))
        {
            throw new InvalidDataException($"Tệp '{path}' không phải PDF hợp lệ (không đọc được cấu trúc).", e);
        }
    }

    /// <summary>The objects the update appends or redefines, as PDF text, with the signature dictionary's placeholders.</summary>
    private sealed record Update(SortedDictionary<long, string> Objects, long SignatureObject, string FieldName, int ContentsBytes,
        TrailerDictionary Trailer);

    private static Update Plan(PdfDocument document, ISigningKey? key, SignaturePlacement placement, DateTimeOffset now)
    {
        var structure = document.Structure;
        var trailer = structure.Trailer;
        var scanner = structure.TokenScanner;
        var pages = PageTree.PagesWithReferences(document).ToList();
        var target = pages.FirstOrDefault(p => p.Number == placement.Page);
        if (target.Page is null || target.Reference is null)
            throw new InvalidDataException($"Tài liệu không có trang {placement.Page} để đặt chữ ký.");
        var pageInfo = document.GetPage(placement.Page);
        var (left, bottom, right, top) = placement.On(pageInfo.Width, pageInfo.Height);

        var existingNames = document.TryGetForm(out var form)
            ? form.Fields.Select(f => f.Information.PartialName).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        var fieldName = Enumerable.Range(1, 10_000).Select(i => $"Signature{i}").First(n => !existingNames.Contains(n));

        var objects = new SortedDictionary<long, string>();
        long next = trailer.Size;
        var field = next++;
        var value = next++;
        var appearance = placement.IsVisible ? next++ : 0L;
        var fieldRef = $"{field} 0 R";
        var pageRef = $"{target.Reference.Value.ObjectNumber} {target.Reference.Value.Generation} R";

        // The page lists the widget; the AcroForm lists the field (the same object, merged field and widget).
        PdfObjectWriter.AddAnnotation(structure, target.Page, target.Reference.Value, fieldRef, objects);

        var catalog = structure.Catalog.CatalogDictionary;
        var rootNumber = trailer.Root.ObjectNumber;
        if (catalog.Data.TryGetValue("AcroForm", out var acroForm) && acroForm is IndirectReferenceToken formRef)
        {
            var formDict = structure.GetObject(formRef.Data).Data as DictionaryToken
                           ?? throw new InvalidDataException("/AcroForm không phải từ điển.");
            objects[formRef.Data.ObjectNumber] = FormWithField(formDict, fieldRef, objects, structure);
        }
        else
        {
            var formText = acroForm is DictionaryToken inline ? FormWithField(inline, fieldRef, objects, structure) : $"<< /Fields [{fieldRef}] /SigFlags 3 >>";
            objects[rootNumber] = PdfObjectWriter.WriteDictionary(catalog, new() { ["AcroForm"] = formText });
        }

        var rect = string.Create(CultureInfo.InvariantCulture, $"[{left:0.##} {bottom:0.##} {right:0.##} {top:0.##}]");
        var ap = placement.IsVisible ? $" /AP << /N {appearance} 0 R >>" : "";
        objects[field] = $"<< /Type /Annot /Subtype /Widget /FT /Sig /T {PdfObjectWriter.TextString(fieldName)} /F 132 /P {pageRef} /Rect {rect}{ap} /V {value} 0 R >>";

        var chainBytes = key?.Chain.Sum(c => c.GetEncoded().Length) ?? 0;
        var contentsBytes = chainBytes + 4096 + 12288; // signature, attributes and room for a timestamp token with its TSA chain
        if (key is null)
        {
            objects[value] = $"<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 " +
                             $"/ByteRange {ByteRangePlaceholder} /Contents <{new string('0', contentsBytes * 2)}> >>";
        }
        else
        {
            var signer = SignerIdentity.From(key.Chain[0]);
            objects[value] = $"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /Name {PdfObjectWriter.TextString(signer.CommonName)} " +
                             $"/M ({PdfObjectWriter.Date(now)}) /ByteRange {ByteRangePlaceholder} /Contents <{new string('0', contentsBytes * 2)}> >>";
            if (placement.IsVisible)
                objects[appearance] = placement.OverPageText
                    ? Blank(right - left, top - bottom)
                    : Appearance(right - left, top - bottom, signer, now);
        }

        return new Update(objects, value, fieldName, contentsBytes, trailer);
    }

    private static string FormWithField(DictionaryToken form, string fieldRef, SortedDictionary<long, string> objects, Structure structure)
    {
        form.Data.TryGetValue("Fields", out var fields);
        if (fields is IndirectReferenceToken fieldsRef)
        {
            objects[fieldsRef.Data.ObjectNumber] = PdfObjectWriter.AppendToArray(structure.GetObject(fieldsRef.Data).Data, fieldRef);
            return PdfObjectWriter.WriteDictionary(form, new() { ["SigFlags"] = "3" });
        }
        return PdfObjectWriter.WriteDictionary(form,
            new() { ["Fields"] = PdfObjectWriter.AppendToArray(fields, fieldRef), ["SigFlags"] = "3" });
    }

    /// <summary>
    /// A plain appearance: a framed box with the signer and the time. Helvetica has no Vietnamese
    /// glyphs, so the box shows the names without diacritics; the signature itself carries the exact names.
    /// </summary>
    private static string Appearance(double width, double height, SignerIdentity signer, DateTimeOffset time)
    {
        var w = width.ToString("0.##", CultureInfo.InvariantCulture);
        var h = height.ToString("0.##", CultureInfo.InvariantCulture);
        var lines = new[]
        {
            $"Ky so boi: {Ascii(signer.CommonName)}",
            signer.Organisation is { } o ? $"Co quan: {Ascii(o)}" : "",
            $"Thoi gian: {time.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture)} +07:00",
        }.Where(l => l.Length > 0).ToList();
        var content = new StringBuilder();
        content.Append($"q 0.95 0.97 1 rg 0 0 {w} {h} re f Q q 0 0 0.55 RG 1 w 0.5 0.5 {(width - 1).ToString("0.##", CultureInfo.InvariantCulture)} {(height - 1).ToString("0.##", CultureInfo.InvariantCulture)} re S Q\n");
        content.Append($"BT /Helv 8 Tf 0 0 0.4 rg 4 {(height - 12).ToString("0.##", CultureInfo.InvariantCulture)} Td");
        for (var i = 0; i < lines.Count; i++) content.Append(i == 0 ? "" : " 0 -10 Td").Append(" (").Append(Escape(lines[i])).Append(") Tj");
        content.Append(" ET");
        var stream = content.ToString();
        return $"<< /Type /XObject /Subtype /Form /BBox [0 0 {w} {h}] /Resources << /Font << /Helv << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >> /Length {stream.Length} >>\nstream\n{stream}\nendstream";
    }

    /// <summary>An appearance that draws nothing: the page under the widget shows the signature's text.</summary>
    private static string Blank(double width, double height) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<< /Type /XObject /Subtype /Form /BBox [0 0 {width:0.##} {height:0.##}] /Length 0 >>\nstream\n\nendstream");

    private static string Ascii(string text)
    {
        var folded = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch { 'đ' => 'd', 'Đ' => 'D', < (char)0x7f => c, _ => '?' });
        }
        return folded.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");

    /// <summary>Appends the objects, the cross-reference section and the trailer; returns where the placeholders are.</summary>
    private static (long ContentsAt, long ByteRangeAt) WriteUpdate(FileStream output, Update update)
    {
        var append = new PdfIncrementalUpdate();
        foreach (var (number, body) in update.Objects) append.Set(number, body);
        var start = append.AppendTo(output, update.Trailer)[update.SignatureObject];
        var signature = update.Objects[update.SignatureObject];
        return (start + signature.IndexOf("/Contents <", StringComparison.Ordinal) + "/Contents ".Length,
            start + signature.IndexOf("/ByteRange [", StringComparison.Ordinal) + "/ByteRange ".Length);
    }

    private static async Task<byte[]> CreateCmsAsync(ISignedContent content, ISigningKey key, ITimestampAuthority? tsa, CancellationToken cancellationToken)
    {
        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder()
            .WithSignedAttributeGenerator(new PadesSignedAttributes(key.Chain[0]))
            .Build(new SigningKeySignatureFactory(key), key.Chain[0]));
        generator.AddCertificates(CollectionUtilities.CreateStore(key.Chain));
        var signed = generator.Generate(new ContentData(content), false);
        if (tsa is not null)
        {
            var signer = signed.GetSignerInfos().GetSigners().Single();
            var token = await tsa.StampAsync(SHA256.HashData(signer.GetSignature()), cancellationToken).ConfigureAwait(false);
            var attribute = new Attribute(PkcsObjectIdentifiers.IdAASignatureTimeStampToken, new DerSet(Asn1Object.FromByteArray(token)));
            var stamped = SignerInformation.ReplaceUnsignedAttributes(signer, new AttributeTable(new Asn1EncodableVector { attribute }));
            signed = CmsSignedData.ReplaceSigners(signed, new SignerInformationStore(stamped));
        }
        return signed.GetEncoded(Asn1Encodable.Der);
    }

    private sealed class ContentData(ISignedContent content) : CmsTypedData
    {
        public DerObjectIdentifier ContentType => CmsObjectIdentifiers.Data;
        public void Write(Stream outStream) => content.WriteTo(outStream);
    }
}
