using System.Globalization;
using Archive.Core.Catalog;
using LiteDB;

namespace Archive.Core.Storage;

/// <summary>
/// How catalog records are kept in LiteDB: collection names, keys, and the domain value types
/// stored as their canonical text so that the file stays readable by any LiteDB tool for decades.
/// </summary>
internal static class CatalogMapping
{
    public const string Agencies = "agencies";
    public const string Fonds = "fonds";
    public const string Dossiers = "dossiers";
    public const string Documents = "documents";
    public const string Blobs = "blobs";
    public const string Events = "events";
    public const string FixityEvents = "fixity_events";
    public const string Problems = "problems";
    public const string JobRuns = "jobs";
    public const string Inbox = "inbox";
    public const string Arrivals = "arrivals";
    public const string Users = "users";
    public const string Tokens = "tokens";
    public const string Grants = "grants";
    public const string CopyRequests = "copy_requests";
    public const string CopyRegister = "copy_register";
    public const string Tasks = "tasks";
    public const string BackupMedia = "backup_media";
    public const string Outgoing = "outgoing";
    public const string RegisterCounters = "register_counters";

    public const string Audit = "audit";

    /// <summary>Every kind of record a session offers (the audit log is kept apart).</summary>
    public static readonly IReadOnlyList<string> Collections =
    [
        Agencies, Fonds, Dossiers, Documents, Blobs, Events, FixityEvents, Problems, JobRuns, Inbox, Arrivals, Users, Tokens,
        Grants, CopyRequests, CopyRegister, Tasks, BackupMedia, Outgoing, RegisterCounters,
    ];

    /// <summary>The fields looked up by equality often enough to need an index, in either engine.</summary>
    public static readonly IReadOnlyList<(string Collection, string Field, bool Unique)> Indexes =
    [
        (Dossiers, "OrganId", false),
        (Documents, "FileCode", false),
        (Documents, "DocCode", true),
        // The duplicate check of every received document (same số, ký hiệu, cơ quan) must not read the whole catalog.
        (Documents, "CodeNumber", false),
        (Blobs, "OwnerId", false),
        (Events, "ObjectId", false),
        (JobRuns, "Job", false),
        (Inbox, "Digest", false),
        (Inbox, "AwaitingPreservation", false),
        // A document's page and every read of its original find the inbox item it arrived as.
        (Inbox, "DocumentId", false),
        (Arrivals, "Year", false),
        (Grants, "Grantee", false),
        (Grants, "FileCode", false),
        (CopyRequests, "Year", false),
        // A copy handed in for verification is found by its SHA-256 or the code it shows.
        (CopyRegister, "Sha256", false),
        (CopyRegister, "VerificationCode", false),
        (Tokens, "Login", false),
    ];

    /// <summary>A mapper of our own: never the process-wide BsonMapper.Global.</summary>
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false };
        Text(mapper, v => v.Value, AgencyCode.Parse);
        Text(mapper, v => v.Value, DossierCode.Parse);
        Text(mapper, v => v.Value, DocumentNotation.Parse);
        Text(mapper, v => v.Value, RetentionPeriod.Parse);
        Text(mapper, v => v.Code, AccessMode.Parse);
        Text(mapper, v => v.Code, ConfidenceLevel.Parse);
        Text(mapper, v => v.Code, LanguageCode.Parse);
        mapper.RegisterType(
            d => new BsonValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            b => DateOnly.ParseExact(b.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        mapper.RegisterType(
            t => new BsonValue(t.ToString("O", CultureInfo.InvariantCulture)),
            b => DateTimeOffset.Parse(b.AsString, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

        Items<string>(mapper, v => v, b => b.AsString);
        Items<Disposal.LegalHold>(mapper, v => mapper.ToDocument(v), b => mapper.ToObject<Disposal.LegalHold>(b.AsDocument));
        Items<Processing.TaskEntry>(mapper, v => mapper.ToDocument(v), b => mapper.ToObject<Processing.TaskEntry>(b.AsDocument));
        Items<Issuing.OutgoingRecipient>(mapper, v => mapper.ToDocument(v), b => mapper.ToObject<Issuing.OutgoingRecipient>(b.AsDocument));

        mapper.Entity<Agency>().Id(a => a.Code, autoId: false);
        mapper.Entity<Catalog.Fonds>().Id(f => f.OrganId, autoId: false);
        mapper.Entity<Dossier>().Id(d => d.FileCode, autoId: false);
        mapper.Entity<ArchivedDocument>().Id(d => d.Id, autoId: false).Ignore(d => d.Notation);
        mapper.Entity<BlobReference>().Id(b => b.Id, autoId: false);
        mapper.Entity<Preservation.PreservationEvent>().Id(e => e.Id, autoId: false);
        mapper.Entity<Preservation.FixityEventBatch>().Id(b => b.Id, autoId: false);
        mapper.Entity<Preservation.Problem>().Id(p => p.Id, autoId: false);
        mapper.Entity<Preservation.JobRun>().Id(r => r.Id, autoId: false);
        mapper.Entity<Registry.InboxItem>().Id(i => i.Id, autoId: false);
        mapper.Entity<Registry.ArrivalEntry>().Id(a => a.Id, autoId: false);
        mapper.Entity<Audit.AuditEntry>().Id(e => e.Sequence, autoId: false);
        mapper.Entity<Access.UserAccount>().Id(u => u.Login, autoId: false).Ignore(u => u.RoleSet);
        mapper.Entity<Access.ApiToken>().Id(t => t.Id, autoId: false).Ignore(t => t.ScopeSet);
        mapper.Entity<Access.DossierGrant>().Id(g => g.Id, autoId: false);
        mapper.Entity<Copies.CopyRequest>().Id(r => r.Id, autoId: false).Ignore(r => r.CopyForm);
        mapper.Entity<Copies.CopyRegisterEntry>().Id(e => e.Id, autoId: false).Ignore(e => e.CopyForm);
        mapper.Entity<Processing.ProcessingTask>().Id(t => t.Id, autoId: false);
        mapper.Entity<Preservation.BackupMedium>().Id(m => m.Id, autoId: false);
        mapper.Entity<Issuing.OutgoingDocument>().Id(d => d.Id, autoId: false).Ignore(d => d.Code);
        mapper.Entity<Issuing.RegisterCounter>().Id(c => c.Id, autoId: false);
        return mapper;
    }

    private static void Items<T>(BsonMapper mapper, Func<T, BsonValue> write, Func<BsonValue, T> read) =>
        mapper.RegisterType(v => new BsonArray(v.Select(write)), b => new ValueList<T>(b.AsArray.Select(read)));

    private static void Text<T>(BsonMapper mapper, Func<T, string> write, Func<string, T> read) =>
        mapper.RegisterType(v => new BsonValue(write(v)), b => read(b.AsString));
}
