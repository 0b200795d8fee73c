namespace Archive.Core.Access;

/// <summary>Where a request comes from, judged by the host from the socket, never from what the client says.</summary>
public enum NetworkZone
{
    /// <summary>The archive machine itself: the command line, or a client on loopback.</summary>
    Console,
    /// <summary>A client whose address is inside Archive:Restricted:IsolatedNetworks.</summary>
    Isolated,
    /// <summary>Any other client: it may never reach restricted records (Điều 16.6).</summary>
    Networked,
}
