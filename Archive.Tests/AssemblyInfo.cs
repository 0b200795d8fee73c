// The archive targets Debian; tests use Unix file modes and Linux tools.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
