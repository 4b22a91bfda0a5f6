/// Facts about the product itself, shared by every layer.
public enum Acuback {
    public static let version = "0.1.0"
}
