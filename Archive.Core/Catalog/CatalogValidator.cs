namespace Archive.Core.Catalog;

/// <summary>
/// TT 02 validation of catalog records: mandatory fields, maximum lengths, formats and
/// consistency. Pure: "today" is passed in, so the result depends only on the arguments.
/// Every message is Vietnamese and starts with the field's name from <see cref="Tt02Fields"/>.
/// </summary>
public static class CatalogValidator
{
    public static IReadOnlyList<ValidationError> Validate(Agency agency, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var f = new ValidationErrorCollector();
        f.Present(Tt02Fields.Agency.Code, agency.Code);
        f.Required(Tt02Fields.Agency.Name, agency.Name);
        if (!string.IsNullOrWhiteSpace(agency.ParentCode))
        {
            if (!AgencyCode.TryParseCore(agency.ParentCode, out var parent, out var error))
                f.Add(Reattribute(error, Tt02Fields.Agency.ParentCode));
            else if (parent == agency.Code)
                f.Add(Tt02Fields.Agency.ParentCode, $"\"{parent}\" trùng với mã định danh của chính cơ quan.");
        }
        return f.Errors;
    }

    public static IReadOnlyList<ValidationError> Validate(Fonds fonds, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fonds);
        var f = new ValidationErrorCollector();
        f.MaxLength(Tt02Fields.Fonds.Identifier, fonds.Identifier);
        OrganId(f, Tt02Fields.Fonds.OrganId, fonds.OrganId);
        f.Required(Tt02Fields.Fonds.FondName, fonds.FondName);
        f.MaxLength(Tt02Fields.Fonds.ArchivesTime, fonds.ArchivesTime);
        f.Range(Tt02Fields.Fonds.PaperTotal, fonds.PaperTotal, min: 0);
        f.Range(Tt02Fields.Fonds.PaperDigital, fonds.PaperDigital, min: 0);
        if (fonds.PaperDigital > fonds.PaperTotal)
            f.Add(Tt02Fields.Fonds.PaperDigital,
                $"{fonds.PaperDigital} lớn hơn {Tt02Fields.Fonds.PaperTotal.VietnameseName.ToLowerInvariant()} ({fonds.PaperTotal}).");
        f.MaxLength(Tt02Fields.Fonds.KeyGroups, fonds.KeyGroups);
        f.MaxLength(Tt02Fields.Fonds.OtherTypes, fonds.OtherTypes);
        f.MaxLength(Tt02Fields.Fonds.LookupTools, fonds.LookupTools);
        f.Range(Tt02Fields.Fonds.CopyNumber, fonds.CopyNumber, min: 0);
        f.MaxLength(Tt02Fields.Fonds.Description, fonds.Description);
        return f.Errors;
    }

    public static IReadOnlyList<ValidationError> Validate(Dossier dossier, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var f = new ValidationErrorCollector();
        FileCode(f, Tt02Fields.Dossier.FileCode, dossier.FileCode, dossier.OrganId, dossier.FileCatalog, dossier.FileNotation);
        f.MaxLength(Tt02Fields.Dossier.Identifier, dossier.Identifier);
        OrganId(f, Tt02Fields.Dossier.OrganId, dossier.OrganId);
        f.Year(Tt02Fields.Dossier.FileCatalog, dossier.FileCatalog, today);
        f.Required(Tt02Fields.Dossier.FileNotation, dossier.FileNotation);
        f.Required(Tt02Fields.Dossier.Title, dossier.Title);
        f.Present(Tt02Fields.Dossier.Maintenance, dossier.Maintenance);
        f.Present(Tt02Fields.Dossier.Rights, dossier.Rights);
        f.Present(Tt02Fields.Dossier.Language, dossier.Language);
        f.NotInFuture(Tt02Fields.Dossier.StartDate, dossier.StartDate, today);
        f.NotInFuture(Tt02Fields.Dossier.EndDate, dossier.EndDate, today);
        if (dossier.StartDate is { } start && dossier.EndDate is { } end && end < start)
            f.Add(Tt02Fields.Dossier.EndDate,
                $"{ValidationErrorCollector.Format(end)} trước {Tt02Fields.Dossier.StartDate.VietnameseName.ToLowerInvariant()} {ValidationErrorCollector.Format(start)}.");
        f.Range(Tt02Fields.Dossier.DocTotal, dossier.DocTotal, min: 0);
        f.MaxLength(Tt02Fields.Dossier.Description, dossier.Description);
        f.MaxLength(Tt02Fields.Dossier.InforSign, dossier.InforSign);
        f.MaxLength(Tt02Fields.Dossier.Keyword, dossier.Keyword);
        f.Range(Tt02Fields.Dossier.SheetTotal, dossier.SheetTotal, min: 0);
        f.Range(Tt02Fields.Dossier.PageTotal, dossier.PageTotal, min: 0);
        f.MaxLength(Tt02Fields.Dossier.Format, dossier.Format);
        f.MaxLength(Tt02Fields.Dossier.Creator, dossier.Creator);
        return f.Errors;
    }

    public static IReadOnlyList<ValidationError> Validate(ArchivedDocument document, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(document);
        var f = new ValidationErrorCollector();
        f.Required(Tt02Fields.Document.Id, document.Id);
        f.Required(Tt02Fields.Document.DocCode, document.DocCode);
        FileCode(f, Tt02Fields.Document.FileCode, document.FileCode, document.OrganId, document.FileCatalog, document.FileNotation);
        f.MaxLength(Tt02Fields.Document.Identifier, document.Identifier);
        OrganId(f, Tt02Fields.Document.OrganId, document.OrganId);
        f.Year(Tt02Fields.Document.FileCatalog, document.FileCatalog, today);
        f.Required(Tt02Fields.Document.FileNotation, document.FileNotation);
        f.Range(Tt02Fields.Document.DocOrdinal, document.DocOrdinal, min: 1);
        f.Required(Tt02Fields.Document.TypeName, document.TypeName);
        f.NotInFuture(Tt02Fields.Document.IssuedDate, document.IssuedDate, today);
        f.Required(Tt02Fields.Document.OrganName, document.OrganName);
        f.MaxLength(Tt02Fields.Document.Subject, document.Subject);
        f.Range(Tt02Fields.Document.PageAmount, document.PageAmount, min: 1);
        f.MaxLength(Tt02Fields.Document.Description, document.Description);
        f.MaxLength(Tt02Fields.Document.InforSign, document.InforSign);
        f.MaxLength(Tt02Fields.Document.Keyword, document.Keyword);
        f.Present(Tt02Fields.Document.Mode, document.Mode);
        f.Defined(Tt02Fields.Document.Origin, document.Origin);
        f.MaxLength(Tt02Fields.Document.Autograph, document.Autograph);
        f.MaxLength(Tt02Fields.Document.Format, document.Format);
        DocumentNumber(f, document);
        return f.Errors;
    }

    public static void EnsureValid(Agency agency, DateOnly today) => Throw(Validate(agency, today));

    public static void EnsureValid(Fonds fonds, DateOnly today) => Throw(Validate(fonds, today));

    public static void EnsureValid(Dossier dossier, DateOnly today) => Throw(Validate(dossier, today));

    public static void EnsureValid(ArchivedDocument document, DateOnly today) => Throw(Validate(document, today));

    private static void Throw(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
            throw new CatalogValidationException(errors);
    }

    /// <summary>
    /// Số and ký hiệu: a numbered document must also carry date, subject, notation, page count
    /// and language (TT02.md §1), and number + notation must form a valid số và ký hiệu.
    /// </summary>
    private static void DocumentNumber(ValidationErrorCollector f, ArchivedDocument d)
    {
        var hasNumber = !string.IsNullOrWhiteSpace(d.CodeNumber);
        var hasNotation = !string.IsNullOrWhiteSpace(d.CodeNotation);
        var before = f.Errors.Count;
        f.MaxLength(Tt02Fields.Document.CodeNumber, d.CodeNumber);
        f.MaxLength(Tt02Fields.Document.CodeNotation, d.CodeNotation);
        var lengthsOk = f.Errors.Count == before; // a too-long part is reported once, not again by the parser
        if (!hasNumber)
        {
            if (hasNotation)
                f.Add(Tt02Fields.Document.CodeNumber, $"bắt buộc khi đã có ký hiệu \"{d.CodeNotation}\".");
            return;
        }

        f.RequiredWhenNumbered(Tt02Fields.Document.IssuedDate, d.IssuedDate is null);
        f.RequiredWhenNumbered(Tt02Fields.Document.Subject, string.IsNullOrWhiteSpace(d.Subject));
        f.RequiredWhenNumbered(Tt02Fields.Document.CodeNotation, !hasNotation);
        f.RequiredWhenNumbered(Tt02Fields.Document.PageAmount, d.PageAmount is null);
        f.RequiredWhenNumbered(Tt02Fields.Document.Language, d.Language is null);
        if (hasNotation && lengthsOk && !DocumentNotation.TryParseCore($"{d.CodeNumber!.Trim()}/{d.CodeNotation!.Trim()}", out _, out var error))
            f.Add(error);
    }

    /// <summary>TT 02 keeps OrganId to 13 characters, so only the QCVN 102 form fits a fonds/dossier/document.</summary>
    private static void OrganId(ValidationErrorCollector f, Tt02Field field, AgencyCode? organ)
    {
        if (f.Present(field, organ))
            f.MaxLength(field, organ!.Value);
    }

    /// <summary>Mã hồ sơ must be exactly OrganId.FileCatalog.FileNotation.</summary>
    private static void FileCode(
        ValidationErrorCollector f, Tt02Field field, DossierCode? code, AgencyCode? organ, int year, string? notation)
    {
        if (!f.Present(field, code))
            return;
        f.MaxLength(field, code!.Value);
        if (organ is null)
            return;
        var expected = $"{organ.Value}.{year:D4}.{notation?.Trim()}";
        if (code.Value != expected)
            f.Add(field, $"\"{code}\" không khớp với mã phông, năm và số ký hiệu hồ sơ; phải là \"{expected}\".");
    }

    /// <summary>The same problem reported under another field (the parser only knows the generic one).</summary>
    private static ValidationError Reattribute(ValidationError error, Tt02Field to) =>
        new(to, to.VietnameseName + error.Message[error.Field.VietnameseName.Length..]);
}
