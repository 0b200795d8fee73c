namespace Archive.Web.Cli;

/// <summary>A problem with what the user asked for; its message is Vietnamese and is shown as is.</summary>
public sealed class UserInputException(string message) : Exception(message);
