public enum SmartMeetVersion { public static let string = "0.1.0" }
