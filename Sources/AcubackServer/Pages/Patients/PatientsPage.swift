import AcubackServices
import AcubackCore
import Foundation

/// The patients template's values: the staff's search of the patient list.
struct PatientsPage: PageModel {
    struct Row: Sendable {
        let id: String
        let name: String
        let birthDate: String
        let email: String
        let phone: String

        init(_ patient: PatientRecord) {
            id = patient.id.uuidString
            name = patient.name
            birthDate = patient.birthDate
            email = patient.email ?? ""
            phone = patient.phone ?? ""
        }
    }

    let q: String
    let patients: [Row]
    let pager: Pager.Links
}

/// The patient-new template's values: the desk's registration form, empty or as typed.
struct PatientNewPage: PageModel {
    /// A patient already registered with the same name and birth date.
    struct Duplicate: Sendable {
        let id: String
        let name: String
        let born: String
    }

    var hasErrors = false
    var errors: [[String: String]] = []
    var duplicate: Duplicate?
    var givenName = ""
    var familyName = ""
    var birthDate = ""
    var email = ""
    var phone = ""

    init() {}

    init(typed form: FormFields) {
        givenName = form.text("givenName")
        familyName = form.text("familyName")
        birthDate = form.text("birthDate")
        email = form.text("email")
        phone = form.text("phone")
    }
}
