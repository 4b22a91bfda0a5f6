/// What one template is drawn from, as a struct rather than a dictionary: the compiler then checks
/// every name and type a controller hands the template. Property names are the template's keys.
protocol PageModel: Sendable {}

/// The stored properties of `model` by name, as the renderer's dictionary holds them. A nil
/// Optional is left out rather than stored: a dictionary that holds a nil still counts as set, and
/// `{{#name}}` sections must stay out as they did when the key was never set.
func mustacheValues(of model: Any) -> [String: Any] {
    var values: [String: Any] = [:]
    for child in Mirror(reflecting: model).children {
        guard let label = child.label else { continue }
        let mirror = Mirror(reflecting: child.value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { continue }
            values[label] = wrapped
        } else {
            values[label] = child.value
        }
    }
    return values
}
