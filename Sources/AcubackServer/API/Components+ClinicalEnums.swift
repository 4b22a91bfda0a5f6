import AcubackAPI
import AcubackCore

// The assessment's and the session's enums as the API's generated ones and back, case by case:
// a case added on one side and not the other fails to compile rather than at run time.

extension Components.Schemas.SpinalLevel {
    init(_ value: SpinalLevel) {
        switch value {
        case .C7: self = .c7
        case .T1: self = .t1
        case .T2: self = .t2
        case .T3: self = .t3
        case .T4: self = .t4
        case .T5: self = .t5
        case .T6: self = .t6
        case .T7: self = .t7
        case .T8: self = .t8
        case .T9: self = .t9
        case .T10: self = .t10
        case .T11: self = .t11
        case .T12: self = .t12
        case .L1: self = .l1
        case .L2: self = .l2
        case .L3: self = .l3
        case .L4: self = .l4
        case .L5: self = .l5
        case .S1: self = .s1
        case .S2: self = .s2
        case .S3: self = .s3
        case .S4: self = .s4
        }
    }
}

extension SpinalLevel {
    init(_ value: Components.Schemas.SpinalLevel) {
        switch value {
        case .c7: self = .C7
        case .t1: self = .T1
        case .t2: self = .T2
        case .t3: self = .T3
        case .t4: self = .T4
        case .t5: self = .T5
        case .t6: self = .T6
        case .t7: self = .T7
        case .t8: self = .T8
        case .t9: self = .T9
        case .t10: self = .T10
        case .t11: self = .T11
        case .t12: self = .T12
        case .l1: self = .L1
        case .l2: self = .L2
        case .l3: self = .L3
        case .l4: self = .L4
        case .l5: self = .L5
        case .s1: self = .S1
        case .s2: self = .S2
        case .s3: self = .S3
        case .s4: self = .S4
        }
    }
}

extension Components.Schemas.TreatmentPosition {
    init(_ value: TreatmentPosition) {
        switch value {
        case .prone: self = .prone
        case .seated: self = .seated
        case .sideLying: self = .sideLying
        }
    }
}

extension TreatmentPosition {
    init(_ value: Components.Schemas.TreatmentPosition) {
        switch value {
        case .prone: self = .prone
        case .seated: self = .seated
        case .sideLying: self = .sideLying
        }
    }
}

extension Components.Schemas.BackRegion {
    init(_ value: BackRegion) {
        switch value {
        case .upper: self = .upper
        case .middle: self = .middle
        case .lower: self = .lower
        }
    }
}

extension BackRegion {
    init(_ value: Components.Schemas.BackRegion) {
        switch value {
        case .upper: self = .upper
        case .middle: self = .middle
        case .lower: self = .lower
        }
    }
}

extension Components.Schemas.PainSide {
    init(_ value: PainSide) {
        switch value {
        case .left: self = .left
        case .right: self = .right
        case .both: self = .both
        case .midline: self = .midline
        }
    }
}

extension PainSide {
    init(_ value: Components.Schemas.PainSide) {
        switch value {
        case .left: self = .left
        case .right: self = .right
        case .both: self = .both
        case .midline: self = .midline
        }
    }
}

extension Components.Schemas.Onset {
    init(_ value: Onset) {
        switch value {
        case .acute: self = .acute
        case .subacute: self = .subacute
        case .chronic: self = .chronic
        }
    }
}

extension Onset {
    init(_ value: Components.Schemas.Onset) {
        switch value {
        case .acute: self = .acute
        case .subacute: self = .subacute
        case .chronic: self = .chronic
        }
    }
}

extension Components.Schemas.SkinRegion {
    init(_ value: SkinRegion) {
        switch value {
        case .neck: self = .neck
        case .upperBack: self = .upperBack
        case .middleBack: self = .middleBack
        case .lowerBack: self = .lowerBack
        case .buttocks: self = .buttocks
        case .leftLeg: self = .leftLeg
        case .rightLeg: self = .rightLeg
        case .leftFoot: self = .leftFoot
        case .rightFoot: self = .rightFoot
        case .leftHand: self = .leftHand
        case .rightHand: self = .rightHand
        case .leftEar: self = .leftEar
        case .rightEar: self = .rightEar
        case .head: self = .head
        case .lowerAbdomen: self = .lowerAbdomen
        }
    }
}

extension SkinRegion {
    init(_ value: Components.Schemas.SkinRegion) {
        switch value {
        case .neck: self = .neck
        case .upperBack: self = .upperBack
        case .middleBack: self = .middleBack
        case .lowerBack: self = .lowerBack
        case .buttocks: self = .buttocks
        case .leftLeg: self = .leftLeg
        case .rightLeg: self = .rightLeg
        case .leftFoot: self = .leftFoot
        case .rightFoot: self = .rightFoot
        case .leftHand: self = .leftHand
        case .rightHand: self = .rightHand
        case .leftEar: self = .leftEar
        case .rightEar: self = .rightEar
        case .head: self = .head
        case .lowerAbdomen: self = .lowerAbdomen
        }
    }
}

extension Components.Schemas.RiskFactors.BleedingDisorderPayload {
    init(_ value: BleedingDisorder) {
        switch value {
        case .none: self = .none
        case .mild: self = .mild
        case .severe: self = .severe
        }
    }
}

extension BleedingDisorder {
    init(_ value: Components.Schemas.RiskFactors.BleedingDisorderPayload) {
        switch value {
        case .none: self = .none
        case .mild: self = .mild
        case .severe: self = .severe
        }
    }
}

extension Components.Schemas.ElectricalPair.WaveformPayload {
    init(_ value: Waveform) {
        switch value {
        case .continuous: self = .continuous
        case .denseDisperse: self = .denseDisperse
        case .intermittent: self = .intermittent
        }
    }
}

extension Components.Schemas.SessionAdjunct.KindPayload {
    init(_ value: AdjunctKind) {
        switch value {
        case .moxibustion: self = .moxibustion
        case .cupping: self = .cupping
        case .heatLamp: self = .heatLamp
        case .advice: self = .advice
        case .exercises: self = .exercises
        }
    }
}

