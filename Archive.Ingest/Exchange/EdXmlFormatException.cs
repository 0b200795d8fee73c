namespace Archive.Ingest.Exchange;

/// <summary>An envelope that is not a well-formed, safe edXML message; the message says what is wrong, in Vietnamese.</summary>
public sealed class EdXmlFormatException(string message, Exception? inner = null) : Exception(message, inner);
