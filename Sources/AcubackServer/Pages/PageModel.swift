import Mustache

/// What one template is drawn from, as a struct rather than a dictionary: the compiler then checks
/// every name and type a controller hands the template. Property names are the template's keys.
protocol PageModel: Sendable {}

/// The stored properties of `model` by name, as the renderer's dictionary holds them, with every
/// nested view (a struct or class the template reads fields of) turned into a dictionary too.
///
/// Reflection once per value, here, instead of on every key the template looks up: Mustache finds
/// a key in a struct by reflecting all its fields, and looks each key up the whole context stack,
/// which made rendering a patient's chart cost more than all of its database reads.
func mustacheValues(of model: Any) -> [String: Any] {
    var values: [String: Any] = [:]
    for child in Mirror(reflecting: model).children {
        guard let label = child.label, let value = mustacheValue(child.value) else { continue }
        values[label] = value
    }
    return values
}

/// `value` as the template reads it. A nil Optional is nil, so the key is left out rather than
/// stored: a dictionary that holds a nil still counts as set, and `{{#name}}` sections must stay
/// out as they did when the key was never set. Values that render as text (strings, numbers,
/// days, identifiers: anything `CustomStringConvertible`) and Mustache's own kinds stay as they are.
func mustacheValue(_ value: Any) -> Any? {
    // The commonest values first, by their concrete types: cheaper than a Mirror and the casts below.
    switch value {
    case is String, is Int, is Bool, is Double: return value
    default: break
    }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
        return mirror.children.first.flatMap { mustacheValue($0.value) }
    case .collection where value is [Any]:
        return mirror.children.compactMap { mustacheValue($0.value) }
    case .struct, .class:
        if value is any CustomStringConvertible || value is any MustacheParent || value is any MustacheCustomRenderable || value is MustacheLambda
            || value is any MustacheTransformable
        {
            return value
        }
        return mustacheValues(of: value)
    default:
        return value
    }
}
