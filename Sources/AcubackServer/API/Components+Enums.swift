import AcubackAPI
import AcubackCore

// The prescribing and catalogue enums as the API's generated ones and back, case by case: a case
// added on one side and not the other fails to compile rather than at run time.

extension Components.Schemas.Meridian {
    init(_ value: Meridian) {
        switch value {
        case .LU: self = .lu
        case .LI: self = .li
        case .ST: self = .st
        case .SP: self = .sp
        case .HT: self = .ht
        case .SI: self = .si
        case .BL: self = .bl
        case .KI: self = .ki
        case .PC: self = .pc
        case .TE: self = .te
        case .GB: self = .gb
        case .LR: self = .lr
        case .GV: self = .gv
        case .CV: self = .cv
        }
    }
}

extension Components.Schemas.NeedleSide {
    init(_ value: NeedleSide) {
        switch value {
        case .left: self = .left
        case .right: self = .right
        case .midline: self = .midline
        }
    }
}

extension NeedleSide {
    init(_ value: Components.Schemas.NeedleSide) {
        switch value {
        case .left: self = .left
        case .right: self = .right
        case .midline: self = .midline
        }
    }
}

extension Components.Schemas.NeedleRole {
    init(_ value: NeedleRole) {
        switch value {
        case .local: self = .local
        case .adjacent: self = .adjacent
        case .distal: self = .distal
        case .auricular: self = .auricular
        }
    }
}

extension NeedleRole {
    init(_ value: Components.Schemas.NeedleRole) {
        switch value {
        case .local: self = .local
        case .adjacent: self = .adjacent
        case .distal: self = .distal
        case .auricular: self = .auricular
        }
    }
}

extension Components.Schemas.NeedleAngle {
    init(_ value: NeedleAngle) {
        switch value {
        case .perpendicular: self = .perpendicular
        case .obliqueMedial: self = .obliqueMedial
        case .obliqueLateral: self = .obliqueLateral
        case .obliqueUpward: self = .obliqueUpward
        case .obliqueProximal: self = .obliqueProximal
        case .transverse: self = .transverse
        case .obliquePosterior: self = .obliquePosterior
        }
    }
}

extension Components.Schemas.Severity {
    init(_ value: Severity) {
        switch value {
        case .info: self = .info
        case .warn: self = .warn
        case .block: self = .block
        }
    }
}

extension Components.Schemas.PlannedNeedle.OriginPayload {
    init(_ value: NeedleOrigin) {
        switch value {
        case .engine: self = .engine
        case .practitioner: self = .practitioner
        }
    }
}

extension Components.Schemas.TreatmentPlan.ProtocolIdsPayloadPayload {
    init(_ value: TreatmentProtocol) {
        switch value {
        case .brinkhaus2006: self = .brinkhaus2006
        case .cherkin2009: self = .cherkin2009
        case .levelBuilt: self = .levelBuilt
        }
    }
}

extension Components.Schemas.ChartPosition.ViewPayload {
    init(_ value: ChartPosition.View) {
        switch value {
        case .back: self = .back
        case .ear: self = .ear
        case .foot: self = .foot
        case .hand: self = .hand
        }
    }
}

extension Components.Schemas.Needling.AreaPayload {
    init(_ value: BodyArea) {
        switch value {
        case .head: self = .head
        case .neck: self = .neck
        case .upperBack: self = .upperBack
        case .middleBack: self = .middleBack
        case .lowerBack: self = .lowerBack
        case .buttocks: self = .buttocks
        case .leg: self = .leg
        case .foot: self = .foot
        case .hand: self = .hand
        case .ear: self = .ear
        case .lowerAbdomen: self = .lowerAbdomen
        }
    }
}

extension Components.Schemas.BodyArea {
    init(_ value: BodyArea) {
        switch value {
        case .head: self = .head
        case .neck: self = .neck
        case .upperBack: self = .upperBack
        case .middleBack: self = .middleBack
        case .lowerBack: self = .lowerBack
        case .buttocks: self = .buttocks
        case .leg: self = .leg
        case .foot: self = .foot
        case .hand: self = .hand
        case .ear: self = .ear
        case .lowerAbdomen: self = .lowerAbdomen
        }
    }
}

extension Components.Schemas.Needling.ZonesPayloadPayload {
    init(_ value: SafetyZone) {
        switch value {
        case .lung: self = .lung
        case .kidney: self = .kidney
        case .lumbosacral: self = .lumbosacral
        case .lowerAbdomen: self = .lowerAbdomen
        case .pregnancyForbidden: self = .pregnancyForbidden
        case .pregnancyCaution: self = .pregnancyCaution
        }
    }
}

extension Components.Schemas.Point.KindPayload {
    init(_ value: PointKind) {
        switch value {
        case .standard: self = .standard
        case .extra: self = .extra
        case .auricular: self = .auricular
        }
    }
}

extension PlanEdit.Action {
    init(_ value: Components.Schemas.PlanEdit.ActionPayload) {
        switch value {
        case .add: self = .add
        case .remove: self = .remove
        case .changeSide: self = .changeSide
        case .changeDepth: self = .changeDepth
        }
    }
}

